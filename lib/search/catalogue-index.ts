import { FACETS, PAGE_SIZE, type CatalogueParams, type Facet } from '@/lib/catalogue/params';
import { foldText } from '@/lib/text';
import { Bitset, GrowableUint16, GrowableUint32, GrowableUint8, SlotList } from './bitset';
import type { Clause, SearchQuery } from './query';
import { tokenize } from './tokenize';

/**
 * The in-memory search index: an inverted index over the text and one posting list per facet value,
 * so a query's matches, BM25 ranking and exact disjunctive facet counts are bitset operations.
 * Every (re)indexed publication takes a new slot; the old slot is only marked dead, which keeps every
 * posting list sorted by slot and makes an update as cheap as an insert.
 */

export type IndexDoc = {
  id: number;
  title: string;
  summary: string;
  /** Author, country, region and category names, searchable but weighted below the title. */
  names: string;
  year: number | null;
  category: string | null;
  countries: string[];
  /** Regions tagged on the publication together with the regions of its countries. */
  regions: string[];
  authors: string[];
};

export type FacetCount = { value: string; count: number; selected: boolean };

export type SearchOptions = {
  /** Results per page (default PAGE_SIZE); an export asks for everything in one page. */
  pageSize?: number;
  /** At most this many values per facet, the highest counts first; selected values always come back. */
  facetLimit?: number;
  /** Only values passing this test are returned (counts are unaffected). */
  facetFilter?: Partial<Record<Facet, (value: string) => boolean>>;
};

export type SearchResult = {
  total: number;
  page: number;
  pageCount: number;
  /** Publication ids of the page, in order. */
  ids: number[];
  facets: Record<Facet, FacetCount[]>;
  /** How many distinct values each facet has among its matches (before the limit). */
  facetSizes: Record<Facet, number>;
};

// Title matches weigh most, then names, then the summary (BM25 over weighted term frequencies).
const WEIGHT = { title: 4, names: 2, summary: 1 } as const;
const K1 = 1.2;
const B = 0.75;

class ValueDictionary {
  readonly values: string[] = [];
  readonly postings: GrowableUint32[] = [];
  /** How many live publications hold each value: the counts over the whole catalogue, kept by upsert and remove. */
  readonly liveCounts: number[] = [];
  private readonly ids = new Map<string, number>();

  idOf(value: string): number | undefined {
    return this.ids.get(value);
  }

  intern(value: string): number {
    let id = this.ids.get(value);
    if (id === undefined) {
      id = this.values.length;
      this.ids.set(value, id);
      this.values.push(value);
      this.postings.push(new GrowableUint32());
      this.liveCounts.push(0);
    }
    return id;
  }
}

/** Weighted term frequencies above 255 count as 255 (a word 64 times in one title). */
type TermPostings = { slots: SlotList; weights: GrowableUint8; df: number };

export class CatalogueIndex {
  private capacity = 1024;
  private slotCount = 0;
  private live = new Bitset(this.capacity);
  private readonly slotOf = new Map<number, number>();
  private readonly idOfSlot = new GrowableUint32();
  private readonly yearOfSlot = new GrowableUint32(); // 0 when unknown
  private readonly titleKey: string[] = [];
  private readonly docLength = new GrowableUint32();
  /**
   * Every slot's token sequence (term ids, `fieldGap` between fields so a phrase never spans two), end to
   * end: slot s owns tokenData[tokenStart[s]] … tokenData[tokenStart[s + 1] - 1]. Two bytes a token while
   * the vocabulary has fewer than 65,535 words (the largest value is the gap), four beyond.
   */
  private tokenData: GrowableUint16 | GrowableUint32 = new GrowableUint16(1024);
  private fieldGap = 0xffff;
  private readonly tokenStart = GrowableUint32.of(0);
  private readonly facetValues = Object.fromEntries(FACETS.map((f) => [f, new ValueDictionary()])) as Record<
    Facet,
    ValueDictionary
  >;
  /** Per facet, each slot's value ids as one flat array: slot s owns values[starts[s]] … values[starts[s + 1] - 1]. */
  private readonly facetOfSlot = Object.fromEntries(
    FACETS.map((f) => [f, { starts: GrowableUint32.of(0), values: new GrowableUint32(1024) }]),
  ) as Record<Facet, { starts: GrowableUint32; values: GrowableUint32 }>;
  private readonly termIds = new Map<string, number>();
  private readonly termPostings: TermPostings[] = [];
  /** Folded words as written → their stem's term id, for prefix queries. */
  private readonly surfaces = new Map<string, number>();
  private sortedSurfaces: string[] | null = [];
  private totalLength = 0;
  private orders: Partial<Record<'newest' | 'oldest' | 'title', Uint32Array>> = {};

