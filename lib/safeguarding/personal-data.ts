/**
 * The safeguarding check: likely personal data in what a publication shows the public (its title and
 * summary). This field's publications sometimes name or describe victims; a summary that carries an e-mail
 * address, a phone number, a home address, a date of birth, a named person's age or an identity number must
 * not go public by accident. The rules look for the shape of such data, not for names alone (a summary names
 * authors, officials and places all the time), so they miss what has no shape and may flag a few things that
 * are not personal: the editor sees each match and decides (an admin may publish anyway, with a reason).
 *
 * Rules (each tested on a table of positives and negatives in personal-data.test.ts):
 * - email: an e-mail address.
 * - phone: a number in international form (+44 20 7946 0958, 0044 …) or a national one with separators
 *   (020 7946 0958, (555) 123-4567, 06 12 34 56 78); years, year ranges and page ranges are not phones.
 * - address: a house number with a street word (12 Baker Street, 5 rue de la Paix, Calle Mayor 14, PO Box 123).
 * - birth: a date of birth (born 3 May 1990, DOB 03/05/1990, date of birth, né le …, nacida el …).
 * - age: an age beside a name: "Maria, 14,", "Ana (15)", "a 14-year-old named …", "Ahmed, aged 16".
 *   Ages of groups ("children aged 14 to 17") are not personal data and are not flagged.
 * - id: an identity number: a US social security number, a UK national insurance number, a number after
 *   "passport", "ID card", "national ID" or "identity number".
 */

export type PersonalDataRule = 'email' | 'phone' | 'address' | 'birth' | 'age' | 'id';

export type PersonalDataMatch = { rule: PersonalDataRule; text: string; index: number };

export const RULE_NAMES: Record<PersonalDataRule, string> = {
  email: 'an e-mail address',
  phone: 'a phone number',
  address: 'a street address',
  birth: 'a date of birth',
  age: 'the age of a named person',
  id: 'an identity number',
};

const MONTHS = 'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';
const DATE = `(?:\\d{1,2}[./-]\\d{1,2}[./-]\\d{2,4}|\\d{1,2}(?:st|nd|rd|th)?\\s+(?:${MONTHS})\\.?\\s+\\d{4}|(?:${MONTHS})\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}|\\d{4}-\\d{2}-\\d{2})`;
// A capitalised given name: not a word that starts a sentence's usual capitalised words.
const NAME = "\\p{Lu}\\p{Ll}+(?:[-'’]\\p{Lu}?\\p{Ll}+)?";
const NOT_NAMES = new Set(
  'The This That These Those In On At By For From With Of And Or But To As Its It A An Some All Many Most Aged Age Children Girls Boys Women Men Victims Survivors Cases Between Under Over About Around Since Until During After Before January February March April May June July August September October November December Chapter Section Table Figure Annex Page Article Paragraph Volume Issue Part Phase Round Step Version Report Edition'.split(' '),
);

