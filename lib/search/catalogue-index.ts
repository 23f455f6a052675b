import { FACETS, PAGE_SIZE, type CatalogueParams, type Facet } from '@/lib/catalogue/params';
import { foldText } from '@/lib/text';
import { Bitset, GrowableUint32, GrowableUint8 } from './bitset';
import { documentChunks } from './document-text';
import { PositionLists, PostingCursor, SlotList } from './postings';
import { parseQuery, type Clause, type SearchQuery } from './query';
import { RELATED_LIMIT, RELATED_WALK_MIN, RELATED_WALK_SHARE, facetScore, idf, maxTermDf, pickRelated, saturate, selectTerms, type RelatedFacet, type Scored, type TermCandidate } from './related';
import { Speller, type Neighbour } from './spelling';
import { TEXT_LANGUAGES, analyseWord, forEachWord, stemKey, termKeys, textLanguage, type TextLanguage } from './tokenize';

/**
 * The in-memory search index: an inverted index over the text (with each word's positions, for phrases)
 * and one posting list per facet value, so a query's matches, BM25 ranking and exact disjunctive facet
 * counts are bitset operations.
 * Each field is stemmed in its own language (`fieldLanguages`), and a query word matches a field when its
 * stem in that language is the field's word's (lib/search/tokenize.ts `stemKey`).
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
  /** Its translation group (publications that are one work in different languages), null when none. */
  group?: number | null;
  /** ISO 639-1 codes, the main language (the title's) first. */
  languages: string[];
  /** The text of its files whose extraction succeeded (textStatus 'ok'), in their order on the record. */
  files?: IndexFile[];
};

export type IndexFile = {
  /** PublicationFile.id: where a results card reads the matching piece back from. */
  id: number;
  /** Pages separated by form feeds. */
  text: string;
  /** The file's ISO 639-1 code; null: not said (then the publication's main language). */
  language: string | null;
  /** Whether its form feeds separate numbered pages (a PDF), so a match can say its page. */
  paged: boolean;
};

/** Where a publication's best document-only match lies: the file, its page (null: none), the piece to read back. */
export type DocumentHit = { fileId: number; page: number | null; start: number; length: number };

export type FacetCount = { value: string; count: number; selected: boolean };

type Field = 'title' | 'names' | 'summary';

/**
 * The language each field is stemmed in. The title is in the publication's main language; the summaries are
 * written by the catalogue's team in English (lib/languages.ts `titleLang`), and the names are the
 * catalogue's English names of people, organisations, places and categories.
 */
export function fieldLanguages(languages: readonly string[]): Record<Field, TextLanguage> {
  return { title: textLanguage(languages[0]), names: 'en', summary: 'en' };
}

/** The language a file's text is stemmed in: its own when said, else the publication's main language (as the SQL full text does). */
export function fileLanguage(language: string | null, languages: readonly string[]): TextLanguage {
  return textLanguage(language ?? languages[0]);
}

export type SearchOptions = {
  /** Results per page (default PAGE_SIZE); an export asks for everything in one page. */
  pageSize?: number;
  /** At most this many values per facet, the highest counts first; selected values always come back. */
  facetLimit?: number;
  /** Per-facet limits in place of `facetLimit` (the map lists every country). */
  facetLimits?: Partial<Record<Facet, number>>;
  /** Only values passing this test are returned (counts are unaffected). */
  facetFilter?: Partial<Record<Facet, (value: string) => boolean>>;
  /** Also count every year (no limit) with the year selection and range left out: the year histogram. */
  yearHistogram?: boolean;
};

/** Publications of one year. */
export type YearCount = { year: number; count: number };

export type SearchResult = {
  /** Publications matching (facet counts count publications too). */
  total: number;
  /** Results: `total`, less the translations grouped under a better-ranked member of their work. */
  results: number;
  page: number;
  /** Pages of results. */
  pageCount: number;
  /** Publication ids of the page, in order. */
  ids: number[];
  /** Grouped translations only: for each id of the page, the other matching members of its work, best-ranked first. */
  translations: number[][] | null;
  facets: Record<Facet, FacetCount[]>;
  /** How many distinct values each facet has among its matches (before the limit). */
  facetSizes: Record<Facet, number>;
  /**
   * With `yearHistogram`: every year with matches, oldest first, counted as the year facet is (every other
   * filter applies) but with the year range left out too, so that bars outside a chosen range still show
   * what choosing them would give. Else null.
   */
  yearHistogram: YearCount[] | null;
};

// Title matches weigh most, then names, then the summary (BM25 over weighted term frequencies).
export const WEIGHT = { title: 4, names: 2, summary: 1 } as const;
/**
 * Document text is scored apart, as its own BM25 (its length normalised against the other documents', not
 * against titles and summaries: one 20-page text would otherwise make its record "long" and sink its title
 * matches), and counts FILE_WEIGHT of it. A document term's score saturates at idf * (K1 + 1) * FILE_WEIGHT
 * = 0.55 idf, below one mention of the term in the summary (about idf): however often a document repeats a
 * word, a record with it in its title, names or summary ranks above one with it only in a document.
 */
export const FILE_WEIGHT = 0.25;
/** Numbers per document piece in `chunks`: first word position, file id, page (0: none), start, length (code points). */
const CHUNK_STRIDE = 5;
/** A prefix query matching more words than this is not located in documents (no "found in the document" line for it). */
const MAX_LOCATED_PREFIX_TERMS = 64;
/** Written words cached per language (see internWord), and the longest cached. */
const WORD_CACHE_LIMIT = 300_000;
const WORD_CACHE_MAX_LENGTH = 48;
const K1 = 1.2;
const B = 0.75;

/**
 * The facet values: one id space over every facet, so that a publication's values (all facets together)
 * sit side by side, and counting them for a query is one pass over its matches.
 */
class FacetValues {
  readonly names: string[] = [];
  readonly postings: GrowableUint32[] = [];
  /** How many live publications hold each value: the counts over the whole catalogue, kept by upsert and remove. */
  readonly liveCounts: number[] = [];
  /** Per facet, its values' ids in the order first seen. */
  readonly members = Object.fromEntries(FACETS.map((f) => [f, []])) as unknown as Record<Facet, number[]>;
  private readonly ids = Object.fromEntries(FACETS.map((f) => [f, new Map()])) as Record<Facet, Map<string, number>>;

  idOf(facet: Facet, value: string): number | undefined {
    return this.ids[facet].get(value);
  }

  /** The values as `CatalogueIndex.state` gave them (their names, facets, postings and live counts by id). */
  static restore(names: string[], facets: Uint8Array, postings: Uint32Array[], liveCounts: Uint32Array): FacetValues {
    const values = new FacetValues();
    for (let id = 0; id < names.length; id++) {
      const facet = FACETS[facets[id]!];
      if (!facet) throw new Error(`facet value ${id} has no facet ${facets[id]}`);
      values.ids[facet].set(names[id]!, id);
      values.members[facet].push(id);
      values.names.push(names[id]!);
      values.postings.push(new GrowableUint32().adopt(postings[id]!));
      values.liveCounts.push(liveCounts[id]!);
    }
    return values;
  }

  facetIndexOf(id: number): number {
    for (let k = 0; k < FACETS.length; k++) if (this.ids[FACETS[k]!].get(this.names[id]!) === id) return k;
    throw new Error(`facet value ${id} is in no facet`);
  }

  intern(facet: Facet, value: string): number {
    let id = this.ids[facet].get(value);
    if (id === undefined) {
      id = this.names.length;
      this.ids[facet].set(value, id);
      this.members[facet].push(id);
      this.names.push(value);
      this.postings.push(new GrowableUint32());
      this.liveCounts.push(0);
    }
    return id;
  }
}

