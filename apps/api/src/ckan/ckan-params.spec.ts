import { CkanError } from './ckan-envelope';
import { bool, integer, list, object, rejectUnknown } from './ckan-params';

const validationOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return error instanceof CkanError ? { status: error.status, body: error.body } : error;
  }
  return null;
};

describe('parameter readers', () => {
  it('take query-string text and JSON values alike', () => {
    expect(integer({ rows: '20' }, 'rows', 10, 0, 100)).toBe(20);
    expect(integer({ rows: 20 }, 'rows', 10, 0, 100)).toBe(20);
    expect(integer({}, 'rows', 10, 0, 100)).toBe(10);
    expect(bool({ x: 'True' }, 'x', false)).toBe(true);
    expect(bool({ x: false }, 'x', true)).toBe(false);
    expect(list({ f: '["organization","tags"]' }, 'f')).toEqual(['organization', 'tags']);
    expect(list({ f: 'a, b' }, 'f')).toEqual(['a', 'b']);
    expect(object({ filters: '{"a":1}' }, 'filters')).toEqual({ a: 1 });
  });

  it('answer CKAN validation errors per field', () => {
    expect(validationOf(() => integer({ rows: '1.5' }, 'rows', 10, 0, 100))).toMatchObject({ status: 409, body: { rows: ['不是有效的整数 (Invalid integer)'] } });
    expect(validationOf(() => integer({ rows: '1001' }, 'rows', 10, 0, 1000))).toMatchObject({ body: { rows: ['须在 0 到 1000 之间 (Must be between 0 and 1000)'] } });
    expect(validationOf(() => object({ filters: '{bad' }, 'filters'))).toMatchObject({ body: { filters: ['不是有效的 JSON (Invalid JSON)'] } });
    expect(validationOf(() => list({ f: '[1]' }, 'f'))).toMatchObject({ body: { f: ['须为文本列表 (Must be a list of strings)'] } });
  });

  it('refuse parameters an action does not know, naming them, in the style of the action', () => {
    const known = new Set(['q', 'rows']);
    expect(validationOf(() => rejectUnknown({ q: 'x', rowz: 1 }, known))).toMatchObject({ status: 409, body: { __type: 'Validation Error', __junk: [expect.stringContaining('rowz')] } });
    expect(validationOf(() => rejectUnknown({ q: 'x', 'f.tags.facet.limit': 5 }, known, 'search-query'))).toMatchObject({
      status: 400,
      body: { __type: 'Search Query Error', message: expect.stringContaining('f.tags.facet.limit') },
    });
    expect(rejectUnknown({ q: 'x' }, known)).toBeUndefined();
  });
});