const RULES: { rule: PersonalDataRule; pattern: RegExp; keep?: (match: RegExpExecArray) => boolean }[] = [
  { rule: 'email', pattern: /[\p{L}\d._%+-]+@[\p{L}\d-]+(?:\.[\p{L}\d-]+)*\.\p{L}{2,}/gu },
  {
    rule: 'phone',
    pattern: /(?<![\w+])(?:(?:\+|00)\d{1,3}[\s./-]?(?:\(\d{1,4}\)[\s./-]?)?\d{1,4}(?:[\s./-]?\d{2,4}){2,4}|\(\d{3,5}\)\s?\d{3,4}[\s.-]\d{3,4}|0\d{2,4}[\s.-]\d{3,4}[\s.-]\d{3,4}|0\d(?:[\s.]\d{2}){4})(?![\w-])/gu,
  },
  {
    rule: 'address',
    pattern:
      /\b\d{1,5}[a-z]?,?\s+(?:\p{Lu}[\p{L}'’-]*\s+){1,3}(?:Street|St\.|Road|Rd\.|Avenue|Ave\.|Lane|Ln\.|Boulevard|Blvd\.?|Drive|Dr\.|Close|Crescent|Terrace|Square|Sq\.)(?!\p{L})|\b\d{1,4}(?:bis|ter)?,?\s+(?:rue|avenue|boulevard|bd|chemin|impasse|allée|place)\s+(?:(?:de|du|des|la|le|l’|l')\s*)*\p{L}[\p{L}'’-]+|\b(?:calle|avenida|avda\.|carrera|paseo|plaza|c\/)\s+(?:(?:de|del|la|los|las)\s+)*\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+)*,?\s+(?:n[ºo°]\.?\s*)?\d{1,4}\b|\b(?:P\.?\s?O\.?\s+Box|Postfach|Apartado(?:\s+postal)?)\s+\d{1,6}\b/giu,
  },
  {
    rule: 'birth',
    pattern: new RegExp(
      `\\b(?:(?:born|b\\.)\\s+(?:on\\s+)?${DATE}|(?:date of birth|DOB|D\\.O\\.B\\.)\\s*:?\\s*(?:${DATE})?|(?:né|née)\\s+le\\s+\\d{1,2}|date de naissance|nacid[oa]\\s+el\\s+\\d{1,2}|fecha de nacimiento)`,
      'giu',
    ),
  },
  {
    rule: 'age',
    pattern: new RegExp(
      `(${NAME}),\\s+(?:aged\\s+|age\\s+)?\\d{1,2}(?:\\s+years?\\s+old)?(?=[,;)]|\\s+(?:years?\\s+old|from|who|was|is|had|has)\\b)|(${NAME})\\s+\\((?:aged\\s+)?\\d{1,2}\\)|\\b\\d{1,2}[- ]year[- ]old\\s+(?:girl|boy|woman|man|child)?\\s*(?:named|called)\\s+${NAME}|\\b\\d{1,2}[- ]year[- ]old\\s+(${NAME})\\b`,
      'gu',
    ),
    keep: (m) => {
      const name = m[1] ?? m[2] ?? m[3];
      return name === undefined || !NOT_NAMES.has(name);
    },
  },
  {
    rule: 'id',
    pattern:
      /(?<![\d-])\d{3}-\d{2}-\d{4}(?![\d-])|\b[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]\s?\d{2}\s?\d{2}\s?\d{2}\s?[A-D]\b|\b(?:passport|ID card|identity card|national ID|identity number|ID number|n[ºo°] (?:de )?(?:pasaporte|passeport|DNI|cédula)|DNI|NIE)\s*(?:no\.?|number|n[ºo°]\.?|#)?\s*:?\s*[A-Z]{0,3}\d[A-Z\d]{5,11}\b/giu,
  },
];

/** Every likely piece of personal data in `text`, in the order it appears. */
export function findPersonalData(text: string): PersonalDataMatch[] {
  const found: PersonalDataMatch[] = [];
  for (const { rule, pattern, keep } of RULES) {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
      if (keep && !keep(m)) continue;
      found.push({ rule, text: m[0].trim(), index: m.index });
    }
  }
  return found.sort((a, b) => a.index - b.index);
}

export type PublicationFinding = PersonalDataMatch & { field: 'title' | 'summary' };

/** The findings of the check on what a publication shows the public. */
export function checkPublication({ title, summary }: { title: string; summary: string }): PublicationFinding[] {
  return [
    ...findPersonalData(title).map((m) => ({ ...m, field: 'title' as const })),
    ...findPersonalData(summary).map((m) => ({ ...m, field: 'summary' as const })),
  ];
}

/** "the summary has a phone number (“+44 20 7946 0958”)": one line per finding, for messages and reports. */
export function describeFinding(finding: PublicationFinding): string {
  return `the ${finding.field} has ${RULE_NAMES[finding.rule]} (“${finding.text}”)`;
}
