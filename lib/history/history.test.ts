import { describe, expect, it } from 'vitest';
import { formatValue, readChanges } from './changes';
import { historyHref, parseHistoryParams } from './params';

const known = { entities: ['publication', 'user'], actions: ['create', 'update'], userIds: [3] };

describe('history params', () => {
  it('keeps only values the log holds and clamps the page', () => {
    expect(parseHistoryParams({ entity: 'user', action: 'update', user: '3', page: '2', entityId: '7' }, known)).toEqual({
      entity: 'user', entityId: '7', action: 'update', user: 3, page: 2,
    });
    expect(parseHistoryParams({ entity: 'session', action: 'drop', user: '4', page: '-1', entityId: '7' }, known)).toEqual({
      entity: null, entityId: null, action: null, user: null, page: 1,
    });
    expect(parseHistoryParams({ entity: ['publication', 'user'], page: 'abc', user: '3e0' }, known)).toMatchObject({ entity: 'publication', page: 1, user: null });
    expect(parseHistoryParams({ entity: 'user', entityId: '<script>' }, known).entityId).toBeNull();
  });

  it('builds links that reset the page when a filter changes', () => {
    const params = { entity: 'user', entityId: '7', action: null, user: 3, page: 4 };
    expect(historyHref(params)).toBe('/admin/history?entity=user&entityId=7&user=3');
    expect(historyHref(params, { page: 5 })).toBe('/admin/history?entity=user&entityId=7&user=3&page=5');
    expect(historyHref(params, { entity: null })).toBe('/admin/history?user=3');
    expect(historyHref({ entity: null, entityId: null, action: null, user: null, page: 1 })).toBe('/admin/history');
  });
});

describe('reading audit changes', () => {
  it('shows updates as before → after, with list additions and removals', () => {
    expect(readChanges('update', JSON.stringify({ role: { before: 'editor', after: 'admin' }, authors: { before: ['A', 'B'], after: ['B', 'C'] } }))).toEqual([
      { field: 'role', before: 'editor', after: 'admin' },
      { field: 'authors', before: ['A', 'B'], after: ['B', 'C'], added: ['C'], removed: ['A'] },
    ]);
  });

  it('shows a created record as after and a deleted one as before', () => {
    expect(readChanges('create', '{"name":"X","slug":"x"}')).toEqual([
      { field: 'name', before: null, after: 'X' },
      { field: 'slug', before: null, after: 'x' },
    ]);
    expect(readChanges('delete', '{"title":"T"}')).toEqual([{ field: 'title', before: 'T', after: null }]);
  });

  it('never fails on odd input', () => {
    expect(readChanges('update', 'not json')).toEqual([{ field: 'changes', before: null, after: 'not json' }]);
    expect(readChanges('update', '{}')).toEqual([]);
    expect(readChanges('update', '[1,2]')).toEqual([{ field: 'changes', before: null, after: [1, 2] }]);
    expect(formatValue(null)).toBe('—');
    expect(formatValue([])).toBe('—');
    expect(formatValue(['a', 'b'])).toBe('a; b');
    expect(formatValue({ a: 1 })).toBe('{"a":1}');
    expect(formatValue(0)).toBe('0');
  });
});
