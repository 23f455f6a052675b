import { GrowableUint8 } from './bitset';

// A term's postings: the slots holding it, in increasing order, each as its distance from the previous one
// in LEB128 (7 bits a byte: one or two bytes a slot for all but the rarest words, instead of four); and,
// beside each slot, where in the publication the word stands (its positions, for phrases). The decoding
// loops are written out inline where they run per posting: a query at a million publications runs them
// millions of times, and a function call per number costs more than the decoding.

function pushVarint(bytes: GrowableUint8, value: number): void {
  while (value >= 0x80) {
    bytes.push((value & 0x7f) | 0x80);
    value = Math.floor(value / 128); // not `>>>`: values may pass 2^31
  }
  bytes.push(value);
}

export class SlotList {
  readonly bytes = new GrowableUint8(4);
  private last = 0;
  length = 0;

  /** A list of `length` slots, the last `last`, encoded in `bytes` (taken as they are: see Growable.adopt). */
  static restore(bytes: Uint8Array, length: number, last: number): SlotList {
    const list = new SlotList();
    list.bytes.adopt(bytes);
    list.length = length;
    list.last = last;
    return list;
  }

  /** The highest slot pushed (0 when none): the next push encodes its distance from it. */
  get lastSlot(): number {
    return this.last;
  }

  /** Slots must come in increasing order (the index hands out slots in increasing order). */
  push(slot: number): void {
    pushVarint(this.bytes, slot - this.last);
    this.last = slot;
    this.length++;
  }

  /**
   * Every slot, in order, decoded into `into` (when it has room) or a new typed array: the hot loops of a
   * query (matching, scoring) then run over plain numbers instead of calling a function per slot.
   */
  toArray(into?: Uint32Array): Uint32Array {
    const out = into && into.length >= this.length ? into.subarray(0, this.length) : new Uint32Array(this.length);
    const bytes = this.bytes.data;
    let slot = 0;
    for (let i = 0, at = 0; i < out.length; i++) {
      // LEB128, inline: this loop decodes a million slots for a common word.
      let byte = bytes[at++]!;
      let value = byte & 0x7f;
      for (let scale = 128; byte & 0x80; scale *= 128) value += ((byte = bytes[at++]!) & 0x7f) * scale;
      out[i] = slot += value;
    }
    return out;
  }

  trim(): void {
    this.bytes.trim();
  }
}

/** One posting's positions being encoded (shared: a vocabulary of 100,000 words would hold 100,000 of them). */
const scratch = new GrowableUint8(16);

/** Per posting, the byte length of its positions, then the positions as gaps (first from -1), all LEB128. */
export class PositionLists {
  readonly bytes = new GrowableUint8(4);

  static restore(bytes: Uint8Array): PositionLists {
    const lists = new PositionLists();
    lists.bytes.adopt(bytes);
    return lists;
  }

  /** The positions of the next posting, increasing. */
  push(positions: number[]): void {
    scratch.length = 0;
    let last = -1;
    for (const position of positions) {
      pushVarint(scratch, position - last);
      last = position;
    }
    pushVarint(this.bytes, scratch.length);
    for (let i = 0; i < scratch.length; i++) this.bytes.push(scratch.data[i]!);
  }

  trim(): void {
    this.bytes.trim();
  }
}

/**
 * Walks a term's slots and positions together, posting by posting. A phrase query runs one per word over
 * hundreds of thousands of postings: the decoding is written out inline, on plain number fields.
 */
export class PostingCursor {
  /** The current posting's slot; -1 before the first, Infinity after the last. */
  slot = -1;
  private slotByte = 0;
  private positionsStart = 0;
  private positionsEnd = 0;
  /** Postings not yet read. */
  private left: number;

  constructor(
    private readonly slots: SlotList,
    private readonly lists: PositionLists,
  ) {
    this.left = slots.length;
  }

  /** How many postings the term has. */
  get length(): number {
    return this.slots.length;
  }