  get size(): number {
    return this.slotOf.size;
  }

  /** Slots no longer in use; a store rebuilds the index when they pile up. */
  get deadSlots(): number {
    return this.slotCount - this.slotOf.size;
  }

  has(id: number): boolean {
    return this.slotOf.has(id);
  }

  upsert(doc: IndexDoc): void {
    this.remove(doc.id);
    const slot = this.slotCount++;
    if (slot >= this.capacity) {
      this.capacity *= 2;
      this.live = this.live.resized(this.capacity);
    }
    this.live.add(slot);
    this.slotOf.set(doc.id, slot);
    this.idOfSlot.push(doc.id);
    this.yearOfSlot.push(doc.year ?? 0);
    this.titleKey.push(foldText(doc.title));

    const keys: Record<Facet, string[]> = {
      country: doc.countries,
      region: doc.regions,
      category: doc.category === null ? [] : [doc.category],
      author: doc.authors,
      year: doc.year === null ? [] : [String(doc.year)],
    };
    for (const facet of FACETS) {
      const dictionary = this.facetValues[facet];
      const ids = [...new Set(keys[facet])].map((v) => dictionary.intern(v));
      const forward = this.facetOfSlot[facet];
      for (const id of ids) {
        dictionary.postings[id]!.push(slot);
        dictionary.liveCounts[id]!++;
        forward.values.push(id);
      }
      forward.starts.push(forward.values.length);
    }

    const weights = new Map<number, number>();
    let length = 0;
    for (const field of ['title', 'names', 'summary'] as const) {
      for (const token of tokenize(doc[field])) {
        const id = this.internTerm(token.term);
        if (id >= this.fieldGap) this.widenTokens();
        if (!this.surfaces.has(token.surface)) {
          this.surfaces.set(token.surface, id);
          this.sortedSurfaces = null;
        }
        weights.set(id, (weights.get(id) ?? 0) + WEIGHT[field]);
        this.tokenData.push(id);
        length += WEIGHT[field];
      }
      this.tokenData.push(this.fieldGap);
    }
    this.tokenStart.push(this.tokenData.length);
    for (const [id, weight] of weights) {
      const postings = this.termPostings[id]!;
      postings.slots.push(slot);
      postings.weights.push(weight);
      postings.df++;
    }
    this.docLength.push(length);
    this.totalLength += length;
    this.orders = {};
  }

  remove(id: number): void {
    const slot = this.slotOf.get(id);
    if (slot === undefined) return;
    this.slotOf.delete(id);
    this.live.delete(slot);
    // The dead slot's tokens stay in place until the next rebuild; nothing reads them again.
    for (const term of new Set(this.tokensOf(slot))) {
      if (term !== this.fieldGap) this.termPostings[term]!.df--;
    }
    for (const facet of FACETS) {
      const { starts, values } = this.facetOfSlot[facet];
      const counts = this.facetValues[facet].liveCounts;
      for (let j = starts.data[slot]!; j < starts.data[slot + 1]!; j++) counts[values.data[j]!]!--;
    }
    this.totalLength -= this.docLength.data[slot]!;
    this.orders = {};
  }

