import britishToAmerican from 'american-british-english-translator/data/british_spellings.json' with { type: 'json' };
import americanToBritish from 'american-british-english-translator/data/american_spellings.json' with { type: 'json' };

/**
 * British and American spellings of one word (labour/labor, organisation/organization, programme/program,
 * centre/center, defence/defense, …), from the word lists of the npm package
 * `american-british-english-translator` (MIT; its lists cover about 1,700 words with their inflections,
 * `labourers`/`laborers`). A query word is searched as itself OR its other spellings (lib/search/query.ts),
 * so the index, both databases' full text and the oracle all see the same alternatives.
 *
 * Left out: pairs whose American spelling is a different everyday word in British English, where matching
 * both would find the wrong thing (a tyre is not "tire", a tonne is not a "ton", a draught not a "draft" law).
 */
const NOT_VARIANTS = ['draught', 'tyre', 'tonne', 'groyne', 'baulk', 'gauge', 'fillet', 'bevvy'];

const excluded = (british: string) => NOT_VARIANTS.some((root) => british.startsWith(root));

function buildTable(): Map<string, readonly string[]> {
  const groups = new Map<string, Set<string>>();
  const join = (british: string, american: string) => {
    if (excluded(british) || british === american) return;
    const group = groups.get(british) ?? groups.get(american) ?? new Set<string>();
    group.add(british).add(american);
    groups.set(british, group);
    groups.set(american, group);
  };
  for (const [british, american] of Object.entries(britishToAmerican as Record<string, string>)) join(british, american);
  for (const [american, british] of Object.entries(americanToBritish as Record<string, string>)) join(british, american);
  const table = new Map<string, readonly string[]>();
  for (const [word, group] of groups) table.set(word, [...group].filter((w) => w !== word).sort());
  return table;
}

let table: Map<string, readonly string[]> | null = null;

/** The other spellings of a folded (lower-case, unaccented) word; none for most words. */
export function spellingVariants(surface: string): readonly string[] {
  table ??= buildTable();
  return table.get(surface) ?? [];
}