/**
 * A term's postings: its slots (dead ones too, until the next rebuild), the weighted frequency in each
 * (above 255 counts as 255: a word 64 times in one title), and the word's positions in each.
 */
type TermPostings = { slots: SlotList; weights: GrowableUint8; fileWeights: GrowableUint8; positions: PositionLists };

/**
 * Everything a CatalogueIndex holds, as flat arrays and strings (what lib/search/snapshot.ts writes to a
 * file): `CatalogueIndex.fromState(index.state())` is the same index. Typed arrays are views of the
 * index's own arrays wherever the index only ever appends to them, copies where it changes them in place.
 */
export type IndexState = {
  capacity: number;
  slotCount: number;
  totalLength: number;
  /** Bitset words: live slots, and live slots in a translation group. */
  live: Uint32Array;
  grouped: Uint32Array;
  /** Per slot, dead ones too. */
  idOfSlot: Uint32Array;
  yearOfSlot: Uint32Array;
  groupOfSlot: Uint32Array;
  docLength: Uint32Array;
  /** Per slot, the words of its document text, and where its pieces lie in `chunks` (slot s: chunkBounds[s] … chunkBounds[s + 1]). */
  fileLength: Uint32Array;
  chunkBounds: Uint32Array;
  chunks: Uint32Array;
  totalFileLength: number;
  fileSlots: number;
  titleKey: string[];
  valueBounds: Uint32Array;
  valueIds: Uint32Array;
  /** Per facet value id: its name, its facet (index in FACETS), its slots, how many live slots hold it. */
  valueNames: string[];
  valueFacets: Uint8Array;
  valuePostings: Uint32Array[];
  liveCounts: Uint32Array;
  /** Per term id: the term, its encoded slots (with their count and the last), weights and positions. */
  terms: string[];
  termSlots: Uint8Array[];
  termLengths: Uint32Array;
  termLasts: Uint32Array;
  termWeights: Uint8Array[];
  termFileWeights: Uint8Array[];
  termPositions: Uint8Array[];
  /** Folded surface words, in the order first seen, and the term ids of each: surfaceIds[surfaceBounds[i] … surfaceBounds[i + 1] - 1]. */
  surfaces: string[];
  surfaceBounds: Uint32Array;
  surfaceIds: Uint32Array;
};

const used = <T extends Uint8Array | Uint32Array>(array: { data: T; length: number }): T => array.data.subarray(0, array.length) as T;

/** A folded title as type-ahead compares it: its words, each after a space. */
function titleWordsKey(folded: string): string {
  return ` ${folded.replace(/[^\p{L}\p{N}]+/gu, ' ').trim()}`;
}

/** Type-ahead ranks the titles of its rarest typed word directly up to this many; past it, it walks. */
const SUGGEST_CANDIDATES = 5_000;

/**
 * Words, each with the slots holding it, and the words in order for prefix lookups. Filled in bulk, then
 * sealed (sorted once); after that each new word is inserted in its place.
 */
class WordSlots {
  private slots = new Map<string, number[]>();
  private sorted: string[] | null = null;

  add(word: string, slot: number): void {
    const list = this.slots.get(word);
    if (list) {
      if (list.at(-1) !== slot) list.push(slot);
      return;
    }
    this.slots.set(word, [slot]);
    if (this.sorted) this.sorted.splice(lowerBound(this.sorted, word), 0, word);
  }

  seal(): void {
    this.sorted = [...this.slots.keys()].sort();
  }

  bytes(text: (value: string) => number, entry: number, array: number): number {
    let bytes = 0;
    for (const [word, slots] of this.slots) bytes += text(word) + entry + array + slots.length * 8 + 8;
    return bytes;
  }

  /** The slots of the words starting with `prefix` (repeats and dead slots included); past SUGGEST_CANDIDATES, a part. */
  startingWith(prefix: string): number[] {
    const sorted = this.sorted!;
    const out: number[] = [];
    for (let i = lowerBound(sorted, prefix); i < sorted.length && sorted[i]!.startsWith(prefix); i++) {
      for (const slot of this.slots.get(sorted[i]!)!) out.push(slot);
      // Past this many the caller walks the catalogue's order instead: the rest is not needed.
      if (out.length > SUGGEST_CANDIDATES) break;
    }
    return out;
  }
}

function addTitleWords(words: { all: WordSlots; first: WordSlots }, slot: number, folded: string): void {
  const list = titleWordsKey(folded).split(' ').filter(Boolean);
  if (list.length > 0) words.first.add(list[0]!, slot);
  for (const word of list) words.all.add(word, slot);
}

