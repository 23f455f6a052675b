import { slugify } from '@/lib/text';
import { emptyFindings, type ChangeRule, type Findings } from './findings';
import { cutShort, editDistance, nameKey, tidySpaces } from './keys';
import { ORGANISATIONS } from './organisations';

/**
 * Authors: people and organisations, credited by name. One spelling per author: the catalogue's own
 * spelling when it already has the author, else the organisation register's (./organisations.ts), else
 * the spelling the file uses most. Acronyms resolve to their organisation; "Surname, Given" is turned
 * round; ALL CAPITALS are given ordinary capitals; a misspelt organisation name close to a known one is
 * corrected; a person's name close to a known person's is kept and flagged. A list that is a citation cut
 * into fragments gives back the citation's author, and the rest is flagged. Every change is reported.
 */

/** Comparison key of an author name; a leading "The" does not count. */
export function authorKey(name: string): string {
  const key = nameKey(name);
  return key.startsWith('the ') ? key.slice(4) : key;
}

// Words that are not part of an acronym ("Organization for Security and Co-operation in Europe" = OSCE).
const ACRONYM_STOPWORDS = new Set(
  'of for and the on in against to at by with de des du la le les l d pour et sur contre del y los las el para contra en e da do dos'.split(' '),
);
// Lower-case particles inside names.
const PARTICLES = new Set([...ACRONYM_STOPWORDS, 'van', 'von', 'der', 'den', 'di', 'della', 'ter', 'ten', 'bin', 'ibn', 'al', 'und']);

export const ORGANISATION_WORDS =
  /\b(organi[sz]ations?|office|institut(e|o|ion)?s?|foundation|fondation|fundaci[oó]n|fund|fonds|fondo|commission|commissioner|comisi[oó]n|committee|comit[eé]|council|conseil|consejo|agency|agence|agencia|association|asociaci[oó]n|ministry|minist[eè]re|ministerio|department|d[eé]partement|union|nations|centre|center|centro|network|r[eé]seau|red|programme|program|programa|group|groupe|grupo|coalition|alliance|society|soci[eé]t[eé]|sociedad|university|universit[eé]|universidad|college|school|bank|initiative|project|mission|services?|secretariat|court|parliament|government|gouvernement|gobierno|federation|league|trust|partnership|forum|observatory|observatoire|unit|bureau|authority|board|international|internacional|national|nacional|europe|european|united|world|global|ngo|ong|house|police|rapporteur|ombuds\w*|home)\b/i;

export function isAcronymLike(text: string): boolean {
  const compact = text.replace(/[.\s&-]/g, '');
  if (!/^\p{Lu}[\p{L}\d]{1,11}$/u.test(compact)) return false;
  const upper = compact.replace(/[^\p{Lu}]/gu, '').length;
  return upper >= 2 && upper >= compact.length - upper;
}

function compactAcronym(text: string): string {
  return text.replace(/[.\s&-]/g, '').toUpperCase();
}

export function looksLikeOrganisation(name: string): boolean {
  return ORGANISATION_WORDS.test(name) || isAcronymLike(name) || name.split(' ').length >= 5;
}

