import { CkanError } from './ckan-envelope';
import { bool, integer, list, object, searchTerms } from './ckan-params';

const validationOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return error instanceof CkanError ? { status: error.status, body: error.body } : error;
  }
  return null;
};

describe('searchTerms (CKAN q and fq)', () => {
  it('turns facet fields into filters and the rest into search words', () => {
    expect(searchTerms('空气质量', 'organization:env-bureau tags:"空气 质量" +res_format:CSV groups:envi')).toEqual({
      text: '空气质量',
      filter: { organizations: ['env-bureau'], tags: ['空气 质量'], formats: ['CSV'], themes: ['ENVI'] },
    });
  });

  it('reads Solr field queries of text fields as words, and *:* as everything', () => {
    expect(searchTerms('name:bolsa*', null)).toEqual({ text: 'bolsa', filter: {} });
    expect(searchTerms('title:Contratos || title:Federal', null)).toEqual({ text: 'Contratos Federal', filter: {} });
    expect(searchTerms('*:*', '+dataset_type:dataset capacity:public')).toEqual({ text: null, filter: {} });
  });

  it('refuses what it cannot honour, rather than answering something else', () => {
    expect(validationOf(() => searchTerms(null, 'license_id:cc-by'))).toMatchObject({ status: 409, body: { __type: 'Validation Error' } });
    expect(validationOf(() => searchTerms(null, '-organization:env-bureau'))).toMatchObject({ status: 409 });
    expect(validationOf(() => searchTerms(null, 'free words'))).toMatchObject({ status: 409, body: { fq: [expect.stringContaining('free words')] } });
  });
});

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
    expect(validationOf(() => integer({ rows: '1.5' }, 'rows', 10, 0, 100))).toMatchObject({ status: 409, body: { rows: ['Invalid integer'] } });
    expect(validationOf(() => integer({ rows: '1001' }, 'rows', 10, 0, 1000))).toMatchObject({ body: { rows: ['Must be between 0 and 1000'] } });
    expect(validationOf(() => object({ filters: '{bad' }, 'filters'))).toMatchObject({ body: { filters: ['Invalid JSON'] } });
    expect(validationOf(() => list({ f: '[1]' }, 'f'))).toMatchObject({ body: { f: ['Must be a list of strings'] } });
  });
});