  search(params: CatalogueParams, query: SearchQuery, options: SearchOptions = {}): SearchResult {
    const base = this.live.clone();
    if (!query.empty) base.and(this.textMatches(query));
    if (params.yearFrom !== null || params.yearTo !== null) base.and(this.yearRange(params.yearFrom, params.yearTo));

    const filters = new Map<Facet, Bitset>();
    for (const facet of FACETS) {
      const selected = params[facet].map(String);
      if (selected.length > 0) filters.set(facet, this.facetMatches(facet, selected));
    }
    const matches = base.clone();
    for (const filter of filters.values()) matches.and(filter);

    const facets = {} as Record<Facet, FacetCount[]>;
    const facetSizes = {} as Record<Facet, number>;
    for (const facet of FACETS) {
      // Disjunctive counting: every other facet's selection applies, this facet's own does not.
      let scope = matches;
      if (filters.has(facet)) {
        scope = base.clone();
        for (const [other, filter] of filters) if (other !== facet) scope.and(filter);
      }
      const { values, size } = this.countFacet(facet, scope, params[facet].map(String), options);
      facets[facet] = values;
      facetSizes[facet] = size;
    }

    const total = matches.count();
    const pageSize = options.pageSize ?? PAGE_SIZE;
    const pageCount = Math.max(1, Math.ceil(total / pageSize));
    const page = Math.min(params.page, pageCount);
    const skip = (page - 1) * pageSize;
    const take = Math.max(0, Math.min(total, page * pageSize) - skip);
    const slots =
      params.sort === 'relevance' && query.must.length > 0
        ? this.topByRelevance(matches, query, skip + take).slice(skip)
        : this.walkOrder(params.sort === 'relevance' ? 'newest' : params.sort, matches, skip, take);
    const ids = slots.map((slot) => this.idOfSlot.data[slot]!);
    return { total, page, pageCount, ids, facets, facetSizes };
  }

  /**
   * Gives back the spare room of every growing array: after a bulk build most of them are done growing,
   * and the doubling slack would otherwise be a third of the index's memory.
   */
  compact(): void {
    for (const postings of this.termPostings) {
      postings.slots.trim();
      postings.weights.trim();
    }
    for (const facet of FACETS) {
      for (const postings of this.facetValues[facet].postings) postings.trim();
      this.facetOfSlot[facet].starts.trim();
      this.facetOfSlot[facet].values.trim();
    }
    for (const array of [this.idOfSlot, this.yearOfSlot, this.docLength, this.tokenData, this.tokenStart]) array.trim();
  }

  /** From two bytes a token to four: the vocabulary has outgrown 16-bit term ids. */
  private widenTokens(): void {
    const wide = new GrowableUint32(this.tokenData.data.length);
    const { data, length } = this.tokenData;
    for (let i = 0; i < length; i++) wide.push(data[i] === this.fieldGap ? 0xffffffff : data[i]!);
    this.tokenData = wide;
    this.fieldGap = 0xffffffff;
  }

  private tokensOf(slot: number): Uint16Array | Uint32Array {
    const starts = this.tokenStart.data;
    return this.tokenData.data.subarray(starts[slot]!, starts[slot + 1]!);
  }

  private internTerm(term: string): number {
    let id = this.termIds.get(term);
    if (id === undefined) {
      id = this.termPostings.length;
      this.termIds.set(term, id);
      this.termPostings.push({ slots: new SlotList(), weights: new GrowableUint8(), df: 0 });
    }
    return id;
  }

  private bitsOf(postings: GrowableUint32 | SlotList): Bitset {
    const set = new Bitset(this.capacity);
    const words = set.words;
    const slots = postings instanceof SlotList ? postings.toArray() : postings.data.subarray(0, postings.length);
    for (let i = 0; i < slots.length; i++) words[slots[i]! >>> 5]! |= 1 << (slots[i]! & 31);
    return set;
  }

