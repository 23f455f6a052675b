import { foldText } from '@/lib/text';

/**
 * The comparison key of a name: case, accents, punctuation and spacing removed, "&" read as "and",
 * dotted initialisms closed up ("U.S.A." = "USA", "F.Y.R.O.M." = "FYROM"). Two spellings with the same key
 * are the same name; the normalizer reports whenever it replaces one with the other.
 */
export function nameKey(text: string, { dropThe = false }: { dropThe?: boolean } = {}): string {
  const closed = text.replace(/\b(?:\p{L}\.){2,}/gu, (m) => m.replace(/\./g, ''));
  const key = foldText(closed)
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  return dropThe ? key.split(' ').filter((w) => w !== 'the').join(' ') : key;
}

/** Trimmed, with runs of white space (including no-break spaces) made one space. */
export function tidySpaces(text: string): string {
  return text.replace(/[\s\u00a0\u2000-\u200b\u202f\u205f\u3000]+/g, ' ').trim();
}

/** Levenshtein distance, or `max + 1` as soon as it must exceed `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      current.push(value);
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > max) return max + 1;
    previous = current;
  }
  return previous[b.length]!;
}

// "Bangladesh + 1 more", "Nepal, India and 2 others", "Mali + 3 autres", "Perú y 2 más": a listing that
// names the first values and counts the rest.
const CUT_SHORT = /\s*(?:[+,;&]|\band\b|\bet\b|\by\b)\s*(\d+)\s+(?:more|others?|autres?|de plus|más|mas|otros?|otras?)\s*\.?$/i;

/** A value a source cut short: what it names, and how many values it only counted; null when not cut. */
export function cutShort(value: string): { named: string; more: number } | null {
  const match = CUT_SHORT.exec(value);
  if (!match) return null;
  const named = value.slice(0, match.index).trim();
  return named ? { named, more: Number(match[1]) } : null;
}