const NAME_WORD = /^(\p{Lu}[\p{L}'’-]*|\p{Lu}\.(?:-?\p{Lu}\.)*)$/u;

/** "Jacqueline Berman", "G. Liu", "Michaelle de Cock": two to four capitalised words or initials. */
export function looksLikePerson(name: string): boolean {
  if (looksLikeOrganisation(name) || /\d/.test(name)) return false;
  const words = name.split(' ');
  const main = words.filter((w) => !PARTICLES.has(w));
  return main.length >= 2 && main.length <= 4 && main.every((w) => NAME_WORD.test(w));
}

/** Initials of the significant words: "International Organization for Migration" → "IOM". */
export function initialsOf(name: string): string {
  return name
    .split(/\s+/)
    .map((w) => w.replace(/^[^\p{L}]+/u, ''))
    .filter((w) => w && !ACRONYM_STOPWORDS.has(w.toLowerCase()))
    .map((w) => w[0]!.toUpperCase())
    .join('');
}

const LOWER_WORDS = new Set([...PARTICLES]);

/** Acronyms of the organisation register: written in capitals on purpose, wherever they stand. */
const KNOWN_ACRONYMS = new Set(ORGANISATIONS.flatMap((o) => o.acronyms));

/** "JACQUELINE BERMAN" / "jacqueline berman" → "Jacqueline Berman"; particles stay lower case, known acronyms capitals. */
export function ordinaryCapitals(name: string): string {
  return name
    .split(' ')
    .map((word, i) => {
      if (KNOWN_ACRONYMS.has(word.toUpperCase()) && word === word.toUpperCase()) return word;
      const lower = word.toLowerCase();
      if (i > 0 && LOWER_WORDS.has(lower)) return lower;
      return lower.replace(/(^|[-'’(.])(\p{L})/gu, (_, before: string, letter: string) => before + letter.toUpperCase());
    })
    .join(' ');
}

/**
 * Acronyms side by side, "OSCE & ODIHR", "UNICEF UNHCR": capitals on purpose, not shouting. Short capitalised
 * words joined by a sign (& / +), or only acronyms the register knows; "JOHN DOE" is neither.
 */
function isAcronymList(name: string): boolean {
  const words = name.split(/\s+/);
  const signs = words.filter((w) => /^[&/+]$/.test(w)).length;
  const acronyms = words.filter((w) => isAcronymLike(w) && w.length <= 8);
  if (acronyms.length + signs !== words.length || acronyms.length < 2) return false;
  return signs > 0 || acronyms.every((w) => KNOWN_ACRONYMS.has(w));
}

function isShouting(name: string): boolean {
  return !/\p{Ll}/u.test(name) && /\p{Lu}/u.test(name) && name.includes(' ') && !isAcronymList(name);
}

function isAllLowerCase(name: string): boolean {
  return !/\p{Lu}/u.test(name) && /\p{Ll}/u.test(name);
}

const INVERTED = /^([^,]+),\s*([^,]+)$/;
const GIVEN_WORD = /^(\p{Lu}[\p{L}'’-]*|(?:\p{Lu}\.\s?-?)+)$/u;

/** "Berman, Jacqueline" → "Jacqueline Berman"; "Liu, G." → "G. Liu"; null when not that shape. */
export function uninvert(name: string): string | null {
  const m = INVERTED.exec(name);
  if (!m) return null;
  const surname = m[1]!.trim();
  const given = m[2]!.trim();
  if (looksLikeOrganisation(surname) || looksLikeOrganisation(given) || /\d/.test(name)) return null;
  const surnameWords = surname.split(' ').filter((w) => !PARTICLES.has(w));
  const givenWords = given.split(/\s+/).filter((w) => !PARTICLES.has(w));
  if (surnameWords.length < 1 || surnameWords.length > 3 || givenWords.length < 1 || givenWords.length > 3) return null;
  if (!surnameWords.every((w) => NAME_WORD.test(w)) || !givenWords.every((w) => GIVEN_WORD.test(w))) return null;
  return `${given} ${surname}`;
}

// --- citations ---------------------------------------------------------------------------------------

const YEAR_IN_BRACKETS = /\(\s*(?:1[89]|20)\d\d[a-z]?\s*\)/;
const STRONG_CITATION_MARKERS = [
  YEAR_IN_BRACKETS,
  /[‘“"][^‘’“”"]{12,}[’”"]/, // a quoted title
  /\((?:eds?\.?|editors?|conveners?|coord\.?|comp\.?|dir\.?)\)/i,
];
const WEAK_CITATION_MARKERS = [/^In\s+\p{Lu}/u, /^\p{Lu}[\p{L} .&-]*:\s*\p{Lu}\p{L}+$/u, /\bpp?\.\s*\d/, /\bISBN\b/i, /\bdoi\b/i, /\bvol\.\s*\d/i];

/** True when a list of "authors" is really one citation cut at its commas. */
export function looksLikeSplitCitation(values: string[]): boolean {
  if (values.length < 2) return values.some((v) => STRONG_CITATION_MARKERS.some((m) => m.test(v)) && YEAR_IN_BRACKETS.test(v));
  const strong = values.filter((v) => STRONG_CITATION_MARKERS.some((m) => m.test(v))).length;
  const weak = values.filter((v) => WEAK_CITATION_MARKERS.some((m) => m.test(v))).length;
  return strong >= 1 && strong + weak >= 1;
}

/** The author(s) at the head of a citation: "Liu, G. (2017) ‘Title’ In …" → ["G. Liu"]. */
export function citationAuthors(citation: string): { authors: string[]; rest: string } | null {
  const year = YEAR_IN_BRACKETS.exec(citation);
  if (!year) return null;
  const head = citation.slice(0, year.index).replace(/[\s,;:]+$/, '');
  const rest = citation.slice(year.index).trim();
  if (!head) return null;
  const pieces = head
    .split(/(?<=\.)\s*,\s*|\s*;\s*|\s+(?:and|&)\s+/i)
    .map((p) => p.trim())
    .filter(Boolean);
  const authors: string[] = [];
  for (const piece of pieces) {
    const person = uninvert(piece) ?? (looksLikePerson(piece) || looksLikeOrganisation(piece) ? piece : null);
    if (!person) return null;
    authors.push(person);
  }
  return authors.length > 0 ? { authors, rest } : null;
}

// --- the directory -----------------------------------------------------------------------------------

type Canonical = { name: string; rule: ChangeRule; reason: string };
type Resolved = { name: string | null; findings: Findings };

/** Removes a trailing comma/semicolon and wrapping quotes; tidies spaces. */
function clean(value: string): string {
  return tidySpaces(value)
    .replace(/^["“”'‘’]+(.*?)["“”'‘’]+$/u, '$1')
    .replace(/[\s,;:]+$/, '')
    .trim();
}

/**
 * Everything the normalizer knows about authors: the catalogue's own names (`known`), the organisation
 * register, and — after `observe` has seen every author list of a file — the file's own spellings.
 */
export class AuthorDirectory {
  private readonly byKey = new Map<string, Canonical>();
  private readonly acronyms = new Map<string, Set<string>>();
  private readonly registryAcronymSpelling = new Set<string>();
  private readonly spellings = new Map<string, Map<string, number>>();
  private readonly organisations: { name: string; key: string }[] = [];
  private readonly knownPersons: string[] = [];
  private personIndex: Map<string, string[]> | null = null;
  private settled = false;
  private readonly memo = new Map<string, Resolved>();

  constructor(known: Iterable<string> = []) {
    const knownByKey = new Map<string, string>();
    for (const raw of known) {
      const name = tidySpaces(raw);
      if (name && !knownByKey.has(authorKey(name))) knownByKey.set(authorKey(name), name);
    }
    for (const org of ORGANISATIONS) {
      const names = [org.name, ...(org.aliases ?? []), ...(org.translations ?? [])];
      // The catalogue's own spelling of the organisation wins over the register's.
      const canonical = names.map((n) => knownByKey.get(authorKey(n))).find(Boolean) ?? org.name;
      this.setKey(org.name, { name: canonical, rule: 'known', reason: 'the organisation’s name as the catalogue writes it' });
      for (const alias of org.aliases ?? []) this.setKey(alias, { name: canonical, rule: 'alias', reason: `another name of ${canonical}` });
      for (const t of org.translations ?? []) this.setKey(t, { name: canonical, rule: 'translation', reason: `French or Spanish name of ${canonical}` });
      for (const acronym of org.acronyms) {
        this.addAcronym(acronym, canonical);
        this.registryAcronymSpelling.add(acronym);
      }
      for (const n of names) this.organisations.push({ name: canonical, key: authorKey(n) });
    }
    for (const [key, name] of knownByKey) {
      this.byKey.set(key, { name, rule: 'known', reason: 'as the catalogue already writes this author' });
      if (looksLikeOrganisation(name)) {
        this.organisations.push({ name, key });
        const initials = initialsOf(name);
        if (initials.length >= 3 && !isAcronymLike(name)) this.addAcronym(initials, name);
      } else if (looksLikePerson(name)) {
        this.knownPersons.push(name);
      }
    }
  }

  private setKey(name: string, canonical: Canonical): void {
    const key = authorKey(name);
    if (key && !this.byKey.has(key)) this.byKey.set(key, canonical);
  }

  private addAcronym(acronym: string, name: string): void {
    const key = compactAcronym(acronym);
    const names = this.acronyms.get(key) ?? new Set<string>();
    names.add(name);
    this.acronyms.set(key, names);
  }

  /** "Name (ACR)" → the name, when ACR is the name's acronym (by the register or by its initials). */
  private splitAcronym(value: string): { name: string; acronym: string } | null {
    const m = /^(.+?)\s*\(([^()]+)\)$/.exec(value);
    if (!m || !isAcronymLike(m[2]!)) return null;
    const name = m[1]!.trim();
    const acronym = compactAcronym(m[2]!);
    const canonical = this.byKey.get(authorKey(name))?.name ?? name;
    const registered = this.acronyms.get(acronym)?.has(canonical) ?? false;
    const initials = initialsOf(name);
    const matches = registered || initials === acronym || initialsOf(name.replace(/-/g, ' ')) === acronym;
    return matches ? { name, acronym: m[2]! } : null;
  }

  /** Tells the directory about one author list of the file, so variants across records unify. */
  observe(values: readonly string[]): void {
    if (this.settled) throw new Error('observe() must see every record before normalize()');
    const cleaned = values.map(clean).filter(Boolean).map((v) => cutShort(v)?.named ?? v);
    if (looksLikeSplitCitation(cleaned)) return;
    for (const value of cleaned.flatMap((v) => splitPeople(v) ?? [v])) {
      const acronym = this.splitAcronym(value);
      const base = acronym ? acronym.name : (uninvert(value) ?? value);
      if (acronym) this.addAcronym(acronym.acronym, this.byKey.get(authorKey(acronym.name))?.name ?? acronym.name);
      const key = authorKey(base);
      if (!key) continue;
      const counts = this.spellings.get(key) ?? new Map<string, number>();
      counts.set(base, (counts.get(base) ?? 0) + 1);
      this.spellings.set(key, counts);
    }
  }

  /** Chooses one spelling for each author the file names that the catalogue and the register do not. */
  private settle(): void {
    if (this.settled) return;
    this.settled = true;
    for (const [key, counts] of this.spellings) {
      if (this.byKey.has(key)) continue;
      const ranked = [...counts].sort(
        (a, b) => b[1] - a[1] || Number(isShouting(a[0]) || isAllLowerCase(a[0])) - Number(isShouting(b[0]) || isAllLowerCase(b[0])),
      );
      const best = ranked[0]![0];
      const viaAcronym = this.acronymOf(best);
      if (viaAcronym) {
        this.byKey.set(key, viaAcronym);
        continue;
      }
      const fixed = isShouting(best) || isAllLowerCase(best) ? ordinaryCapitals(best) : best;
      const misspelt = looksLikeOrganisation(fixed) ? this.closeOrganisation(fixed) : null;
      if (misspelt) {
        this.byKey.set(key, misspelt);
        continue;
      }
      this.byKey.set(key, {
        name: fixed,
        rule: fixed !== best ? 'capitals' : 'known',
        reason: fixed !== best ? 'ordinary capitals' : 'as written elsewhere in the file',
      });
      if (looksLikeOrganisation(fixed)) {
        const initials = initialsOf(fixed);
        if (initials.length >= 3 && !isAcronymLike(fixed)) this.addAcronym(initials, fixed);
      }
    }
  }

  private acronymOf(value: string): Canonical | null {
    const compact = compactAcronym(value);
    const names = this.acronyms.get(compact);
    if (!names || names.size !== 1) return null;
    if (!(isAcronymLike(value) || this.registryAcronymSpelling.has(value) || value === value.toUpperCase())) return null;
    const [name] = names;
    return { name: name!, rule: 'acronym', reason: `acronym of ${name}` };
  }

  private closeOrganisation(name: string): Canonical | null {
    const key = authorKey(name);
    const words = key.split(' ');
    const allowed = key.length >= 30 ? 3 : key.length >= 15 ? 2 : key.length >= 8 ? 1 : 0;
    if (allowed === 0) return null;
    let best: { name: string; distance: number } | null = null;
    let tie = false;
    for (const org of this.organisations) {
      if (org.key === key) return null;
      const orgWords = org.key.split(' ');
      if (orgWords[0] !== words[0] && orgWords.at(-1) !== words.at(-1)) continue;
      const distance = editDistance(key, org.key, allowed);
      if (distance > allowed) continue;
      if (!best || distance < best.distance) {
        best = { name: org.name, distance };
        tie = false;
      } else if (distance === best.distance && org.name !== best.name) tie = true;
    }
    return best && !tie ? { name: best.name, rule: 'spelling', reason: `misspelling of ${best.name}` } : null;
  }

  private closePersons(name: string): string[] {
    if (!this.personIndex) {
      this.personIndex = new Map();
      const persons = new Set([...this.knownPersons, ...[...this.byKey.values()].map((c) => c.name).filter(looksLikePerson)]);
      for (const person of persons) {
        const words = authorKey(person).split(' ');
        for (const bucket of [`f:${words[0]}`, `l:${words.at(-1)}`]) this.personIndex.set(bucket, [...(this.personIndex.get(bucket) ?? []), person]);
      }
    }
    const key = authorKey(name);
    const words = key.split(' ');
    const candidates = new Set([...(this.personIndex.get(`f:${words[0]}`) ?? []), ...(this.personIndex.get(`l:${words.at(-1)}`) ?? [])]);
    return [...candidates].filter((c) => {
      const other = authorKey(c);
      return other !== key && editDistance(key, other, 1) <= 1;
    });
  }

  /** One author value → its canonical name (null when nothing usable is left), with what was done. */
  private resolve(raw: string): Resolved {
    const cached = this.memo.get(raw);
    if (cached) return cached;
    const findings = emptyFindings();
    const value = clean(raw);
    let result: Resolved = { name: null, findings };
    if (value) {
      let name = value;
      let rule: ChangeRule | null = null;
      let reason = '';
      const acronym = this.splitAcronym(value);
      if (acronym) {
        name = acronym.name;
        rule = 'acronym';
        reason = `“${acronym.acronym}” is the acronym of the name`;
      } else if (/^(.+?)\s*\(([^()]+)\)$/.test(value) && isAcronymLike(/\(([^()]+)\)$/.exec(value)![1]!)) {
        findings.review.push({ field: 'authors', value, note: 'the acronym in brackets does not match the name: kept as given' });
      }
      const turned = acronym ? null : uninvert(name);
      if (turned) {
        name = turned;
        rule = 'inverted';
        reason = '“Surname, Given” turned round';
      }
      const canonical = this.byKey.get(authorKey(name)) ?? this.acronymOf(name);
      if (canonical) {
        if (canonical.name !== name) {
          rule ??= canonical.rule;
          reason = reason ? `${reason}; ${canonical.reason}` : canonical.reason;
          if (rule === 'known' && authorKey(canonical.name) === authorKey(name)) reason = canonical.reason;
        }
        name = canonical.name;
      } else {
        if (isShouting(name) || isAllLowerCase(name)) {
          name = ordinaryCapitals(name);
          rule ??= 'capitals';
          reason ||= 'ordinary capitals';
        }
        const misspelt = looksLikeOrganisation(name) ? this.closeOrganisation(name) : null;
        if (misspelt) {
          name = misspelt.name;
          rule = 'spelling';
          reason = misspelt.reason;
        }
      }
      if (looksLikePerson(name)) {
        for (const other of this.closePersons(name)) {
          findings.review.push({ field: 'authors', value: name, note: `close to the author “${other}”: the same person? Kept as given` });
        }
      }
      if (!slugify(name)) {
        findings.unresolved.push({ field: 'authors', value: raw, reason: 'the name has no letters or digits a link can use' });
        name = '';
      } else if (name !== raw) {
        findings.changes.push({
          field: 'authors',
          from: raw,
          to: name,
          rule: rule ?? 'case',
          reason: rule ? reason : tidySpaces(raw) !== raw ? 'spacing' : 'punctuation',
        });
      }
      result = { name: name || null, findings };
    }
    this.memo.set(raw, result);
    return result;
  }

  /** An author list → canonical names in order, one per author, with everything done reported. */
  normalize(values: readonly string[]): { authors: string[]; findings: Findings } {
    this.settle();
    const findings = emptyFindings();
    const cleaned = values
      .filter((v) => clean(v))
      .map((value) => {
        const cut = cutShort(clean(value));
        if (!cut) return value;
        findings.review.push({ field: 'authors', value, note: `the source cut the list short: ${cut.more} more not named; “${cut.named}” is kept` });
        return cut.named;
      });
    let items: string[] = [...cleaned];

    if (looksLikeSplitCitation(cleaned.map(clean))) {
      const citation = cleaned.map(clean).join(', ');
      const found = citationAuthors(citation);
      if (found) {
        findings.changes.push({
          field: 'authors',
          from: cleaned.join(' | '),
          to: found.authors.join('; '),
          rule: 'citation',
          reason:
            cleaned.length === 1
              ? 'a whole citation given as the author; its author is kept'
              : `${cleaned.length} values are the fragments of one citation; its author is kept`,
        });
        findings.review.push({
          field: 'authors',
          value: found.rest,
          note: 'the rest of the citation (title, editors or conveners, publisher) is not an author of this record: check it',
        });
        items = found.authors;
      } else {
        findings.unresolved.push({
          field: 'authors',
          value: citation,
          reason: `${cleaned.length} values look like the fragments of one citation, and no author could be read from it`,
        });
        items = [];
      }
    }

    const authors: string[] = [];
    const slugs = new Set<string>();
    for (const item of items) {
      const people = splitPeople(clean(item));
      if (people) {
        findings.changes.push({ field: 'authors', from: item, to: people.join('; '), rule: 'split', reason: 'several people in one value' });
      }
      for (const part of people ?? [item]) {
        const resolved = this.resolve(part);
        findings.unresolved.push(...resolved.findings.unresolved);
        if (!resolved.name) continue;
        const slug = slugify(resolved.name);
        if (slugs.has(slug)) {
          const how = resolved.findings.changes.map((c) => c.reason).join('; ');
          findings.changes.push({
            field: 'authors',
            from: part,
            to: resolved.name,
            rule: 'duplicate',
            reason: how ? `${how}; the same author is already listed` : 'the same author is already listed',
          });
          continue;
        }
        findings.changes.push(...resolved.findings.changes);
        findings.review.push(...resolved.findings.review);
        slugs.add(slug);
        authors.push(resolved.name);
      }
    }
    return { authors, findings };
  }
}

/** "Jacqueline Berman, Donatella Bradic and Phil Marshall" → three people; null unless every part is a person. */
function splitPeople(value: string): string[] | null {
  if (!/,|\band\b|&|;/.test(value)) return null;
  const parts = value
    .split(/\s*(?:,|;|&|\band\b)\s*/)
    .map((p) => p.trim())
    .filter(Boolean);
  return parts.length >= 2 && parts.every(looksLikePerson) ? parts : null;
}