  private termBits(term: string): Bitset {
    const id = this.termIds.get(term);
    return id === undefined ? new Bitset(this.capacity) : this.bitsOf(this.termPostings[id]!.slots);
  }

  /** Term ids of every word written with this prefix. */
  private prefixTerms(prefix: string): Set<number> {
    this.sortedSurfaces ??= [...this.surfaces.keys()].sort();
    const sorted = this.sortedSurfaces;
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid]! < prefix) lo = mid + 1;
      else hi = mid;
    }
    const ids = new Set<number>();
    for (let i = lo; i < sorted.length && sorted[i]!.startsWith(prefix); i++) ids.add(this.surfaces.get(sorted[i]!)!);
    return ids;
  }

  private phraseBits(terms: string[]): Bitset {
    const ids = terms.map((t) => this.termIds.get(t));
    const candidates = new Bitset(this.capacity);
    if (ids.some((id) => id === undefined)) return candidates;
    // Only publications holding every word of the phrase need their word order checked.
    const holding = this.live.clone();
    for (const id of new Set(ids)) holding.and(this.bitsOf(this.termPostings[id!]!.slots));
    // Look for the phrase's rarest word (the fewest places to check), then at its neighbours.
    const phrase = ids as number[];
    let anchor = 0;
    for (let k = 1; k < phrase.length; k++) {
      if (this.termPostings[phrase[k]!]!.df < this.termPostings[phrase[anchor]!]!.df) anchor = k;
    }
    const tokens = this.tokenData.data;
    const starts = this.tokenStart.data;
    const target = phrase[anchor]!;
    // Where the anchor word occurs next, at or after the current publication's first token: one search
    // through the token store can serve several publications, and none of it is searched twice.
    let next = -1;
    const words = holding.words;
    for (let k = 0; k < words.length; k++) {
      for (let w = words[k]!; w !== 0; w &= w - 1) {
        const slot = (k << 5) + 31 - Math.clz32(w & -w);
        const start = starts[slot]!;
        const end = starts[slot + 1]!;
        // The publication holds the word, so the search stops inside its tokens.
        if (next < start) next = tokens.indexOf(target, start);
        for (; next !== -1 && next < end; next = tokens.indexOf(target, next + 1)) {
          if (phraseAt(tokens, next - anchor, start, end, phrase)) {
            candidates.add(slot);
            break;
          }
        }
      }
    }
    return candidates;
  }

  private clauseBits(clause: Clause): Bitset {
    switch (clause.kind) {
      case 'term':
        return this.termBits(clause.term);
      case 'phrase':
        return this.phraseBits(clause.terms);
      case 'prefix': {
        const set = new Bitset(this.capacity);
        for (const id of this.prefixTerms(clause.prefix)) set.or(this.bitsOf(this.termPostings[id]!.slots));
        return set;
      }
    }
  }

  private textMatches(query: SearchQuery): Bitset {
    const result = Bitset.full(this.capacity);
    for (const group of query.must) {
      const alternatives = new Bitset(this.capacity);
      for (const clause of group) alternatives.or(this.clauseBits(clause));
      result.and(alternatives);
    }
    for (const clause of query.not) result.andNot(this.clauseBits(clause));
    return result;
  }

  private yearRange(from: number | null, to: number | null): Bitset {
    const set = new Bitset(this.capacity);
    const years = this.facetValues.year;
    years.values.forEach((value, id) => {
      const year = Number(value);
      if ((from === null || year >= from) && (to === null || year <= to)) set.or(this.bitsOf(years.postings[id]!));
    });
    return set;
  }

  private facetMatches(facet: Facet, selected: string[]): Bitset {
    const set = new Bitset(this.capacity);
    const dictionary = this.facetValues[facet];
    for (const value of selected) {
      const id = dictionary.idOf(value);
      if (id !== undefined) set.or(this.bitsOf(dictionary.postings[id]!));
    }
    return set;
  }

  private countFacet(facet: Facet, scope: Bitset, selected: string[], options: SearchOptions) {
    const dictionary = this.facetValues[facet];
    const counts = this.countValues(facet, scope);
    const accept = options.facetFilter?.[facet];
    const limit = options.facetLimit ?? Infinity;
    let size = 0;
    const candidates: number[] = [];
    for (let id = 0; id < counts.length; id++) {
      if (counts[id] === 0) continue;
      size++;
      if (!accept || accept(dictionary.values[id]!)) candidates.push(id);
    }
    const top = candidates.length > limit ? topByCount(candidates, counts, limit) : candidates;
    const chosen = new Set(top);
    const values: FacetCount[] = top.map((id) => ({
      value: dictionary.values[id]!,
      count: counts[id]!,
      selected: selected.includes(dictionary.values[id]!),
    }));
    for (const value of selected) {
      const id = dictionary.idOf(value);
      if (id === undefined || !chosen.has(id)) values.push({ value, count: id === undefined ? 0 : counts[id]!, selected: true });
    }
    return { values, size };
  }

  /** How many publications of `scope` hold each value of the facet. */
  private countValues(facet: Facet, scope: Bitset): Uint32Array {
    const counts = new Uint32Array(this.facetValues[facet].values.length);
    const starts = this.facetOfSlot[facet].starts.data;
    const valueIds = this.facetOfSlot[facet].values.data;
    // When the scope holds most of the catalogue (no filter, a common word), counting what lies outside it
    // and subtracting from the whole catalogue's counts visits fewer publications.
    const complement = scope.count() * 2 > this.size;
    const words = complement ? this.live.clone().andNot(scope).words : scope.words;
    // The hot loop of every query: walk the set bits inline and count each slot's values.
    for (let k = 0; k < words.length; k++) {
      for (let w = words[k]!; w !== 0; w &= w - 1) {
        const slot = (k << 5) + 31 - Math.clz32(w & -w);
        for (let j = starts[slot]!, end = starts[slot + 1]!; j < end; j++) counts[valueIds[j]!]!++;
      }
    }
    if (complement) {
      const whole = this.facetValues[facet].liveCounts;
      for (let id = 0; id < counts.length; id++) counts[id] = whole[id]! - counts[id]!;
    }
    return counts;
  }

  private order(sort: 'newest' | 'oldest' | 'title'): Uint32Array {
    const cached = this.orders[sort];
    if (cached) return cached;
    const slots: number[] = [];
    this.live.forEach((slot) => slots.push(slot));
    const year = this.yearOfSlot.data;
    const title = this.titleKey;
    const byTitle = (a: number, b: number) => (title[a]! < title[b]! ? -1 : title[a]! > title[b]! ? 1 : 0);
    // Publications without a year go last in both directions.
    const compare = {
      newest: (a: number, b: number) => (year[b]! || -1) - (year[a]! || -1) || byTitle(a, b),
      oldest: (a: number, b: number) => (year[a]! || 1e9) - (year[b]! || 1e9) || byTitle(a, b),
      title: (a: number, b: number) => byTitle(a, b) || year[b]! - year[a]!,
    }[sort];
    const order = Uint32Array.from(slots.sort(compare));
    this.orders[sort] = order;
    return order;
  }

  /** The matches from the `skip`th on, at most `take`, in the sort's order. */
  private walkOrder(sort: 'newest' | 'oldest' | 'title', matches: Bitset, skip: number, take: number): number[] {
    const out: number[] = [];
    const order = this.order(sort);
    const words = matches.words;
    for (let i = 0; i < order.length && out.length < take; i++) {
      const slot = order[i]!;
      if ((words[slot >>> 5]! & (1 << (slot & 31))) === 0) continue;
      if (skip > 0) skip--;
      else out.push(slot);
    }
    return out;
  }

  /** The best `limit` matches by BM25 over weighted term frequencies, best first. */
  private topByRelevance(matches: Bitset, query: SearchQuery, limit: number): number[] {
    const scores = new Float64Array(this.capacity);
    const docCount = Math.max(1, this.size);
    const averageLength = this.totalLength / docCount || 1;
    const scored = new Set<number>();
    for (const clause of query.must.flat()) {
      const ids =
        clause.kind === 'prefix'
          ? this.prefixTerms(clause.prefix)
          : (clause.kind === 'term' ? [clause.term] : clause.terms).map((t) => this.termIds.get(t)).filter((id) => id !== undefined);
      for (const id of ids) {
        if (scored.has(id)) continue;
        scored.add(id);
        const postings = this.termPostings[id]!;
        const idf = Math.log(1 + (docCount - postings.df + 0.5) / (postings.df + 0.5));
        const weights = postings.weights.data;
        const lengths = this.docLength.data;
        const slots = postings.slots.toArray();
        const words = matches.words;
        for (let i = 0; i < slots.length; i++) {
          const slot = slots[i]!;
          if ((words[slot >>> 5]! & (1 << (slot & 31))) === 0) continue;
          const tf = weights[i]!;
          scores[slot]! += (idf * tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * lengths[slot]!) / averageLength));
        }
      }
    }
    // A bounded min-heap keeps the best `limit` without sorting every match.
    const year = this.yearOfSlot.data;
    const better = (a: number, b: number) => scores[a]! - scores[b]! || year[a]! - year[b]! || b - a;
    const heap: number[] = [];
    if (limit === 0) return heap;
    const words = matches.words;
    for (let k = 0; k < words.length; k++) {
      for (let w = words[k]!; w !== 0; w &= w - 1) {
        const slot = (k << 5) + 31 - Math.clz32(w & -w);
        if (heap.length < limit) {
          heap.push(slot);
          siftUp(heap, heap.length - 1, better);
        } else if (scores[slot]! >= scores[heap[0]!]! && better(slot, heap[0]!) > 0) {
          // The score test first: most matches score below the heap's worst and are passed over at once.
          heap[0] = slot;
          siftDown(heap, 0, better);
        }
      }
    }
    return heap.sort((a, b) => better(b, a));
  }
}

