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

/**
 * An append-only array of unsigned integers that grows as needed (doubling), and can give back its spare
 * room once filled (`trim`). The index holds millions of these numbers: they live in typed arrays, not
 * JS arrays, and as few of them as possible.
 */
abstract class Growable<T extends Uint8Array | Uint32Array> {
  data: T;
  length = 0;

  constructor(capacity: number) {
    this.data = this.allocate(Math.max(1, capacity));
  }

  protected abstract allocate(size: number): T;

  push(value: number): void {
    if (this.length === this.data.length) {
      const bigger = this.allocate(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = value;
  }

  /**
   * Takes `data` as its contents, without copying (a snapshot's arrays are views of the file's buffer).
   * Pushing past its end moves the values to a new array of their own, so the view is never written to.
   */
  adopt(data: T): this {
    // An empty one keeps its own array: doubling a zero-length array would leave no room to push into.
    if (data.length > 0) this.data = data;
    this.length = data.length;
    return this;
  }

  /** Drops the spare capacity (after a bulk build, when most arrays will not grow again). */
  trim(): void {
    if (this.data.length > this.length) this.data = this.data.slice(0, Math.max(1, this.length)) as T;
  }
}

export class GrowableUint32 extends Growable<Uint32Array> {
  constructor(capacity = 4) {
    super(capacity);
  }

  protected allocate(size: number): Uint32Array {
    return new Uint32Array(size);
  }

  static of(...values: number[]): GrowableUint32 {
    const array = new GrowableUint32(Math.max(4, values.length));
    for (const value of values) array.push(value);
    return array;
  }
}

/** Values above 255 are stored as 255. */
export class GrowableUint8 extends Growable<Uint8Array> {
  constructor(capacity = 4) {
    super(capacity);
  }

  protected allocate(size: number): Uint8Array {
    return new Uint8Array(size);
  }

  override push(value: number): void {
    super.push(Math.min(value, 255));
  }
}
