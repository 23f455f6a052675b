import { describe, expect, it } from 'vitest';
import { checkPublication, findPersonalData, type PersonalDataRule } from './personal-data';

const POSITIVES: [text: string, rule: PersonalDataRule, match: string][] = [
  ['Contact the survivor at maria.lopez@example.org for details.', 'email', 'maria.lopez@example.org'],
  ['Write to j_doe+shelter@mail.example.co.uk.', 'email', 'j_doe+shelter@mail.example.co.uk'],
  ['Call +44 20 7946 0958 to speak to her.', 'phone', '+44 20 7946 0958'],
  ['Her number is 0044 20 7946 0958.', 'phone', '0044 20 7946 0958'],
  ['Reach him on +234 803 123 4567 after dark.', 'phone', '+234 803 123 4567'],
  ['His mother answers on (555) 123-4567.', 'phone', '(555) 123-4567'],
  ['Phone 020 7946 0958 for the family.', 'phone', '020 7946 0958'],
  ['Téléphone : 06 12 34 56 78 uniquement.', 'phone', '06 12 34 56 78'],
  ['She lived at 12 Baker Street with her employer.', 'address', '12 Baker Street'],
  ['The house at 221B Green Lane was raided.', 'address', '221B Green Lane'],
  ['Elle habitait au 5 rue de la Paix.', 'address', '5 rue de la Paix'],
  ['Vivía en la Calle Mayor 14, Madrid.', 'address', 'Calle Mayor 14'],
  ['Letters went to PO Box 1234.', 'address', 'PO Box 1234'],
  ['The victim, born 3 May 1990, testified.', 'birth', 'born 3 May 1990'],
  ['DOB: 03/05/1990.', 'birth', 'DOB: 03/05/1990'],
  ['Her date of birth is on file.', 'birth', 'date of birth'],
  ['Elle est née le 12 mars 2004.', 'birth', 'née le 12'],
  ['La joven, nacida el 4 de junio, declaró.', 'birth', 'nacida el 4'],
  ['Maria, 14, was recruited online.', 'age', 'Maria, 14'],
  ['Ahmed, aged 16, crossed the border alone.', 'age', 'Ahmed, aged 16'],
  ['Ana (15) worked in the factory.', 'age', 'Ana (15)'],
  ['A 14-year-old girl named Joy was sold.', 'age', '14-year-old girl named Joy'],
  ['The 13-year-old Fatima escaped.', 'age', '13-year-old Fatima'],
  ['Her SSN 123-45-6789 was used.', 'id', '123-45-6789'],
  ['NI number AB 12 34 56 C appears on the payslip.', 'id', 'AB 12 34 56 C'],
  ['Passport no. X1234567 was confiscated.', 'id', 'Passport no. X1234567'],
  ['National ID: 19900503-1234 kept by the employer.', 'id', 'National ID: 19900503'],
];

const NEGATIVES: string[] = [
  'A study of 1,200 cases detected between 2019 and 2023 in 15 countries.',
  'Children aged 14 to 17 make up a third of detected victims.',
  'Girls aged 12–17 are the most exposed, according to the 2024 report.',
  'See pages 12-34 and chapter 5.',
  'The survey covered 2019-2023 and 2010–2015.',
  'In Nigeria, 14 shelters took part.',
  'The International Labour Organization estimates 27.6 million people in forced labour.',
  'Published by IOM, 17 route des Morillons is its address for the press office.',
  'Guidance for labour inspectors in 27 EU member states (2021).',
  'ISBN 978-92-9068-862-5.',
  'UNODC Global Report on Trafficking in Persons 2024, 156 countries.',
  'Phil Marshall and Jacqueline Berman wrote the evaluation.',
  'In 2019, 14 cases were prosecuted.',
  'Contact the national referral mechanism through its website.',
  'Section 14, Article 3 of the Palermo Protocol.',
  'About 40 million people, of whom 25 million in forced labour.',
  'Version 2.1, updated 12.05.2023.',
];

describe('findPersonalData', () => {
  it.each(POSITIVES)('flags %j', (text, rule, match) => {
    expect(findPersonalData(text)).toContainEqual(expect.objectContaining({ rule, text: expect.stringContaining(match) }));
  });

  it.each(NEGATIVES)('leaves %j alone', (text) => {
    expect(findPersonalData(text)).toEqual([]);
  });

  it('names the field of each finding, in the order of the text', () => {
    const findings = checkPublication({ title: 'Case of Maria, 14, in Lagos', summary: 'Write to a@b.org or call +44 20 7946 0958.' });
    expect(findings.map((f) => [f.field, f.rule])).toEqual([
      ['title', 'age'],
      ['summary', 'email'],
      ['summary', 'phone'],
    ]);
  });
});
