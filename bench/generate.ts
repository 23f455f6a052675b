// A deterministic synthetic catalogue of N publications for the benchmark, cached as
// bench/.cache/catalogue-<n>-v<GENERATOR_VERSION>.db. Run alone: `tsx bench/generate.ts --n 100000`.
//
// The schema comes from the real migrations and the taxonomy from the real seed, so the file is one the
// app can serve as is; the bulk of the rows goes in through better-sqlite3 in one transaction, because
// the app's own write path (a dozen Prisma queries per publication) is far too slow for N = 100,000.
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { migrateDatabase, MIGRATIONS_DIR } from '@/lib/migrate';
import { createPrismaClient } from '@/lib/prisma-client';
import type { SearchText } from '@/lib/sql/dialect';
import { sqliteDialect } from '@/lib/sql/sqlite';
import { CATEGORIES } from '@/lib/taxonomy/categories';
import { COUNTRIES, REGIONS } from '@/lib/taxonomy/regions';
import { seedTaxonomy } from '@/lib/taxonomy/seed';
import { slugify } from '@/lib/text';
import {
  COMMON_CATEGORY,
  COMMON_COUNTRY,
  COMMON_WORD,
  DOCUMENT_EVERY,
  DOCUMENT_PAGES,
  DOCUMENT_PHRASE,
  DOCUMENT_WORD,
  FAR_REGION,
  GENERATOR_VERSION,
  PHRASE,
  PREFIX,
  RARE_WORD,
  SECOND_CATEGORY,
  SECOND_COUNTRY,
  TEXT_WORD,
} from './matrix';

export const CACHE_DIR = fileURLToPath(new URL('./.cache/', import.meta.url));
export const DEFAULT_N = 100_000;

export function cacheFile(n: number): string {
  return path.join(CACHE_DIR, `catalogue-${n}-v${GENERATOR_VERSION}.db`);
}

// --- vocabulary --------------------------------------------------------------------------------------
// Ordered by how common each word should be: samples follow a Zipf law over these ranks, so the first
// words are in almost every summary and the last ones in a few in a hundred; a tier of specialist
// words below them is rarer still.

const DOMAIN_WORDS = `
trafficking victims exploitation labour protection persons migrants women children identification assistance
referral support national law enforcement prosecution smuggling government rights services border cooperation
prevention recruitment workers policy authorities survivors legal criminal justice data international regional
migration risk vulnerable response training cases countries community police mechanism framework guidelines
practice access shelter evidence research analysis assessment needs measures domestic trafficked exploited
abuse violence gender traffickers offenders investigation courts judges prosecutors social health
psychological reintegration return repatriation compensation remedies employment employers agencies
organisations civil society ngos coordination monitoring reporting indicators standards obligations states
convention protocol directive legislation amendments implementation strategy action plan programme project
capacity building awareness campaigns education schools youth adolescents girls boys families households
poverty unemployment debt bondage servitude slavery marriage begging criminality cannabis cultivation
construction agriculture fishing domestic work hospitality textiles garment factories mining brick kilns
seasonal platforms online internet technology recruitment agencies brokers intermediaries fees contracts
wages passports documents visas permits residence asylum refugees displaced conflict humanitarian crisis
emergency camps transit destination origin routes corridors flows irregular regular pathways labour market
inspectors inspections audits supply chains businesses companies due diligence transparency procurement
sanctions penalties convictions sentences trials witnesses testimony interviews screening interpreters
cultural mediators lawyers counselling medical care housing safe accommodation hotlines helplines outreach
frontline practitioners caseworkers social workers teachers healthcare staff consular embassies
diplomatic missions ministries interior labour justice affairs commissions rapporteurs ombudspersons
parliament municipalities local districts provinces rural urban cities communities diaspora returnees
reintegration livelihoods microfinance vocational skills apprenticeships self-employment grants
exploitative exploiters exploiting exploit coercion deception fraud threats isolation confiscation
withholding manipulation grooming recruiters pimps clients demand prostitution pornography sexual forced
organ removal surrogacy adoption child soldiers armed groups militias extremism terrorism cybercrime
cryptocurrency financial investigations money laundering assets confiscation banks suspicious transactions
profiling red flags checklists toolkits handbooks manuals curricula modules e-learning webinars workshops
conferences roundtables consultations surveys questionnaires focus groups baseline evaluation impact
outcomes effectiveness lessons learned recommendations gaps challenges barriers obstacles trends patterns
estimates prevalence statistics figures datasets methodology sampling mapping typology definitions
terminology concepts principles human-rights-based victim-centred trauma-informed gender-sensitive
child-sensitive non-punishment presumption age assessment guardianship unaccompanied separated minors
foster alternative institutional orphanages stateless minorities roma indigenous disabilities lgbti
elderly pregnant sponsorship domestic-workers au-pairs students volunteers athletes footballers models
nannies caregivers seafarers vessels ports airports checkpoints smugglers facilitators networks groups
organised crime clans family-based kinship method romance scams forced criminality call centres
fraud compounds scam centres telecom casinos special economic zones`;