  /** Moves to the first posting whose slot is `target` or after. */
  seek(target: number): number {
    if (this.slot >= target) return this.slot;
    const slotBytes = this.slots.bytes.data;
    const positionBytes = this.lists.bytes.data;
    let slot = Math.max(0, this.slot);
    let left = this.left;
    let at = this.slotByte;
    let end = this.positionsEnd;
    let start = end;
    do {
      if (left === 0) {
        this.left = 0;
        return (this.slot = Infinity);
      }
      left--;
      let byte = slotBytes[at++]!;
      let value = byte & 0x7f;
      for (let scale = 128; byte & 0x80; scale *= 128) value += ((byte = slotBytes[at++]!) & 0x7f) * scale;
      slot += value;
      byte = positionBytes[end++]!;
      value = byte & 0x7f;
      for (let scale = 128; byte & 0x80; scale *= 128) value += ((byte = positionBytes[end++]!) & 0x7f) * scale;
      start = end;
      end += value;
    } while (slot < target);
    this.left = left;
    this.slotByte = at;
    this.positionsStart = start;
    this.positionsEnd = end;
    return (this.slot = slot);
  }

  /** The current posting's positions, increasing (for the few publications of a results page, not the hot loops). */
  positions(): number[] {
    const bytes = this.lists.bytes.data;
    const out: number[] = [];
    let position = -1;
    for (let at = this.positionsStart; at < this.positionsEnd; ) {
      let byte = bytes[at++]!;
      let value = byte & 0x7f;
      for (let scale = 128; byte & 0x80; scale *= 128) value += ((byte = bytes[at++]!) & 0x7f) * scale;
      out.push((position += value));
    }
    return out;
  }

  /**
   * Whether the words of `cursors`, all at the same publication, stand there one after another in that
   * order (a phrase). Decodes each word's positions only as far as needed, in local variables: this runs
   * for every publication holding all the words, hundreds of thousands for a common phrase. `at` and
   * `position` are working memory of cursors.length, reused from one publication to the next.
   */
  static adjacent(cursors: PostingCursor[], at: Float64Array, position: Float64Array): boolean {
    const count = cursors.length;
    // Two words, the usual phrase: the same walk with every variable local (a fifth of the phrase's time at
    // a million publications).
    if (count === 2) {
      const a = cursors[0]!, b = cursors[1]!;
      const ab = a.lists.bytes.data, bb = b.lists.bytes.data;
      let bi = b.positionsStart;
      const bEnd = b.positionsEnd, aEnd = a.positionsEnd;
      let p = -1, q = -1;
      for (let ai = a.positionsStart; ai < aEnd; ) {
        let byte = ab[ai++]!;
        let value = byte & 0x7f;
        for (let scale = 128; byte & 0x80; scale *= 128) value += ((byte = ab[ai++]!) & 0x7f) * scale;
        p += value;
        while (q <= p) {
          if (bi >= bEnd) return false;
          byte = bb[bi++]!;
          value = byte & 0x7f;
          for (let scale = 128; byte & 0x80; scale *= 128) value += ((byte = bb[bi++]!) & 0x7f) * scale;
          q += value;
        }
        if (q === p + 1) return true;
      }
      return false;
    }
    for (let j = 0; j < count; j++) {
      at[j] = cursors[j]!.positionsStart;
      position[j] = -1;
    }
    const first = cursors[0]!;
    const firstBytes = first.lists.bytes.data;
    let start = -1;
    next: for (let i = first.positionsStart; i < first.positionsEnd; ) {
      let byte = firstBytes[i++]!;
      let value = byte & 0x7f;
      for (let scale = 128; byte & 0x80; scale *= 128) value += ((byte = firstBytes[i++]!) & 0x7f) * scale;
      start += value;
      for (let j = 1; j < count; j++) {
        const cursor = cursors[j]!;
        const bytes = cursor.lists.bytes.data;
        // Word j's positions, read on from where the previous start left them, up to start + j.
        let p = position[j]!;
        let k = at[j]!;
        while (p < start + j) {
          if (k >= cursor.positionsEnd) return false;
          byte = bytes[k++]!;
          value = byte & 0x7f;
          for (let scale = 128; byte & 0x80; scale *= 128) value += ((byte = bytes[k++]!) & 0x7f) * scale;
          p += value;
        }
        position[j] = p;
        at[j] = k;
        if (p !== start + j) continue next;
      }
      return true;
    }
    return false;
  }
}