/** The `limit` ids with the highest counts (ties: lower id first), without sorting them all. */
function topByCount(ids: number[], counts: Uint32Array, limit: number): number[] {
  const better = (a: number, b: number) => counts[a]! - counts[b]! || b - a;
  const heap: number[] = [];
  for (const id of ids) {
    if (heap.length < limit) {
      heap.push(id);
      siftUp(heap, heap.length - 1, better);
    } else if (limit > 0 && better(id, heap[0]!) > 0) {
      heap[0] = id;
      siftDown(heap, 0, better);
    }
  }
  return heap.sort((a, b) => better(b, a));
}

/** Whether `ids` follow one another from tokens[from], all within tokens[start…end). */
function phraseAt(tokens: Uint16Array | Uint32Array, from: number, start: number, end: number, ids: number[]): boolean {
  if (from < start || from + ids.length > end) return false;
  for (let j = 0; j < ids.length; j++) if (tokens[from + j] !== ids[j]) return false;
  return true;
}

type Compare = (a: number, b: number) => number;

function siftUp(heap: number[], i: number, better: Compare): void {
  while (i > 0) {
    const parent = (i - 1) >>> 1;
    if (better(heap[parent]!, heap[i]!) <= 0) break;
    [heap[parent], heap[i]] = [heap[i]!, heap[parent]!];
    i = parent;
  }
}

function siftDown(heap: number[], i: number, better: Compare): void {
  for (;;) {
    const left = 2 * i + 1;
    const right = left + 1;
    let worst = i;
    if (left < heap.length && better(heap[left]!, heap[worst]!) < 0) worst = left;
    if (right < heap.length && better(heap[right]!, heap[worst]!) < 0) worst = right;
    if (worst === i) return;
    [heap[worst], heap[i]] = [heap[i]!, heap[worst]!];
    i = worst;
  }
}