/** Specialist words, each in roughly one summary in three hundred: what a rare-word query finds. */
const RARE_WORDS = `kafala sextortion loverboy cybersex livestreaming peonage indentured trokosi devadasi restavek talibé
vidomegon juju madams sharecropping chattel bride-price okada cockling`;

/** Word pairs that occur together often: what phrase queries find. */
const COLLOCATIONS = [
  'human trafficking',
  'forced labour',
  'sexual exploitation',
  'labour exploitation',
  'victim identification',
  'national referral mechanism',
  'child protection',
  'border management',
  'debt bondage',
  'domestic servitude',
  'forced marriage',
  'law enforcement',
  'criminal justice',
  'civil society',
  'migrant workers',
  'ethical recruitment',
  'supply chains',
  'non-punishment principle',
  'due diligence',
  'organised crime',
  'online exploitation',
  'unaccompanied children',
  'survivor support',
  'access to justice',
  'standard operating procedures',
  'risk assessment',
  'data collection',
  'capacity building',
  'reflection period',
  'residence permits',
];

const FUNCTION_WORDS = `the of and in to for on with by as from at their its this which is are that how between into across
among within through under against`;

const words = (text: string) => text.trim().split(/\s+/);
const VOCABULARY = [...new Set(words(DOMAIN_WORDS))];
const RARE = words(RARE_WORDS);
const FUNCTION = words(FUNCTION_WORDS);
/** Share of domain-word draws that take a specialist word instead. */
const RARE_SHARE = 0.0012;

// The query matrix relies on these; fail loudly if an edit above removes one.
for (const word of [COMMON_WORD, TEXT_WORD, ...PHRASE]) {
  if (!VOCABULARY.includes(word)) throw new Error(`bench vocabulary lacks "${word}"`);
}
if (VOCABULARY[0] !== COMMON_WORD || !RARE.includes(RARE_WORD) || VOCABULARY.some((w) => RARE.includes(w))) {
  throw new Error('bench vocabulary order changed');
}
if (COLLOCATIONS[1] !== PHRASE.join(' ')) throw new Error('bench collocations order changed');
if (!VOCABULARY.some((w) => w.startsWith(PREFIX))) throw new Error(`no word starts with "${PREFIX}"`);

/**
 * The documents' own vocabulary: 20,000 made-up words (syllables of a number in base 20), drawn by a Zipf
 * law, as the long tail of a real report's words that titles and summaries never use. DOCUMENT_WORD is put
 * at rank 400 (in about a third of the documents) and the phrase's words at ranks 30 and 31.
 */
const SYLLABLES = words('ka lo mi ren tu sa vel dor pi an et ro mun sel ta qui bra no zen ul');
const DOCUMENT_VOCABULARY = (() => {
  const list: string[] = [];
  const seen = new Set<string>([DOCUMENT_WORD, ...DOCUMENT_PHRASE]);
  for (let i = 8000; list.length < 20_000; i++) {
    let word = '';
    for (let k = i; k > 0; k = Math.floor(k / 20)) word += SYLLABLES[k % 20];
    if (!seen.has(word) && !VOCABULARY.includes(word)) {
      seen.add(word);
      list.push(word);
    }
  }
  list.splice(30, 0, ...DOCUMENT_PHRASE);
  list.splice(400, 0, DOCUMENT_WORD);
  return list;
})();
/** Share of a document's words drawn from DOCUMENT_VOCABULARY; words per page. */
const DOCUMENT_WORD_SHARE = 0.25;
const WORDS_PER_PAGE = 350;

