/** What the normalizer tells about a record: nothing it does goes unreported. */

export type NormalizedField = 'title' | 'summary' | 'countries' | 'regions' | 'authors' | 'year' | 'category' | 'languages' | 'url';

/** Why a value was changed; `reason` says it in words. */
export type ChangeRule =
  | 'code' // an ISO code other than the canonical one (alpha-3, lower case)
  | 'case' // the canonical name in another case, accents, spacing or punctuation
  | 'official' // an official or long name
  | 'alias' // an alternative name the data package lists
  | 'translation' // a French or Spanish name
  | 'historical' // a former or UN-style name the package lacks
  | 'joined' // a name split over adjacent values, put back together
  | 'split' // one value that held several names
  | 'moved' // a region given as a country, or a country given as a region
  | 'duplicate' // the same value twice in one list
  | 'acronym' // an organisation's acronym, or its name with the acronym in brackets
  | 'known' // a variant of a name already in the catalogue or elsewhere in the file
  | 'spelling' // a misspelt organisation name
  | 'inverted' // "Surname, Given" turned round
  | 'capitals' // ALL CAPITALS or all lower case, given capitals
  | 'citation' // an author recovered from a citation split into fragments
  | 'format'; // a value written in another form (a year as text, a space after a colon)

export type Change = { field: NormalizedField; from: string; to: string; rule: ChangeRule; reason: string };

/** A value the normalizer could not turn into a catalogue value: it is left out of the record and reported. */
export type Unresolved = { field: NormalizedField; value: string; reason: string; candidates?: string[] };

/** A value kept as given that a person should look at. */
export type ReviewNote = { field: NormalizedField; value: string; note: string };

export type Findings = { changes: Change[]; unresolved: Unresolved[]; review: ReviewNote[] };

export function emptyFindings(): Findings {
  return { changes: [], unresolved: [], review: [] };
}

export function mergeFindings(target: Findings, ...sources: Findings[]): Findings {
  for (const source of sources) {
    target.changes.push(...source.changes);
    target.unresolved.push(...source.unresolved);
    target.review.push(...source.review);
  }
  return target;
}
