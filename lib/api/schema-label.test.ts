import { describe, expect, it } from 'vitest';
import { schemaLabel, schemaLabelText } from './schema-label';

describe('schemaLabel', () => {
  it('names references, lists, nullables, ranges, enums and formats', () => {
    expect(schemaLabel({ type: 'array', items: { $ref: '#/components/schemas/Country' } })).toEqual(['list of ', { ref: 'Country' }, '']);
    expect(schemaLabelText({ anyOf: [{ $ref: '#/components/schemas/Named' }, { type: 'null' }] })).toBe('Named or null');
    expect(schemaLabelText({ anyOf: [{ type: 'integer', minimum: 1900, maximum: 2100 }, { type: 'null' }] })).toBe('integer 1900–2100 or null');
    expect(schemaLabelText({ type: ['string', 'null'] })).toBe('string or null');
    expect(schemaLabelText({ type: 'string', enum: ['newest', 'title'] })).toBe('one of `newest`, `title`');
    expect(schemaLabelText({ type: 'string', format: 'date-time' })).toBe('date-time string');
    expect(schemaLabelText({ type: 'string', maxLength: 500 })).toBe('string of ≤ 500 characters');
    expect(schemaLabelText({ type: 'array', maxItems: 50, items: { type: 'string', pattern: '^[A-Z]{2}$' } })).toBe(
      'list of string matching `^[A-Z]{2}$` (at most 50)',
    );
    expect(schemaLabelText({})).toBe('any value');
  });
});