const EXTRA_CATEGORIES = [
  { slug: 'case-study', name: 'Case study' },
  { slug: 'evaluation', name: 'Evaluation' },
  { slug: 'standard-operating-procedures', name: 'Standard operating procedures' },
  { slug: 'factsheet', name: 'Factsheet' },
];
/** Category slugs by decreasing frequency (the 9 seeded ones and the extras). */
const CATEGORY_RANKS = [
  COMMON_CATEGORY,
  SECOND_CATEGORY,
  'guidance',
  'handbook',
  'policy-brief',
  'needs-assessment',
  'training-material',
  'case-study',
  'legislation-analysis',
  'toolkit',
  'evaluation',
  'factsheet',
  'standard-operating-procedures',
];

/** Countries the literature writes about most, first; the rest of ISO 3166-1 follows in a fixed shuffle. */
const FREQUENT_COUNTRIES = [
  COMMON_COUNTRY, SECOND_COUNTRY, 'UA', 'RS', 'PH', 'IN', 'MX', 'MD', 'VN', 'BD', 'AL', 'RO', 'NP', 'US', 'GB', 'DE',
  'IT', 'KH', 'MM', 'GH', 'BG', 'BA', 'XK', 'MK', 'ME', 'TR', 'LY', 'ER', 'ET', 'SY', 'AF', 'PK', 'ID', 'MY', 'BR',
  'CO', 'GT', 'HN', 'SV', 'HT', 'DO', 'UZ', 'KG', 'TJ', 'KZ', 'CN', 'LA', 'NE', 'ML', 'SD', 'SN', 'CI', 'KE', 'UG',
];

const ORGANISATIONS = [
  'International Organization for Migration', 'United Nations Office on Drugs and Crime', 'OSCE Office for Democratic Institutions and Human Rights',
  'International Labour Organization', 'Council of Europe', 'GRETA', 'Inter-Agency Coordination Group against Trafficking in Persons',
  'UNICEF', 'UNHCR', 'La Strada International', 'Anti-Slavery International', 'Walk Free', 'Polaris Project', 'ECPAT International',
  'Europol', 'Frontex', 'INTERPOL', 'European Commission', 'U.S. Department of State', 'OSCE Special Representative on Trafficking',
  'Global Alliance Against Traffic in Women', 'ASTRA Anti-Trafficking Action', 'Terre des hommes', 'Save the Children',
  'Caritas Internationalis', 'KOK German NGO Network against Trafficking', 'EU Agency for Fundamental Rights', 'Liberty Shared',
  'Freedom Fund', 'International Justice Mission', 'ICMPD', 'UN Women', 'OHCHR', 'World Bank', 'Tech Against Trafficking',
  'Verité', 'FairSquare', 'Human Rights Watch', 'Amnesty International', 'Stop the Traffik',
];

const FIRST_NAMES = words(`Ana Maria Elena Ivana Jelena Marta Sofia Olena Irina Natalia Aisha Fatima Amina Grace Joy Mercy Priya Anjali Sunita
Mei Lin Hoa Thanh Siriporn Nok Maya Sarah Emma Laura Julia Clara Lucia Camila Valentina Isabel Carmen Rosa Ingrid Astrid
John David Michael Peter Paul Marko Nikola Stefan Andrei Oleksandr Dmitri Ahmed Mohamed Omar Yusuf Ibrahim Kwame Kofi
Chinedu Emeka Tunde Rahul Arjun Vikram Nguyen Somchai Carlos Juan Diego Luis Miguel Pierre Jean Luc Hans Lars Erik Tomás
Zoltán Krzysztof Søren José Renée Chloé Zoë Ömer Çağla`);
const LAST_NAMES = words(`Petrović Jovanović Nikolić Popescu Ionescu Dimitrov Ivanova Kovalenko Shevchenko Horváth Nowak Kowalski Novák
Müller Schmidt Weber Fischer Dubois Martin Bernard Rossi Russo Bianchi García Martínez López González Rodríguez Fernández
Pérez Sánchez Silva Santos Oliveira Costa Pereira Smith Johnson Williams Brown Jones Taylor Wilson Anderson Thompson White
Okafor Adeyemi Okonkwo Mensah Owusu Kamau Otieno Mwangi Diallo Traoré Coulibaly Ndiaye Haddad Khalil Hassan Mansour Yilmaz
Kaya Demir Öztürk Sharma Gupta Singh Patel Das Rahman Hossain Khan Chowdhury Tran Le Pham Hoang Phan Wong Chen Wang Li Zhang
Liu Tanaka Suzuki Kim Park Lee Santos Reyes Cruz Bautista Srisuk Chaiyaporn Wongsa Nilsson Andersen Hansen Johansson
Larsen Virtanen Korhonen Papadopoulos Georgiou Nielsen Núñez Ibáñez Çelik Şahin Gruber Huber Bauer`);