/** The first index of sorted `words` whose word is not below `word`. */
function lowerBound(words: readonly string[], word: string): number {
  let lo = 0;
  let hi = words.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (words[mid]! < word) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export class CatalogueIndex {
  private capacity = 1024;
  private slotCount = 0;
  private live = new Bitset(this.capacity);
  private readonly slotOf = new Map<number, number>();
  private readonly idOfSlot = new GrowableUint32();
  private readonly yearOfSlot = new GrowableUint32(); // 0 when unknown
  private titleKey: string[] = [];
  private readonly groupOfSlot = new GrowableUint32(); // 0 when in no translation group
  /** Live slots that belong to a translation group: grouping a result set only visits these. */
  private grouped = new Bitset(this.capacity);
  private readonly docLength = new GrowableUint32();
  /** Document text, scored apart (see FILE_WEIGHT): its length per slot, the total and how many live slots have any. */
  private readonly fileLength = new GrowableUint32();
  private totalFileLength = 0;
  private fileSlots = 0;
  private readonly chunkBounds = GrowableUint32.of(0);
  private readonly chunks = new GrowableUint32(1024);
  private values = new FacetValues();
  /**
   * Each slot's facet value ids, facet by facet in FACETS order, end to end: slot s's values of the kth
   * facet are valueIds[valueBounds[s * FACETS.length + k]] … valueIds[valueBounds[s * FACETS.length + k + 1] - 1].
   */
  private readonly valueBounds = GrowableUint32.of(0);
  private readonly valueIds = new GrowableUint32(1024);
  private readonly termIds = new Map<string, number>();
  private readonly termPostings: TermPostings[] = [];
  /**
   * Folded words as written → their stem's term id, for prefix queries. A word written alike in fields of
   * different languages has one stem in each: then a list of them.
   */
  private readonly surfaces = new Map<string, number | number[]>();
  private sortedSurfaces: string[] | null = [];
  /** The keys of `surfaces` in the order first seen: the spelling corrector's vocabulary (it only grows). */
  private surfaceList: string[] = [];
  private speller: Speller | null = null;
  /** Per slot, its folded title with every run of non-word characters one space, after a space (type-ahead). */
  private suggestKeys: (string | undefined)[] = [];
  private titleWords: { all: WordSlots; first: WordSlots } | null = null;
  /** Per facet value id, its value as words (type-ahead on author slugs). */
  private valueKeys: (string | undefined)[] = [];
  private totalLength = 0;
  private orders: Partial<Record<'newest' | 'oldest' | 'title', Uint32Array>> = {};
  private ranks: Partial<Record<'newest' | 'oldest' | 'title', Uint32Array>> = {};
  // Working memory reused by every query (queries run one at a time): a query at a million publications
  // would otherwise allocate megabytes, and the garbage collector's pauses would show in its timings.
  private decoded = new Uint32Array(0);
  /** Written word → term id, per language (see internWord). */
  private readonly wordCache: Record<TextLanguage, Map<string, number>> = { en: new Map(), fr: new Map(), es: new Map() };
  private scores = new Float64Array(0);
  /** Related publications' scores (see related), zero between calls. */
  private relatedScores = new Float64Array(0);

  get size(): number {
    return this.slotOf.size;
  }

  /**
   * The index's state as of now, to write to a snapshot. Synchronous, and cheap next to a build (no
   * posting is copied): what the index later appends lies past the views taken here.
   */
  state(): IndexState {
    const terms = new Array<string>(this.termPostings.length);
    for (const [term, id] of this.termIds) terms[id] = term;
    const postings = this.termPostings;
    const surfaces: string[] = [];
    const surfaceBounds = new Uint32Array(this.surfaces.size + 1);
    const surfaceIds: number[] = [];
    for (const [surface, ids] of this.surfaces) {
      surfaces.push(surface);
      if (Array.isArray(ids)) surfaceIds.push(...ids);
      else surfaceIds.push(ids);
      surfaceBounds[surfaces.length] = surfaceIds.length;
    }
    const values = this.values;
    return {
      capacity: this.capacity,
      slotCount: this.slotCount,
      totalLength: this.totalLength,
      live: this.live.words.slice(),
      grouped: this.grouped.words.slice(),
      idOfSlot: used(this.idOfSlot),
      yearOfSlot: used(this.yearOfSlot),
      groupOfSlot: used(this.groupOfSlot),
      docLength: used(this.docLength),
      fileLength: used(this.fileLength),
      chunkBounds: used(this.chunkBounds),
      chunks: used(this.chunks),
      totalFileLength: this.totalFileLength,
      fileSlots: this.fileSlots,
      titleKey: this.titleKey.slice(),
      valueBounds: used(this.valueBounds),
      valueIds: used(this.valueIds),
      valueNames: values.names.slice(),
      valueFacets: Uint8Array.from(values.names, (_, id) => values.facetIndexOf(id)),
      valuePostings: values.postings.map(used),
      liveCounts: Uint32Array.from(values.liveCounts),
      terms,
      termSlots: postings.map((p) => used(p.slots.bytes)),
      termLengths: Uint32Array.from(postings, (p) => p.slots.length),
      termLasts: Uint32Array.from(postings, (p) => p.slots.lastSlot),
      termWeights: postings.map((p) => used(p.weights)),
      termFileWeights: postings.map((p) => used(p.fileWeights)),
      termPositions: postings.map((p) => used(p.positions.bytes)),
      surfaces,
      surfaceBounds,
      surfaceIds: Uint32Array.from(surfaceIds),
    };
  }

  /** The index `state` describes; it takes the state's arrays as they are (no copy). */
  static fromState(state: IndexState): CatalogueIndex {
    const { capacity, slotCount } = state;
    const check = (ok: boolean, what: string) => {
      if (!ok) throw new Error(`inconsistent index state: ${what}`);
    };
    const words = (capacity + 31) >>> 5;
    check(Number.isInteger(capacity) && capacity >= slotCount && state.live.length === words && state.grouped.length === words, 'capacity');
    for (const array of [state.idOfSlot, state.yearOfSlot, state.groupOfSlot, state.docLength, state.fileLength, state.titleKey]) check(array.length === slotCount, 'slot arrays');
    check(state.chunkBounds.length === slotCount + 1 && state.chunkBounds[slotCount] === state.chunks.length / CHUNK_STRIDE, 'document pieces');
    check(state.valueBounds.length === slotCount * FACETS.length + 1, 'value bounds');
    const valueCount = state.valueNames.length;
    check(state.valueFacets.length === valueCount && state.valuePostings.length === valueCount && state.liveCounts.length === valueCount, 'values');
    const termCount = state.terms.length;
    for (const array of [state.termSlots, state.termLengths, state.termLasts, state.termWeights, state.termFileWeights, state.termPositions]) check(array.length === termCount, 'terms');
    check(state.surfaceBounds.length === state.surfaces.length + 1, 'surfaces');

    const index = new CatalogueIndex();
    index.capacity = capacity;
    index.slotCount = slotCount;
    index.totalLength = state.totalLength;
    index.live = new Bitset(capacity, state.live);
    index.grouped = new Bitset(capacity, state.grouped);
    index.idOfSlot.adopt(state.idOfSlot);
    index.yearOfSlot.adopt(state.yearOfSlot);
    index.groupOfSlot.adopt(state.groupOfSlot);
    index.docLength.adopt(state.docLength);
    index.fileLength.adopt(state.fileLength);
    index.chunkBounds.adopt(state.chunkBounds);
    index.chunks.adopt(state.chunks);
    index.totalFileLength = state.totalFileLength;
    index.fileSlots = state.fileSlots;
    index.titleKey = state.titleKey;
    index.valueBounds.adopt(state.valueBounds);
    index.valueIds.adopt(state.valueIds);
    index.values = FacetValues.restore(state.valueNames, state.valueFacets, state.valuePostings, state.liveCounts);
    // Slots are handed out in increasing order and a re-indexed publication takes a new one, so walking the
    // live slots in order re-creates the map in the order the index filled it.
    index.live.forEach((slot) => index.slotOf.set(state.idOfSlot[slot]!, slot));
    for (let id = 0; id < termCount; id++) {
      index.termIds.set(state.terms[id]!, id);
      index.termPostings.push({
        slots: SlotList.restore(state.termSlots[id]!, state.termLengths[id]!, state.termLasts[id]!),
        weights: new GrowableUint8().adopt(state.termWeights[id]!),
        fileWeights: new GrowableUint8().adopt(state.termFileWeights[id]!),
        positions: PositionLists.restore(state.termPositions[id]!),
      });
    }
    for (let i = 0; i < state.surfaces.length; i++) {
      const ids = state.surfaceIds.subarray(state.surfaceBounds[i]!, state.surfaceBounds[i + 1]!);
      check(ids.length > 0 && ids.every((id) => id < termCount), 'surface terms');
      index.surfaces.set(state.surfaces[i]!, ids.length === 1 ? ids[0]! : Array.from(ids));
    }
    index.sortedSurfaces = null;
    index.surfaceList = state.surfaces.slice();
    return index;
  }

  /**
   * The memory the index holds, counted: every typed array's buffer exactly; strings, map entries and the
   * objects around each term's arrays at V8's usual sizes (a string's header 16 bytes, a map entry 32, a
   * typed array with its buffer object ~200): an estimate within a few per cent, not a heap measurement.
   */
  memoryBytes(): number {
    const STRING = 16;
    const ENTRY = 32;
    const ARRAY = 200;
    const text = (value: string) => STRING + value.length * (/[^\x00-\xff]/.test(value) ? 2 : 1);
    let bytes = 0;
    for (const p of this.termPostings) {
      bytes += p.slots.bytes.data.byteLength + p.weights.data.byteLength + p.fileWeights.data.byteLength + p.positions.bytes.data.byteLength;
      bytes += 4 * ARRAY + 64;
    }
    for (const term of this.termIds.keys()) bytes += text(term) + ENTRY;
    for (const [surface, ids] of this.surfaces) bytes += text(surface) + ENTRY + (Array.isArray(ids) ? 16 + 8 * ids.length : 0);
    for (const title of this.titleKey) bytes += text(title) + 8;
    for (const array of [this.idOfSlot, this.yearOfSlot, this.groupOfSlot, this.docLength, this.fileLength, this.chunkBounds, this.chunks, this.valueBounds, this.valueIds]) {
      bytes += array.data.byteLength + ARRAY;
    }
    bytes += this.live.words.byteLength + this.grouped.words.byteLength + this.slotOf.size * ENTRY;
    for (let id = 0; id < this.values.names.length; id++) bytes += this.values.postings[id]!.data.byteLength + ARRAY + text(this.values.names[id]!) + ENTRY;
    for (const order of [...Object.values(this.orders), ...Object.values(this.ranks)]) bytes += order.byteLength;
    for (const cache of Object.values(this.wordCache)) for (const word of cache.keys()) bytes += text(word) + ENTRY;
    // Type-ahead's title words, once built: a word, its entry and its slots (an array of small integers).
    for (const words of this.titleWords ? [this.titleWords.all, this.titleWords.first] : []) bytes += words.bytes(text, ENTRY, ARRAY);
    return bytes + this.decoded.byteLength + this.scores.byteLength + this.relatedScores.byteLength;
  }

  /**
   * How many publications a query word finds (with its other spellings, as the query parser searches it):
   * whether it needs correcting, and how good a correction is.
   */
  wordFrequency(surface: string): number {
    const query = parseQuery(surface);
    if (query.must.length !== 1) return 0;
    const set = new Bitset(this.capacity);
    for (const clause of query.must[0]!) set.or(this.clauseBits(clause));
    return set.and(this.live).count();
  }

  /**
   * Whether the word finds at least `n` publications: a term whose postings hold `n` more slots than there are
   * dead ones answers without counting (every text query asks this of each of its words).
   */
  wordFindsAtLeast(surface: string, n: number): boolean {
    for (const group of parseQuery(surface).must) {
      for (const clause of group) {
        if (clause.kind !== 'term') continue;
        for (const key of termKeys(clause.surface)) {
          const id = this.termIds.get(key);
          if (id !== undefined && this.termPostings[id]!.slots.length - this.deadSlots >= n) return true;
        }
      }
    }
    return this.wordFrequency(surface) >= n;
  }

  /** Words of the index (folded, as written) within `maxDistance` edits of `surface` (lib/search/spelling.ts). */
  spellingNeighbours(surface: string, maxDistance: number): Neighbour[] {
    this.speller ??= new Speller(this.surfaceList);
    return this.speller.neighbours(surface, maxDistance);
  }

  /**
   * Type-ahead on titles: the ids of live publications whose title has each of `words` (folded) at the start
   * of one of its words, at most `limit`: titles starting with the first word first, then newer ones, then by title.
   */
  suggestTitles(words: readonly string[], limit: number): number[] {
    if (words.length === 0 || limit <= 0) return [];
    const needles = words.map((w) => ` ${w}`);
    const keys = this.suggestKeys;
    const titles = this.titleKey;
    const years = this.yearOfSlot.data;
    const matches = (slot: number) => this.live.has(slot) && needles.every((needle) => (keys[slot] ??= titleWordsKey(titles[slot]!)).includes(needle));
    // Rank 0: the title starts with the first word; then newer, then by title (the catalogue's "newest" order).
    const rank = (slot: number) => (keys[slot]!.startsWith(needles[0]!) ? 0 : 1);
    const better = (a: number, b: number) => rank(a) - rank(b) || (years[b]! || -1) - (years[a]! || -1) || (titles[a]! < titles[b]! ? -1 : titles[a]! > titles[b]! ? 1 : 0);
    const ids = (slots: number[]) => slots.slice(0, limit).map((slot) => this.idOfSlot.data[slot]!);
    const { all, first } = this.titleVocabulary();

    // Every match holds a word starting with each typed word: rank the titles of the rarest one directly.
    let fewest: number[] | null = null;
    for (const word of words) {
      const slots = all.startingWith(word);
      if (slots.length === 0) return [];
      if (fewest === null || slots.length < fewest.length) fewest = slots;
    }
    if (fewest!.length <= SUGGEST_CANDIDATES) return ids([...new Set(fewest)].filter(matches).sort(better));

    // Common words ("tr", "traff"): the titles of rank 0 are those whose first word starts with the first typed
    // word; when there are few, they are ranked directly and the rest walked for, newest first, until enough.
    const leading = first.startingWith(words[0]!);
    const starting = leading.length <= SUGGEST_CANDIDATES ? [...new Set(leading)].filter(matches).sort(better) : null;
    if (starting && starting.length >= limit) return ids(starting);
    const found = starting ?? [];
    const others: number[] = [];
    for (const slot of this.order('newest')) {
      if (!matches(slot)) continue;
      if (rank(slot) === 0) {
        if (starting) continue;
        found.push(slot);
        if (found.length === limit) break;
      } else if (others.length < limit) {
        others.push(slot);
        if (starting && found.length + others.length >= limit) break;
      }
    }
    return ids([...found, ...others]);
  }

  /**
   * Title words and first words of titles, each with the slots of its titles: built on first use, then kept
   * in step by upsert (a removed title's slots stay, filtered out as dead).
   */
  private titleVocabulary(): { all: WordSlots; first: WordSlots } {
    if (this.titleWords) return this.titleWords;
    const words = { all: new WordSlots(), first: new WordSlots() };
    this.live.forEach((slot) => addTitleWords(words, slot, this.titleKey[slot]!));
    words.all.seal();
    words.first.seal();
    this.titleWords = words;
    return words;
  }

  /**
   * Type-ahead on a facet's values: those live publications hold whose name has each of `words` at the start
   * of one of its words, the most held first (then by value), at most `limit`. `names` gives a value's names
   * (folded, words separated by spaces); by default the value itself, hyphens as spaces (an author's slug is
   * its name folded), cached.
   */
  suggestValues(facet: Facet, words: readonly string[], limit: number, names?: (value: string) => readonly string[]): { value: string; count: number }[] {
    if (words.length === 0 || limit <= 0) return [];
    const needles = words.map((w) => ` ${w}`);
    const found: { value: string; count: number }[] = [];
    const values = this.values;
    for (const id of values.members[facet]) {
      const count = values.liveCounts[id]!;
      if (count === 0) continue;
      const value = values.names[id]!;
      const keys = names ? names(value).map((n) => ` ${n}`) : [(this.valueKeys[id] ??= ` ${value.replace(/-+/g, ' ')}`)];
      if (keys.some((key) => needles.every((needle) => key.includes(needle)))) found.push({ value, count });
    }
    return found.sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0)).slice(0, limit);
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
      this.grouped = this.grouped.resized(this.capacity);
    }
    this.live.add(slot);
    this.groupOfSlot.push(doc.group ?? 0);
    if (doc.group) this.grouped.add(slot);
    this.slotOf.set(doc.id, slot);
    this.idOfSlot.push(doc.id);
    this.yearOfSlot.push(doc.year ?? 0);
    this.titleKey.push(foldText(doc.title));
    if (this.titleWords) addTitleWords(this.titleWords, slot, this.titleKey[slot]!);

    const keys: Record<Facet, string[]> = {
      country: doc.countries,
      region: doc.regions,
      category: doc.category === null ? [] : [doc.category],
      author: doc.authors,
      language: doc.languages,
      year: doc.year === null ? [] : [String(doc.year)],
    };
    for (const facet of FACETS) {
      for (const value of new Set(keys[facet])) {
        const id = this.values.intern(facet, value);
        this.values.postings[id]!.push(slot);
        this.values.liveCounts[id]!++;
        this.valueIds.push(id);
      }
      this.valueBounds.push(this.valueIds.length);
    }

    // Per term: its weighted frequency and its positions, numbered through the fields with one left out
    // between two fields, so that a phrase never joins the end of one field to the start of the next.
    const terms = new Map<number, { weight: number; fileWeight: number; positions: number[] }>();
    let position = 0;
    let length = 0;
    let fileLength = 0;
    const add = (text: string, language: TextLanguage, weight: number) => {
      const cache = this.wordCache[language];
      forEachWord(text, (word) => {
        let id = cache.get(word);
        if (id === undefined) {
          id = this.internWord(word, language);
          if (id < 0) return;
        }
        let term = terms.get(id);
        if (!term) terms.set(id, (term = { weight: 0, fileWeight: 0, positions: [] }));
        if (weight > 0) term.weight += weight;
        else term.fileWeight++;
        term.positions.push(position++);
        if (weight > 0) length += weight;
        else fileLength++;
      });
    };
    const languages = fieldLanguages(doc.languages);
    for (const field of ['title', 'names', 'summary'] as const) {
      add(doc[field], languages[field], WEIGHT[field]);
      position++;
    }
    // Documents after the fields, each page (and each file) after a position left out, like the fields.
    for (const file of doc.files ?? []) {
      const language = fileLanguage(file.language, doc.languages);
      for (const chunk of documentChunks(file.text, file.paged)) {
        if (chunk.pageStart) position++;
        this.chunks.push(position);
        this.chunks.push(file.id);
        this.chunks.push(chunk.page ?? 0);
        this.chunks.push(chunk.start);
        this.chunks.push(chunk.length);
        add(chunk.text, language, 0);
      }
    }
    this.chunkBounds.push(this.chunks.length / CHUNK_STRIDE);
    for (const [id, term] of terms) {
      const postings = this.termPostings[id]!;
      postings.slots.push(slot);
      postings.weights.push(term.weight);
      postings.fileWeights.push(term.fileWeight);
      postings.positions.push(term.positions);
    }
    this.docLength.push(length);
    this.totalLength += length;
    this.fileLength.push(fileLength);
    this.totalFileLength += fileLength;
    if (fileLength > 0) this.fileSlots++;
    this.orders = {};
    this.ranks = {};
  }

  remove(id: number): void {
    const slot = this.slotOf.get(id);
    if (slot === undefined) return;
    this.slotOf.delete(id);
    this.live.delete(slot);
    this.grouped.delete(slot);
    // The dead slot stays in the term postings until the next rebuild; queries pass over it (not live).
    // The whole-catalogue counts must drop its values now: counting by complement subtracts from them.
    const bounds = this.valueBounds.data;
    for (let j = bounds[slot * FACETS.length]!; j < bounds[(slot + 1) * FACETS.length]!; j++) {
      this.values.liveCounts[this.valueIds.data[j]!]!--;
    }
    this.totalLength -= this.docLength.data[slot]!;
    this.totalFileLength -= this.fileLength.data[slot]!;
    if (this.fileLength.data[slot]! > 0) this.fileSlots--;
    this.orders = {};
    this.ranks = {};
  }

  search(params: CatalogueParams, query: SearchQuery, options: SearchOptions = {}): SearchResult {
    const text = this.live.clone();
    if (!query.empty) text.and(this.textMatches(query));
    const ranged = params.yearFrom !== null || params.yearTo !== null;
    const base = ranged ? text.clone().and(this.yearRange(params.yearFrom, params.yearTo)) : text;

    const filters = new Map<Facet, Bitset>();
    for (const facet of FACETS) {
      const selected = params[facet].map(String);
      if (selected.length > 0) filters.set(facet, this.facetMatches(facet, selected));
    }
    const matches = base.clone();
    for (const filter of filters.values()) matches.and(filter);

    // Disjunctive counting: every other facet's selection applies, a facet's own does not. The facets
    // without a selection all count over the matches, in one walk.
    const counts = new Map<Facet, Uint32Array>();
    const overMatches = filters.size < FACETS.length ? this.countValues(matches) : null;
    for (const facet of FACETS) {
      if (!filters.has(facet)) {
        counts.set(facet, overMatches!);
        continue;
      }
      const scope = base.clone();
      for (const [other, filter] of filters) if (other !== facet) scope.and(filter);
      counts.set(facet, this.countValues(scope, facet));
    }
    const facets = {} as Record<Facet, FacetCount[]>;
    const facetSizes = {} as Record<Facet, number>;
    for (const facet of FACETS) {
      const { values, size } = this.countFacet(facet, counts.get(facet)!, params[facet].map(String), options);
      facets[facet] = values;
      facetSizes[facet] = size;
    }

    let yearHistogram: YearCount[] | null = null;
    if (options.yearHistogram) {
      // Without a year filter the year facet's own counts are the histogram's; else one more walk of the scope.
      let yearCounts = counts.get('year')!;
      if (ranged || filters.has('year')) {
        const scope = text.clone();
        for (const [other, filter] of filters) if (other !== 'year') scope.and(filter);
        yearCounts = this.countValues(scope, 'year');
      }
      yearHistogram = [];
      for (const id of this.values.members.year) {
        if (yearCounts[id]! > 0) yearHistogram.push({ year: Number(this.values.names[id]), count: yearCounts[id]! });
      }
      yearHistogram.sort((a, b) => a.year - b.year);
    }

    const total = matches.count();
    const byRelevance = params.sort === 'relevance' && query.must.length > 0;
    const sort = params.sort === 'relevance' ? 'newest' : params.sort;
    if (byRelevance) this.score(matches, query);
    // Grouping comes after ranking: each work shows as its best-ranked matching member.
    const groups = params.translations === 'grouped' ? this.collapse(matches, byRelevance ? this.byScore() : this.byRank(sort)) : null;
    const shown = groups?.shown ?? matches;
    const results = groups ? shown.count() : total;
    const pageSize = options.pageSize ?? PAGE_SIZE;
    const pageCount = Math.max(1, Math.ceil(results / pageSize));
    const page = Math.min(params.page, pageCount);
    const skip = (page - 1) * pageSize;
    const take = Math.max(0, Math.min(results, page * pageSize) - skip);
    const slots = byRelevance ? this.topByScore(shown, skip + take).slice(skip) : this.walkOrder(sort, shown, skip, take);
    const ids = slots.map((slot) => this.idOfSlot.data[slot]!);
    const translations = groups
      ? slots.map((slot) => (groups.members.get(this.groupOfSlot.data[slot]!) ?? []).filter((s) => s !== slot).map((s) => this.idOfSlot.data[s]!))
      : null;
    return { total, results, page, pageCount, ids, translations, facets, facetSizes, yearHistogram };
  }

  /**
   * The ids of at most `limit` publications related to publication `id`, best first (lib/search/related.ts
   * says how they are scored): never itself nor a member of its own translation group (its page lists
   * those as translations), at most one member of any other group; drafts and withdrawn records are never
   * in the index. `text`: its title and summary as indexed (the index keeps no words per publication).
   * [] when `id` is not in the index. Costs one walk of the postings of its chosen terms and of its
   * country, region, author and category values.
   */
  related(id: number, text: { title: string; summary: string }, limit = RELATED_LIMIT): number[] {
    const self = this.slotOf.get(id);
    if (self === undefined || limit <= 0) return [];
    const docCount = Math.max(1, this.size);
    const live = this.live.words;
    const groupOf = this.groupOfSlot.data;
    const ownGroup = groupOf[self]!;
    if (this.relatedScores.length < this.capacity) this.relatedScores = new Float64Array(this.capacity);
    const scores = this.relatedScores;
    const touched: number[] = [];
    const stride = FACETS.length;
    const bounds = this.valueBounds.data;
    const valueIds = this.valueIds.data;
    const valuesOf = (facet: Facet) => {
      const k = FACETS.indexOf(facet);
      return valueIds.subarray(bounds[self * stride + k]!, bounds[self * stride + k + 1]!);
    };

    // Its terms, weighted as the index weighs them (the names are left to the facets below).
    const languages = fieldLanguages(Array.from(valuesOf('language'), (v) => this.values.names[v]!));
    const weights = new Map<number, number>();
    for (const field of ['title', 'summary'] as const) {
      forEachWord(text[field], (word) => {
        const analysed = analyseWord(word, languages[field]);
        const termId = analysed === null ? undefined : this.termIds.get(analysed.term);
        if (termId !== undefined) weights.set(termId, (weights.get(termId) ?? 0) + WEIGHT[field]);
      });
    }
    // Document frequency over live publications: postings keep dead slots until a rebuild, and two
    // instances (one rebuilt, one not) must choose the same terms. A list longer than the cap plus every
    // dead slot holds more live publications than the cap: no need to decode it.
    const maxListed = maxTermDf(docCount) + this.deadSlots;
    const candidates: TermCandidate[] = [];
    for (const [termId, weight] of weights) {
      const slots = this.termPostings[termId]!.slots;
      if (slots.length > maxListed) continue;
      let df = slots.length;
      if (this.deadSlots > 0) {
        const decoded = this.decode(slots);
        df = 0;
        for (let i = 0; i < decoded.length; i++) if ((live[decoded[i]! >>> 5]! & (1 << (decoded[i]! & 31))) !== 0) df++;
      }
      candidates.push({ id: termId, weight, df });
    }
    const add = (slot: number, value: number) => {
      if (slot === self || (live[slot >>> 5]! & (1 << (slot & 31))) === 0) return;
      if (ownGroup !== 0 && groupOf[slot] === ownGroup) return;
      if (scores[slot] === 0) touched.push(slot);
      scores[slot]! += value;
    };
    const averageLength = this.totalLength / docCount || 1;
    const lengths = this.docLength.data;
    const terms = selectTerms(candidates, docCount);
    // Facet values held by many (a region of thousands) cost the most to walk and weigh the least: first
    // they only add to the candidates the terms and the rarer values found; the best found are final when
    // they beat everything such values alone could add up to (`commonBound`), else everything is walked.
    const walkLimit = Math.max(RELATED_WALK_MIN, Math.floor(docCount * RELATED_WALK_SHARE));
    const facetValues: { value: number; weight: number; common: boolean }[] = [];
    let commonBound = 0;
    for (const facet of ['country', 'region', 'author', 'category'] as const satisfies readonly RelatedFacet[]) {
      for (const value of valuesOf(facet)) {
        const weight = facetScore(facet, this.values.liveCounts[value]!, docCount);
        const common = this.values.liveCounts[value]! > walkLimit;
        if (common) commonBound += weight;
        facetValues.push({ value, weight, common });
      }
    }
    const walk = (everything: boolean) => {
      for (const term of terms) {
        const postings = this.termPostings[term.id]!;
        const slots = this.decode(postings.slots);
        const tfs = postings.weights.data;
        const termIdf = idf(term.df, docCount);
        for (let i = 0; i < slots.length; i++) {
          // A term only in a candidate's documents is no likeness of its record.
          if (tfs[i]! > 0) add(slots[i]!, termIdf * saturate(tfs[i]!, lengths[slots[i]!]!, averageLength));
        }
      }
      for (const { value, weight, common } of facetValues) {
        if (common && !everything) continue;
        const postings = this.values.postings[value]!;
        const slots = postings.data;
        for (let i = 0; i < postings.length; i++) add(slots[i]!, weight);
      }
      if (everything) return;
      // Only the candidates: excluded and dead slots were never added, so their score stays 0.
      for (const { value, weight, common } of facetValues) {
        if (!common) continue;
        const postings = this.values.postings[value]!;
        const slots = postings.data;
        for (let i = 0; i < postings.length; i++) if (scores[slots[i]!]! > 0) scores[slots[i]!]! += weight;
      }
    };

    // The best few by a bounded heap (thousands may be touched), then one per group; should groups crowd
    // the heap, again with a larger one.
    const year = this.yearOfSlot.data;
    const ids = this.idOfSlot.data;
    const better: Compare = (a, b) => scores[a]! - scores[b]! || year[a]! - year[b]! || ids[b]! - ids[a]!;
    const best = (): Scored[] => {
      for (let keep = limit * 4; ; keep *= 2) {
        const heap: number[] = [];
        for (const slot of touched) {
          if (heap.length < keep) {
            heap.push(slot);
            siftUp(heap, heap.length - 1, better);
          } else if (better(slot, heap[0]!) > 0) {
            heap[0] = slot;
            siftDown(heap, 0, better);
          }
        }
        const picked = pickRelated(
          heap.map((slot) => ({ id: ids[slot]!, score: scores[slot]!, year: year[slot]! || null, group: groupOf[slot]! || null })),
          limit,
        );
        if (picked.length === limit || heap.length === touched.length) return picked;
      }
    };
    walk(false);
    let picked = best();
    if (commonBound > 0 && (picked.length < limit || picked.at(-1)!.score <= commonBound)) {
      for (const slot of touched) scores[slot] = 0;
      touched.length = 0;
      walk(true);
      picked = best();
    }
    for (const slot of touched) scores[slot] = 0;
    return picked.map((p) => p.id);
  }

  /**
   * For those of `ids` whose match the reader could not see on the card: where the query matches in their
   * documents. A publication is listed when some group of the query (a word, a phrase, alternatives joined by
   * OR) matches it only in its document text, not in its title, names or summary; the hit is that group's
   * first occurrence in the documents (the first such group's, in the query's order). Costs one walk of each
   * query word's postings up to the page's last publication, whatever the size of the documents.
   */
  documentHits(ids: readonly number[], query: SearchQuery): Map<number, DocumentHit> {
    const hits = new Map<number, DocumentHit>();
    const chunkBounds = this.chunkBounds.data;
    const slots = ids
      .map((id) => this.slotOf.get(id))
      .filter((slot): slot is number => slot !== undefined && chunkBounds[slot + 1]! > chunkBounds[slot]!)
      .sort((a, b) => a - b);
    if (slots.length === 0 || query.must.length === 0) return hits;
    const chunks = this.chunks.data;
    const fileStart = new Map(slots.map((slot) => [slot, chunks[chunkBounds[slot]! * CHUNK_STRIDE]!]));

    /** Per slot, whether the clause occurs before its documents, and its first position in them (Infinity: none). */
    type Found = Map<number, { meta: boolean; first: number }>;
    const note = (found: Found, slot: number, positions: Iterable<number>) => {
      const start = fileStart.get(slot)!;
      const entry = found.get(slot) ?? { meta: false, first: Infinity };
      for (const p of positions) {
        if (p < start) entry.meta = true;
        else if (p < entry.first) entry.first = p;
      }
      found.set(slot, entry);
    };
    const cursorOf = (id: number) => new PostingCursor(this.termPostings[id]!.slots, this.termPostings[id]!.positions);
    const termsFound = (termIds: Iterable<number>): Found => {
      const found: Found = new Map();
      for (const id of termIds) {
        const cursor = cursorOf(id);
        for (const slot of slots) if (cursor.seek(slot) === slot) note(found, slot, cursor.positions());
      }
      return found;
    };
    const clauseFound = (clause: Clause): Found | null => {
      switch (clause.kind) {
        case 'term':
          return termsFound(termKeys(clause.surface).flatMap((t) => this.termIds.get(t) ?? []));
        case 'prefix': {
          const ids = this.prefixTerms(clause.prefix);
          return ids.size > MAX_LOCATED_PREFIX_TERMS ? null : termsFound(ids);
        }
        case 'phrase': {
          const found: Found = new Map();
          for (const terms of CatalogueIndex.phraseVariants(clause.surfaces)) {
            const termIds = terms.map((t) => this.termIds.get(t));
            if (termIds.some((id) => id === undefined)) continue;
            const cursors = (termIds as number[]).map(cursorOf);
            for (const slot of slots) {
              if (!cursors.every((cursor) => cursor.seek(slot) === slot)) continue;
              const [first, ...rest] = cursors.map((cursor) => new Set(cursor.positions()));
              note(found, slot, [...first!].filter((p) => rest.every((set, k) => set.has(p + k + 1))));
            }
          }
          return found;
        }
      }
    };

    const groups = query.must.map((group) => group.map(clauseFound));
    for (const slot of slots) {
      let position = Infinity;
      for (const group of groups) {
        // A clause that could not be located (a prefix of too many words) may match anywhere: not a hit.
        if (group.some((found) => found === null)) continue;
        const entries = group.map((found) => found!.get(slot));
        if (entries.some((entry) => entry?.meta)) continue;
        const first = Math.min(...entries.map((entry) => entry?.first ?? Infinity));
        if (first < Infinity) {
          position = first;
          break;
        }
      }
      if (position === Infinity) continue;
      // The piece holding the position: the last one starting at or before it.
      let lo = chunkBounds[slot]!;
      let hi = chunkBounds[slot + 1]! - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >>> 1;
        if (chunks[mid * CHUNK_STRIDE]! <= position) lo = mid;
        else hi = mid - 1;
      }
      const at = lo * CHUNK_STRIDE;
      hits.set(this.idOfSlot.data[slot]!, {
        fileId: chunks[at + 1]!,
        page: chunks[at + 2]! || null,
        start: chunks[at + 3]!,
        length: chunks[at + 4]!,
      });
    }
    return hits;
  }

  /**
   * The matches with each translation group's members but its best (`better`) taken out, and each
   * group's matching members, best first.
   */
  private collapse(matches: Bitset, better: Compare): { shown: Bitset; members: Map<number, number[]> } {
    const members = new Map<number, number[]>();
    const inGroups = matches.clone().and(this.grouped);
    if (inGroups.count() === 0) return { shown: matches, members };
    const group = this.groupOfSlot.data;
    inGroups.forEach((slot) => {
      const list = members.get(group[slot]!);
      if (list) list.push(slot);
      else members.set(group[slot]!, [slot]);
    });
    const shown = matches.clone();
    for (const list of members.values()) {
      list.sort((a, b) => better(b, a));
      for (let i = 1; i < list.length; i++) shown.delete(list[i]!);
    }
    return { shown, members };
  }

  /** Earlier in the sort's order is better. */
  private byRank(sort: 'newest' | 'oldest' | 'title'): Compare {
    let rank = this.ranks[sort];
    if (!rank) {
      const order = this.order(sort);
      rank = new Uint32Array(this.capacity);
      for (let i = 0; i < order.length; i++) rank[order[i]!] = i;
      this.ranks[sort] = rank;
    }
    const r = rank;
    return (a, b) => r[b]! - r[a]!;
  }

  /** A higher score is better, then a later year, then the lower slot (as topByScore orders them). */
  private byScore(): Compare {
    const scores = this.scores;
    const year = this.yearOfSlot.data;
    return (a, b) => scores[a]! - scores[b]! || year[a]! - year[b]! || b - a;
  }

  /**
   * Gives back the spare room of every growing array: after a bulk build most of them are done growing,
   * and the doubling slack would otherwise be a third of the index's memory.
   */
  compact(): void {
    // The word caches serve a bulk build; later updates fill them again as they go.
    for (const cache of Object.values(this.wordCache)) cache.clear();
    for (const postings of this.termPostings) {
      postings.slots.trim();
      postings.weights.trim();
      postings.fileWeights.trim();
      postings.positions.trim();
    }
    for (const postings of this.values.postings) postings.trim();
    for (const array of [this.idOfSlot, this.yearOfSlot, this.docLength, this.fileLength, this.chunkBounds, this.chunks, this.valueBounds, this.valueIds]) array.trim();
  }

  /**
   * The term id of a word as written in `language`, its folded surface recorded for prefixes; -1 for a word
   * that folds to nothing. Cached per written word: a 20-page document repeats a few thousand words
   * thousands of times, and folding, stemming and three map lookups per occurrence were most of a build.
   */
  private internWord(word: string, language: TextLanguage): number {
    const cache = this.wordCache[language];
    const analysed = analyseWord(word, language);
    const id = analysed === null ? -1 : this.internTerm(analysed.term);
    if (analysed !== null) {
      const known = this.surfaces.get(analysed.surface);
      if (known === undefined) {
        this.surfaces.set(analysed.surface, id);
        this.surfaceList.push(analysed.surface);
        this.sortedSurfaces = null;
      } else if (known !== id && !(Array.isArray(known) && known.includes(id))) {
        this.surfaces.set(analysed.surface, Array.isArray(known) ? [...known, id] : [known, id]);
      }
    }
    if (word.length <= WORD_CACHE_MAX_LENGTH) {
      if (cache.size >= WORD_CACHE_LIMIT) cache.clear();
      cache.set(word, id);
    }
    return id;
  }

  private internTerm(term: string): number {
    let id = this.termIds.get(term);
    if (id === undefined) {
      id = this.termPostings.length;
      this.termIds.set(term, id);
      this.termPostings.push({ slots: new SlotList(), weights: new GrowableUint8(), fileWeights: new GrowableUint8(), positions: new PositionLists() });
    }
    return id;
  }

  /** The list's slots, decoded into the reused buffer (valid until the next call). */
  private decode(list: SlotList): Uint32Array {
    if (this.decoded.length < list.length) this.decoded = new Uint32Array(this.capacity);
    return list.toArray(this.decoded);
  }

  private bitsOf(postings: GrowableUint32 | SlotList): Bitset {
    const set = new Bitset(this.capacity);
    const words = set.words;
    const slots = postings instanceof SlotList ? this.decode(postings) : postings.data.subarray(0, postings.length);
    for (let i = 0; i < slots.length; i++) words[slots[i]! >>> 5]! |= 1 << (slots[i]! & 31);
    return set;
  }

  /** Publications holding any of the terms. */
  private termBits(terms: readonly string[]): Bitset {
    const set = new Bitset(this.capacity);
    for (const term of terms) {
      const id = this.termIds.get(term);
      if (id !== undefined) set.or(this.bitsOf(this.termPostings[id]!.slots));
    }
    return set;
  }

  /** A phrase's terms in each language, duplicates removed (an all-digits phrase is the same in every one). */
  private static phraseVariants(surfaces: readonly string[]): string[][] {
    const variants = new Map<string, string[]>();
    for (const language of TEXT_LANGUAGES) {
      const terms = surfaces.map((surface) => stemKey(surface, language));
      variants.set(terms.join(' '), terms);
    }
    return [...variants.values()];
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
    for (let i = lo; i < sorted.length && sorted[i]!.startsWith(prefix); i++) {
      const found = this.surfaces.get(sorted[i]!)!;
      if (Array.isArray(found)) for (const id of found) ids.add(id);
      else ids.add(found);
    }
    return ids;
  }

  private phraseBits(terms: string[]): Bitset {
    const found = new Bitset(this.capacity);
    const ids = terms.map((t) => this.termIds.get(t));
    if (ids.some((id) => id === undefined)) return found;
    // One cursor per word of the phrase; the rarest leads, the others catch up to each of its publications.
    const cursors = (ids as number[]).map((id) => new PostingCursor(this.termPostings[id]!.slots, this.termPostings[id]!.positions));
    const lead = cursors.reduce((a, b) => (b.length < a.length ? b : a));
    const at = new Float64Array(cursors.length);
    const position = new Float64Array(cursors.length);
    const live = this.live.words;
    let slot = lead.seek(0);
    next: while (slot !== Infinity) {
      for (const cursor of cursors) {
        const reached = cursor.seek(slot);
        if (reached === Infinity) break next;
        if (reached !== slot) {
          slot = lead.seek(reached);
          continue next;
        }
      }
      if ((live[slot >>> 5]! & (1 << (slot & 31))) !== 0 && PostingCursor.adjacent(cursors, at, position)) found.add(slot);
      slot = lead.seek(slot + 1);
    }
    return found;
  }

  private clauseBits(clause: Clause): Bitset {
    switch (clause.kind) {
      case 'term':
        return this.termBits(termKeys(clause.surface));
      case 'phrase': {
        // A phrase lies within one field, hence in one language: it matches in any one of them.
        const set = new Bitset(this.capacity);
        for (const terms of CatalogueIndex.phraseVariants(clause.surfaces)) set.or(this.phraseBits(terms));
        return set;
      }
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
    for (const id of this.values.members.year) {
      const year = Number(this.values.names[id]);
      if ((from === null || year >= from) && (to === null || year <= to)) set.or(this.bitsOf(this.values.postings[id]!));
    }
    return set;
  }

  private facetMatches(facet: Facet, selected: string[]): Bitset {
    const set = new Bitset(this.capacity);
    for (const value of selected) {
      const id = this.values.idOf(facet, value);
      if (id !== undefined) set.or(this.bitsOf(this.values.postings[id]!));
    }
    return set;
  }

  private countFacet(facet: Facet, counts: Uint32Array, selected: string[], options: SearchOptions) {
    const names = this.values.names;
    const accept = options.facetFilter?.[facet];
    const limit = options.facetLimits?.[facet] ?? options.facetLimit ?? Infinity;
    let size = 0;
    // The best `limit` values in a bounded heap as they are counted: collecting every value with a count
    // first made an array as long as the facet (50,000 authors), the bulk of a query's garbage, and the
    // collections it caused were most of its p95.
    const better = (a: number, b: number) => counts[a]! - counts[b]! || b - a;
    const top: number[] = [];
    let accepted = 0;
    for (const id of this.values.members[facet]) {
      if (counts[id] === 0) continue;
      size++;
      if (accept && !accept(names[id]!)) continue;
      accepted++;
      if (top.length < limit) {
        top.push(id);
        if (limit !== Infinity) siftUp(top, top.length - 1, better);
      } else if (limit > 0 && better(id, top[0]!) > 0) {
        top[0] = id;
        siftDown(top, 0, better);
      }
    }
    // All of them: in the order first seen (by id); the top of more: the highest counts first.
    if (accepted > limit) top.sort((a, b) => better(b, a));
    else top.sort((a, b) => a - b);
    const chosen = new Set(top);
    const values: FacetCount[] = top.map((id) => ({
      value: names[id]!,
      count: counts[id]!,
      selected: selected.includes(names[id]!),
    }));
    for (const value of selected) {
      const id = this.values.idOf(facet, value);
      if (id === undefined || !chosen.has(id)) values.push({ value, count: id === undefined ? 0 : counts[id]!, selected: true });
    }
    return { values, size };
  }

  /**
   * How many publications of `scope` hold each facet value (indexed by value id): the values of `facet`
   * only when given, else of every facet.
   */
  private countValues(scope: Bitset, facet?: Facet): Uint32Array {
    const counts = new Uint32Array(this.values.names.length);
    const bounds = this.valueBounds.data;
    const ids = this.valueIds.data;
    const stride = FACETS.length;
    const from = facet === undefined ? 0 : FACETS.indexOf(facet);
    const to = facet === undefined ? stride : from + 1;
    // When the scope holds most of the catalogue (no filter, a common word), counting what lies outside it
    // and subtracting from the whole catalogue's counts visits fewer publications.
    const complement = scope.count() * 2 > this.size;
    const words = complement ? this.live.clone().andNot(scope).words : scope.words;
    // The hot loop of every query: walk the set bits inline and count each slot's values.
    for (let k = 0; k < words.length; k++) {
      for (let w = words[k]!; w !== 0; w &= w - 1) {
        const slot = (k << 5) + 31 - Math.clz32(w & -w);
        for (let j = bounds[slot * stride + from]!, end = bounds[slot * stride + to]!; j < end; j++) counts[ids[j]!]!++;
      }
    }
    if (complement) {
      const whole = this.values.liveCounts;
      if (facet === undefined) for (let id = 0; id < counts.length; id++) counts[id] = whole[id]! - counts[id]!;
      else for (const id of this.values.members[facet]) counts[id] = whole[id]! - counts[id]!;
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

  /** Scores the matches by BM25 over weighted term frequencies (into `scores`, until the next query). */
  private score(matches: Bitset, query: SearchQuery): void {
    if (this.scores.length < this.capacity) this.scores = new Float64Array(this.capacity);
    else this.scores.fill(0);
    const scores = this.scores;
    const docCount = Math.max(1, this.size);
    const averageLength = this.totalLength / docCount || 1;
    const averageFileLength = this.totalFileLength / Math.max(1, this.fileSlots) || 1;
    const scored = new Set<number>();
    for (const clause of query.must.flat()) {
      const ids =
        clause.kind === 'prefix'
          ? this.prefixTerms(clause.prefix)
          : (clause.kind === 'term' ? termKeys(clause.surface) : CatalogueIndex.phraseVariants(clause.surfaces).flat())
              .map((t) => this.termIds.get(t))
              .filter((id) => id !== undefined);
      for (const id of ids) {
        if (scored.has(id)) continue;
        scored.add(id);
        const postings = this.termPostings[id]!;
        const slots = this.decode(postings.slots);
        // Document frequency over live publications only: postings keep dead slots until a rebuild.
        let df = slots.length;
        if (this.deadSlots > 0) {
          const live = this.live.words;
          df = 0;
          for (let i = 0; i < slots.length; i++) if ((live[slots[i]! >>> 5]! & (1 << (slots[i]! & 31))) !== 0) df++;
        }
        const idf = Math.log(1 + (docCount - df + 0.5) / (df + 0.5));
        const weights = postings.weights.data;
        const fileWeights = postings.fileWeights.data;
        const lengths = this.docLength.data;
        const fileLengths = this.fileLength.data;
        const words = matches.words;
        for (let i = 0; i < slots.length; i++) {
          const slot = slots[i]!;
          if ((words[slot >>> 5]! & (1 << (slot & 31))) === 0) continue;
          const tf = weights[i]!;
          if (tf > 0) scores[slot]! += (idf * tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * lengths[slot]!) / averageLength));
          const fileTf = fileWeights[i]!;
          if (fileTf > 0) {
            scores[slot]! += (FILE_WEIGHT * idf * fileTf * (K1 + 1)) / (fileTf + K1 * (1 - B + (B * fileLengths[slot]!) / averageFileLength));
          }
        }
      }
    }
  }

  /** The best `limit` of `matches` by the scores `score` gave, best first. */
  private topByScore(matches: Bitset, limit: number): number[] {
    const scores = this.scores;
    // A bounded min-heap keeps the best `limit` without sorting every match.
    const better = this.byScore();
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
