/** A fixed-size set of small integers (document slots), one bit each. */
export class Bitset {
  readonly words: Uint32Array;

  constructor(readonly size: number, words?: Uint32Array) {
    this.words = words ?? new Uint32Array((size + 31) >>> 5);
  }

  static full(size: number): Bitset {
    const set = new Bitset(size);
    set.words.fill(0xffffffff);
    const extra = set.words.length * 32 - size;
    if (extra > 0) set.words[set.words.length - 1] = 0xffffffff >>> extra;
    return set;
  }

  clone(): Bitset {
    return new Bitset(this.size, this.words.slice());
  }

  add(i: number): void {
    this.words[i >>> 5]! |= 1 << (i & 31);
  }

  delete(i: number): void {
    this.words[i >>> 5]! &= ~(1 << (i & 31));
  }

  /** A copy with room for `size` members. */
  resized(size: number): Bitset {
    const words = new Uint32Array((size + 31) >>> 5);
    words.set(this.words.subarray(0, Math.min(words.length, this.words.length)));
    return new Bitset(size, words);
  }

  has(i: number): boolean {
    return (this.words[i >>> 5]! & (1 << (i & 31))) !== 0;
  }

  and(other: Bitset): this {
    const a = this.words, b = other.words;
    for (let i = 0; i < a.length; i++) a[i]! &= b[i] ?? 0;
    return this;
  }

  or(other: Bitset): this {
    const a = this.words, b = other.words;
    for (let i = 0; i < a.length; i++) a[i]! |= b[i] ?? 0;
    return this;
  }

  andNot(other: Bitset): this {
    const a = this.words, b = other.words;
    for (let i = 0; i < a.length; i++) a[i]! &= ~(b[i] ?? 0);
    return this;
  }

  count(): number {
    let n = 0;
    for (let w of this.words) {
      w -= (w >>> 1) & 0x55555555;
      w = (w & 0x33333333) + ((w >>> 2) & 0x33333333);
      n += (((w + (w >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
    }
    return n;
  }

  /** Calls `fn` with every member in increasing order. */
  forEach(fn: (i: number) => void): void {
    const words = this.words;
    for (let k = 0; k < words.length; k++) {
      let w = words[k]!;
      while (w !== 0) {
        const low = w & -w;
        fn((k << 5) + 31 - Math.clz32(low));
        w ^= low;
      }
    }
  }
}

/** An append-only array of unsigned 32-bit integers that grows as needed. */
export class GrowableUint32 {
  data: Uint32Array;
  length = 0;

  constructor(capacity = 4) {
    this.data = new Uint32Array(capacity);
  }

  static of(...values: number[]): GrowableUint32 {
    const array = new GrowableUint32(Math.max(4, values.length));
    for (const value of values) array.push(value);
    return array;
  }

  push(value: number): void {
    if (this.length === this.data.length) {
      const bigger = new Uint32Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = value;
  }
}