// --- deterministic randomness --------------------------------------------------------------------------

/** sfc32: small, fast, and the same sequence on every machine for the same seed. */
function rng(seed: number): () => number {
  let a = 0x9e3779b9, b = 0x243f6a88, c = 0xb7e15162, d = seed >>> 0;
  const next = () => {
    a |= 0; b |= 0; c |= 0; d |= 0;
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 16; i++) next();
  return next;
}

/** Draws ranks 0..size-1 with P(k) ∝ 1/(k+1)^s, by binary search in the cumulative distribution. */
function zipf(size: number, s: number, random: () => number): () => number {
  const cdf = new Float64Array(size);
  let total = 0;
  for (let k = 0; k < size; k++) cdf[k] = total += 1 / Math.pow(k + 1, s);
  return () => {
    const u = random() * total;
    let lo = 0, hi = size - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cdf[mid]! < u) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

/** Draws 1..weights.length with the given relative weights. */
function weighted(weights: number[], random: () => number): () => number {
  const total = weights.reduce((a, b) => a + b, 0);
  return () => {
    let u = random() * total;
    for (let i = 0; i < weights.length; i++) if ((u -= weights[i]!) < 0) return i + 1;
    return weights.length;
  };
}

function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

const capitalise = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

// --- the catalogue's shape ---------------------------------------------------------------------------

type Generated = {
  id: number;
  slug: string;
  title: string;
  summary: string;
  year: number | null;
  languages: string[];
  url: string | null;
  category: string | null;
  countries: string[];
  regions: string[];
  authors: number[];
  /** The text of its document (pages separated by form feeds), for every DOCUMENT_EVERYth publication. */
  document: string | null;
};

function makeGenerator(authorCount: number) {
  const random = rng(20261128);
  const domainWord = zipf(VOCABULARY.length, 0.85, random);
  const functionWord = zipf(FUNCTION.length, 1.0, random);
  const collocation = zipf(COLLOCATIONS.length, 1.1, random);
  const countryOrder = [
    ...FREQUENT_COUNTRIES,
    ...shuffled(
      COUNTRIES.map((c) => c.code).filter((code) => !FREQUENT_COUNTRIES.includes(code)),
      random,
    ),
  ];
  const country = zipf(countryOrder.length, 1.0, random);
  const countriesPerPublication = weighted([45, 25, 13, 8, 5, 4], random);
  const author = zipf(authorCount, 0.7, random);
  const authorsPerPublication = weighted([50, 25, 13, 7, 3, 2], random);
  const category = zipf(CATEGORY_RANKS.length, 0.9, random);
  const region = zipf(REGIONS.length, 0.6, random);
  const membership = new Map(COUNTRIES.map((c) => [c.code, c.regions]));
  // Publications grew with the Palermo Protocol (2000) and keep growing: weight ∝ (year − 1985)².
  const years = Array.from({ length: 2026 - 1990 + 1 }, (_, i) => 1990 + i);
  const year = weighted(years.map((y) => (y - 1985) ** 2), random);
  const languages = ['en', 'en', 'en', 'en', 'en', 'en', 'fr', 'es', 'ru', 'uk', 'sr', 'ar'];
  const documentWord = zipf(DOCUMENT_VOCABULARY.length, 1.0, random);

  /** A run of prose: mostly domain words, function words between them, collocations now and then. */
  function prose(count: number, functionShare: number): string[] {
    const out: string[] = [];
    while (out.length < count) {
      const u = random();
      if (u < functionShare) out.push(FUNCTION[functionWord()]!);
      else if (u < functionShare + 0.08) out.push(...words(COLLOCATIONS[collocation()]!));
      else if (random() < RARE_SHARE) out.push(RARE[Math.floor(random() * RARE.length)]!);
      else out.push(VOCABULARY[domainWord()]!);
    }
    return out.slice(0, count);
  }

  function summary(): string {
    // 60–200 words, most around 110.
    const total = 60 + Math.floor(140 * Math.pow(random(), 1.5));
    const sentences: string[] = [];
    let left = total;
    while (left > 0) {
      const length = Math.min(left, 8 + Math.floor(random() * 15));
      const sentence = prose(length, 0.3);
      sentence[0] = capitalise(sentence[0]!);
      sentences.push(`${sentence.join(' ')}.`);
      left -= length;
    }
    return sentences.join(' ');
  }

  /** A document: DOCUMENT_PAGES pages of prose, a quarter of its words from the documents' own vocabulary. */
  function document(): string {
    const pages: string[] = [];
    for (let page = 0; page < DOCUMENT_PAGES; page++) {
      const out: string[] = [];
      for (const word of prose(WORDS_PER_PAGE, 0.4)) {
        if (random() >= DOCUMENT_WORD_SHARE) out.push(word);
        else if (random() < 0.01) out.push(...DOCUMENT_PHRASE);
        else out.push(DOCUMENT_VOCABULARY[documentWord()]!);
      }
      // Sentences of 12 to 24 words.
      for (let at = 0; at < out.length; at += 12 + Math.floor(random() * 13)) {
        out[at] = capitalise(out[at]!);
        if (at > 0) out[at - 1] += '.';
      }
      pages.push(`${out.join(' ')}.`);
    }
    return pages.join('\f');
  }

  function title(): string {
    const length = 5 + Math.floor(9 * Math.pow(random(), 1.3)); // 5–13, a few 14 below
    const parts = prose(length + (random() < 0.05 ? 1 : 0), 0.2);
    parts[0] = capitalise(parts[0]!);
    // About a third of titles carry a subtitle.
    if (random() < 0.33 && parts.length > 4) {
      const cut = 2 + Math.floor(random() * (parts.length - 3));
      parts[cut - 1] += ':';
      parts[cut] = capitalise(parts[cut]!);
    }
    return parts.join(' ');
  }

  function distinct<T>(count: number, draw: () => T): T[] {
    const set = new Set<T>();
    for (let tries = 0; set.size < count && tries < count * 20; tries++) set.add(draw());
    return [...set];
  }

  return function publication(id: number): Generated {
    const t = title();
    const countries = distinct(countriesPerPublication(), () => countryOrder[country()]!);
    // A third of publications also carry region tags: mostly their first country's region, sometimes
    // another (Western Europe as a destination for NG, Worldwide, ...).
    const regions: string[] = [];
    if (random() < 0.35) {
      const home = membership.get(countries[0]!)?.[0];
      if (home && random() < 0.6) regions.push(home);
      if (countries[0] === COMMON_COUNTRY && random() < 0.5) regions.push(FAR_REGION);
      if (random() < 0.4) regions.push(REGIONS[region()]!.slug);
    }
    const noYear = random() < 0.005;
    const y = years[year() - 1]!;
    const slug = `${slugify(t, 60)}-${id.toString(36)}`;
    return {
      id,
      slug,
      title: t,
      summary: summary(),
      year: noYear ? null : y,
      // One language mostly; a few records are issued in two (English and another).
      languages: [...new Set([languages[Math.floor(random() * languages.length)]!, ...(random() < 0.05 ? ['en'] : [])])],
      url: random() < 0.7 ? `https://example.org/publications/${slug}` : null,
      category: random() < 0.01 ? null : CATEGORY_RANKS[category()]!,
      countries,
      regions: [...new Set(regions)],
      authors: distinct(authorsPerPublication(), () => author() + 1),
      document: id % DOCUMENT_EVERY === 0 ? document() : null,
    };
  };
}

/** Organisations first (the most prolific), then people; slugs must be unique, so clashes are redrawn. */
function makeAuthors(count: number): { id: number; slug: string; name: string }[] {
  const random = rng(7);
  const seen = new Set<string>();
  const out: { id: number; slug: string; name: string }[] = [];
  const add = (name: string) => {
    const slug = slugify(name);
    if (!slug || seen.has(slug)) return false;
    seen.add(slug);
    out.push({ id: out.length + 1, slug, name });
    return true;
  };
  for (const name of ORGANISATIONS) if (out.length < count) add(name);
  const pick = (list: string[]) => list[Math.floor(random() * list.length)]!;
  while (out.length < count) {
    const initial = random() < 0.7 ? ` ${String.fromCharCode(65 + Math.floor(random() * 26))}.` : '';
    const second = random() < 0.15 ? `-${pick(LAST_NAMES)}` : '';
    add(`${pick(FIRST_NAMES)}${initial} ${pick(LAST_NAMES)}${second}`);
  }
  return out;
}

// --- writing the file ---------------------------------------------------------------------------------

/**
 * What search sees of a publication: the same expression as SEARCH_TEXT in lib/sql/sqlite.ts (which
 * that module does not export). generateCatalogue checks a sample against readSearchText afterwards.
 * Files: their pages separated as the document_search migration separates them (the generated text has
 * only letters, spaces and full stops, which FTS5 and the app split alike); French and Spanish ones are
 * left out here and stemmed by the app afterwards (completeSearchRows), like French and Spanish titles.
 */
const SEARCH_TEXT_INSERT = `
  INSERT INTO "PublicationSearch" ("rowid", "title", "summary", "names", "files")
  SELECT
    p."id", p."title", p."summary",
    trim(
      coalesce((SELECT group_concat("name", ' ; ') FROM (
        SELECT a."name" FROM "PublicationAuthor" pa JOIN "Author" a ON a."id" = pa."authorId"
        WHERE pa."publicationId" = p."id" ORDER BY pa."position")), '') || ' ; ' ||
      coalesce((SELECT group_concat(c."name", ' ; ') FROM "PublicationCountry" pc
        JOIN "Country" c ON c."code" = pc."countryCode" WHERE pc."publicationId" = p."id"), '') || ' ; ' ||
      coalesce((SELECT group_concat(r."name", ' ; ') FROM "PublicationRegion" pr
        JOIN "Region" r ON r."id" = pr."regionId" WHERE pr."publicationId" = p."id"), '') || ' ; ' ||
      coalesce((SELECT cat."name" FROM "Category" cat WHERE cat."id" = p."categoryId"), '')
    ),
    coalesce((SELECT group_concat(replace(f."text", char(12), ' ' || char(57344) || ' '), ' ' || char(57344) || ' ') FROM (
      SELECT f."text" FROM "PublicationFile" f
      WHERE f."publicationId" = p."id" AND f."textStatus" = 'ok' AND f."text" <> ''
        AND coalesce(f."language", (SELECT l."code" FROM "PublicationLanguage" l WHERE l."publicationId" = p."id" ORDER BY l."position" LIMIT 1), 'en') NOT IN ('fr', 'es')
      ORDER BY f."position") AS f), '')
  FROM "Publication" p WHERE p."status" = 'published' AND p."id" BETWEEN ? AND ?`;

export type GenerateResult = { file: string; n: number; cached: boolean; seconds: number; bytes: number };

export type Progress = (message: string, done: boolean) => void;

/** A progress line that rewrites itself on a terminal and prints every step elsewhere (CI logs). */
export function progressLine(stream: NodeJS.WriteStream = process.stderr): Progress {
  return (message, done) => {
    if (stream.isTTY) stream.write(`\r\x1b[2K${message}${done ? '\n' : ''}`);
    else stream.write(`${message}\n`);
  };
}

/** The cached file for N when it exists and matches the migrations; otherwise generates it. */
export async function ensureCatalogue(n: number, progress: Progress = progressLine()): Promise<GenerateResult> {
  const file = cacheFile(n);
  if (existsSync(file)) {
    if (migrationsMatch(file)) return { file, n, cached: true, seconds: 0, bytes: statSync(file).size };
    progress(`${path.basename(file)} predates a migration: generating it again`, true);
    rmSync(file);
  }
  return generateCatalogue(n, progress);
}

/** The query listing the migrations a database has finished applying (SQLite and PostgreSQL alike). */
export const APPLIED_MIGRATIONS = `SELECT migration_name AS name FROM _prisma_migrations WHERE finished_at IS NOT NULL`;

/** True when `applied` (rows of APPLIED_MIGRATIONS) names every migration folder in `dir`, and no other. */
export function sameMigrations(applied: { name: string }[], dir: string): boolean {
  const folders = readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  return JSON.stringify(applied.map((r) => r.name).sort()) === JSON.stringify(folders);
}

/** True when every migration folder has been applied to the file, and no other. */
function migrationsMatch(file: string): boolean {
  const db = new Database(file, { readonly: true });
  try {
    return sameMigrations(db.prepare(APPLIED_MIGRATIONS).all() as { name: string }[], MIGRATIONS_DIR);
  } catch {
    return false;
  } finally {
    db.close();
  }
}

export async function generateCatalogue(n: number, progress: Progress = progressLine()): Promise<GenerateResult> {
  const started = performance.now();
  const elapsed = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;
  const file = cacheFile(n);
  // Build beside the final name and rename at the end: an interrupted run never leaves a file that looks complete.
  const partial = `${file}.partial`;
  mkdirSync(CACHE_DIR, { recursive: true });
  rmSync(partial, { force: true });

  progress(`generating ${n.toLocaleString('en')} publications: migrating`, false);
  await migrateDatabase(`file:${partial}`);
  const prisma = createPrismaClient(`file:${partial}`);
  try {
    await seedTaxonomy(prisma);
  } finally {
    await prisma.$disconnect();
  }

  const db = new Database(partial);
  // A throwaway file being filled in one go: no journal, no fsync.
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -262144'); // 256 MB
  db.pragma('temp_store = MEMORY');

  const insertCategory = db.prepare(`INSERT INTO "Category" ("slug", "name") VALUES (?, ?)`);
  for (const c of EXTRA_CATEGORIES) insertCategory.run(c.slug, c.name);
  const categoryId = new Map(
    (db.prepare(`SELECT "id", "slug" FROM "Category"`).all() as { id: number; slug: string }[]).map((c) => [c.slug, c.id]),
  );
  const regionId = new Map(
    (db.prepare(`SELECT "id", "slug" FROM "Region"`).all() as { id: number; slug: string }[]).map((r) => [r.slug, r.id]),
  );
  if (categoryId.size !== CATEGORIES.length + EXTRA_CATEGORIES.length) throw new Error('unexpected categories');

  // ~50,000 authors at N = 100,000; fewer for a small catalogue so that authors still repeat.
  const authorCount = Math.min(50_000, Math.max(ORGANISATIONS.length, Math.round(n / 2)));
  const authors = makeAuthors(authorCount);
  const publication = makeGenerator(authorCount);

  const insertAuthor = db.prepare(`INSERT INTO "Author" ("id", "slug", "name") VALUES (?, ?, ?)`);
  const insertPublication = db.prepare(
    `INSERT INTO "Publication" ("id", "slug", "title", "summary", "year", "url", "categoryId", "createdAt", "updatedAt", "publishedAt")
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertLanguage = db.prepare(`INSERT INTO "PublicationLanguage" ("publicationId", "code", "position") VALUES (?, ?, ?)`);
  const insertCountry = db.prepare(`INSERT INTO "PublicationCountry" ("publicationId", "countryCode") VALUES (?, ?)`);
  const insertRegion = db.prepare(`INSERT INTO "PublicationRegion" ("publicationId", "regionId") VALUES (?, ?)`);
  const insertLink = db.prepare(`INSERT INTO "PublicationAuthor" ("publicationId", "authorId", "position") VALUES (?, ?, ?)`);
  const insertSearch = db.prepare(SEARCH_TEXT_INSERT);
  const insertFile = db.prepare(
    `INSERT INTO "PublicationFile" ("publicationId", "position", "sha256", "size", "mediaType", "fileName", "label", "language", "textStatus", "text", "pageCount", "createdAt")
     VALUES (?, 0, ?, ?, 'application/pdf', ?, 'Full report', NULL, 'ok', ?, ?, ?)`,
  );

  const step = Math.max(1000, Math.round(n / 50));
  db.transaction(() => {
    for (const a of authors) insertAuthor.run(a.id, a.slug, a.name);
    for (let id = 1; id <= n; id++) {
      const p = publication(id);
      // Prisma stores DateTime as ISO 8601 text in SQLite; a fixed clock keeps the file reproducible.
      const stamp = new Date(Date.UTC(p.year ?? 2026, 0, 1) + id * 1000).toISOString().replace('Z', '+00:00');
      insertPublication.run(p.id, p.slug, p.title, p.summary, p.year, p.url, p.category === null ? null : categoryId.get(p.category)!, stamp, stamp, stamp);
      p.languages.forEach((code, position) => insertLanguage.run(id, code, position));
      for (const code of p.countries) insertCountry.run(id, code);
      for (const slug of p.regions) insertRegion.run(id, regionId.get(slug)!);
      p.authors.forEach((authorId, position) => insertLink.run(id, authorId, position));
      if (p.document !== null) {
        // A made-up digest (no bytes are stored): unique per file, as a content address would be.
        const sha256 = id.toString(16).padStart(64, '0');
        insertFile.run(id, sha256, Buffer.byteLength(p.document) * 3, `${p.slug.slice(0, 60)}.pdf`, p.document, DOCUMENT_PAGES, stamp);
      }
      if (id % step === 0 || id === n) progress(`generating: ${id.toLocaleString('en')} / ${n.toLocaleString('en')} publications (${elapsed()})`, false);
    }
    // The full-text rows, in slices so that progress keeps moving (tokenising is the slow part).
    const slice = Math.max(5000, Math.round(n / 20));
    for (let from = 1; from <= n; from += slice) {
      insertSearch.run(from, Math.min(n, from + slice - 1));
      progress(`generating: full-text rows ${Math.min(n, from + slice - 1).toLocaleString('en')} / ${n.toLocaleString('en')} (${elapsed()})`, false);
    }
    // A null change tells every running search index to rebuild from scratch.
    db.prepare(`INSERT INTO "CatalogueChange" ("publicationId") VALUES (NULL)`).run();
  })();
  progress(`generating: merging the full-text index and analysing (${elapsed()})`, false);
  db.prepare(`INSERT INTO "PublicationSearch" ("PublicationSearch") VALUES ('optimize')`).run();
  db.exec('ANALYZE');
  db.pragma('journal_mode = DELETE'); // what the app's files use
  db.close();

  // The French and Spanish titles' and files' stems, which only the app computes (lib/sql/sqlite.ts).
  progress(`generating: French and Spanish stems (${elapsed()})`, false);
  const stems = createPrismaClient(`file:${partial}`);
  try {
    await sqliteDialect.completeSearchRows(stems);
  } finally {
    await stems.$disconnect();
  }
  await checkSearchText(partial, n);
  renameSync(partial, file);
  const seconds = (performance.now() - started) / 1000;
  progress(`generated ${n.toLocaleString('en')} publications in ${seconds.toFixed(1)} s → ${path.relative(process.cwd(), file)}`, true);
  return { file, n, cached: false, seconds, bytes: statSync(file).size };
}

/** The full-text rows must hold exactly what lib/sql/sqlite.ts would write: compare a sample with it. */
async function checkSearchText(file: string, n: number): Promise<void> {
  const prisma = createPrismaClient(`file:${file}`);
  const db = new Database(file, { readonly: true });
  try {
    const stored = db.prepare(`SELECT "title", "summary", "names" FROM "PublicationSearch" WHERE rowid = ?`);
    await checkSearchSample(n, 'lib/sql/sqlite.ts', (ids) => sqliteDialect.readSearchText(prisma, ids), async (id) => stored.get(id) as SearchText);
  } finally {
    db.close();
    await prisma.$disconnect();
  }
}

/**
 * Compares the full-text rows of a sample of publications (`stored`) with what the dialect module
 * (`source`) reads for them (`expected`): the bulk load must write exactly the app's text.
 */
export async function checkSearchSample(
  n: number,
  source: string,
  expected: (ids: number[]) => Promise<SearchText[]>,
  stored: (id: number) => Promise<Omit<SearchText, 'id'> | undefined>,
): Promise<void> {
  const ids = [...new Set(Array.from({ length: 200 }, (_, i) => 1 + Math.floor((i * 7919) % n)))];
  const rows = await expected(ids);
  for (const row of rows) {
    const actual = await stored(row.id);
    if (!actual || actual.title !== row.title || actual.summary !== row.summary || actual.names !== row.names) {
      throw new Error(`full-text row ${row.id} differs from ${source}'s SEARCH_TEXT`);
    }
  }
  if (rows.length !== ids.length) throw new Error('publications missing from the full-text sample');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { n: { type: 'string' }, force: { type: 'boolean' } } });
  const n = Number(values.n ?? DEFAULT_N);
  if (!Number.isInteger(n) || n < 100) throw new Error('--n must be an integer ≥ 100');
  if (values.force) rmSync(cacheFile(n), { force: true });
  const result = await ensureCatalogue(n);
  console.log(result.cached ? `cached: ${result.file}` : `generated: ${result.file}`);
}
