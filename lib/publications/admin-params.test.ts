import { describe, expect, it } from 'vitest';
import { adminListHref, DEFAULT_ADMIN_PARAMS, parseAdminListParams } from './admin-params';

describe('admin publications table URL', () => {
  it('whitelists every value and clamps the page', () => {
    expect(parseAdminListParams({ status: 'deleted', sort: 'drop table', category: 'Bad Slug!', year: '12', page: '-3' })).toEqual(DEFAULT_ADMIN_PARAMS);
    expect(parseAdminListParams({ q: ['  two   words ', 'ignored'], status: 'draft', category: 'handbook', year: '2019', sort: 'title', page: '3' })).toEqual({
      q: 'two words',
      status: 'draft',
      category: 'handbook',
      year: 2019,
      sort: 'title',
      page: 3,
    });
  });

  it('builds links that leave out defaults and go back to page 1 on any other change', () => {
    const params = parseAdminListParams({ q: 'iom', status: 'draft', page: '4' });
    expect(adminListHref(params, { page: 5 })).toBe('/admin?q=iom&status=draft&page=5');
    expect(adminListHref(params, { sort: 'title' })).toBe('/admin?q=iom&status=draft&sort=title');
    expect(adminListHref(DEFAULT_ADMIN_PARAMS)).toBe('/admin');
  });
});
