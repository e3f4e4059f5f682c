import { SearchCondition } from '@opendata/catalog';
import { CkanError } from './ckan-envelope';
import { CkanQueryInput, ownerOrgIds, parseCkanQueries, toSearchCondition } from './ckan-query';
import { sortOf } from './ckan-package-search';

const ORG_ID = '6f1c1c34-2f5e-4a0b-9a57-2b0d9d6c1e11';
const condition = (q: string | null, fq: string | null = null, fqList: string[] = []): SearchCondition | null =>
  toSearchCondition(parseCkanQueries({ q, fq, fqList }), new Map([[ORG_ID, 'env-bureau']]));
const refusal = (input: Partial<CkanQueryInput>) => {
  try {
    condition(input.q ?? null, input.fq ?? null, input.fqList ?? []);
  } catch (error) {
    if (error instanceof CkanError) return { status: error.status, body: error.body };
    throw error;
  }
  throw new Error('accepted');
};
const EVERY_FIELD = ['title', 'description', 'tag', 'organization'];

describe('CKAN q and fq as catalogue conditions', () => {
  it('reads free words as the catalogue word search, side by side as one search', () => {
    expect(condition('空气')).toEqual({ words: '空气' });
    expect(condition('空气 质量')).toEqual({ words: '空气 质量' });
    expect(condition('text:空气')).toEqual({ words: '空气' });
    expect(condition(null)).toBeNull();
    expect(condition('  ')).toBeNull();
    expect(condition('*:*')).toEqual({ all: [] });
  });

  it('reads OR of words or of fielded terms as the union', () => {
    expect(condition('空气 OR 公租房')).toEqual({ any: [{ words: '空气' }, { words: '公租房' }] });
    expect(condition('title:空气 || title:水质')).toEqual({
      any: [
        { phrase: '空气', fields: ['title'] },
        { phrase: '水质', fields: ['title'] },
      ],
    });
    expect(condition('空气 OR *:*')).toEqual({ all: [] });
  });

  it('reads negations as the complement', () => {
    expect(condition('-空气')).toEqual({ not: { words: '空气' } });
    expect(condition('空气 -水质 质量')).toEqual({ all: [{ words: '空气 质量' }, { not: { words: '水质' } }] });
    expect(condition(null, '-organization:env-bureau')).toEqual({ not: { filter: { organizations: ['env-bureau'] } } });
  });

  it('maps CKAN index fields onto the catalogue', () => {
    expect(condition(null, 'organization:env-bureau tags:"空气 质量" +res_format:CSV groups:envi')).toEqual({
      all: [{ filter: { organizations: ['env-bureau'] } }, { filter: { tags: ['空气 质量'] } }, { filter: { formats: ['CSV'] } }, { filter: { themes: ['ENVI'] } }],
    });
    expect(condition('notes:"逐小时"')).toEqual({ phrase: '逐小时', fields: ['description'] });
    expect(condition('"空气 质量"')).toEqual({ phrase: '空气 质量', fields: EVERY_FIELD });
    expect(condition('name:air-hourly')).toEqual({ slug: 'air-hourly', prefix: false });
    expect(condition('name:bolsa*')).toEqual({ slug: 'bolsa', prefix: true });
    expect(condition(`owner_org:${ORG_ID}`)).toEqual({ filter: { organizations: ['env-bureau'] } });
    expect(condition('owner_org:not-an-organization')).toEqual({ any: [] });
  });

  it('reads capacity, state and dataset type as the package dicts show them', () => {
    expect(condition(null, 'capacity:public')).toEqual({ filter: { statuses: ['published'] } });
    expect(condition(null, 'capacity:private')).toEqual({ filter: { statuses: ['draft', 'submitted', 'withdrawn'] } });
    expect(condition(null, 'state:draft')).toEqual({ filter: { statuses: ['draft'] } });
    expect(condition(null, 'state:deleted')).toEqual({ any: [] });
    expect(condition(null, '+dataset_type:dataset')).toEqual({ all: [] });
    expect(condition(null, 'type:harvest')).toEqual({ any: [] });
  });

  it('ANDs q, fq and every fq_list entry', () => {
    expect(condition('空气', 'organization:env-bureau', ['tags:AQI'])).toEqual({
      all: [{ words: '空气' }, { filter: { organizations: ['env-bureau'] } }, { filter: { tags: ['AQI'] } }],
    });
  });

  it('collects the organization ids of owner_org: terms for lookup', () => {
    expect(ownerOrgIds(parseCkanQueries({ q: `owner_org:${ORG_ID}`, fq: `(x -owner_org:${ORG_ID}) OR y`, fqList: [] }))).toEqual([ORG_ID]);
  });

  it('refuses unsupported fields, wildcards and syntax with CKAN\'s 409 naming the parameter', () => {
    expect(refusal({ fq: 'license_id:cc-by' })).toEqual({
      status: 409,
      body: expect.objectContaining({ __type: 'Validation Error', fq: ['不支持的检索字段：license_id (unsupported search field: license_id)'] }),
    });
    expect(refusal({ q: 'title:空气*' }).body).toMatchObject({ q: [expect.stringContaining('name: only')] });
    expect(refusal({ q: '空气*' }).body).toMatchObject({ q: [expect.stringContaining('name: only')] });
    expect(refusal({ q: 'metadata_modified:[2024-01-01T00:00:00Z TO *]' }).body).toMatchObject({ q: [expect.stringContaining('ranges')] });
    expect(refusal({ fqList: ['空气~2'] }).body).toMatchObject({ fq_list: [expect.stringContaining('fuzzy')] });
  });
});

describe('CKAN sort', () => {
  it('reads every key, each breaking the ties of the one before', () => {
    expect(sortOf(null, true)).toEqual({
      label: 'score desc, metadata_modified desc',
      order: { field: 'RELEVANCE', direction: 'DESC' },
      thenBy: [{ field: 'MODIFIED', direction: 'DESC' }],
    });
    expect(sortOf('name asc', false)).toMatchObject({ order: { field: 'NAME', direction: 'ASC' }, thenBy: [] });
    expect(sortOf('title_string desc, name asc', false)).toMatchObject({ order: { field: 'TITLE', direction: 'DESC' }, thenBy: [{ field: 'NAME', direction: 'ASC' }] });
  });

  it('lets score give way when there are no words to rank by', () => {
    expect(sortOf(null, false)).toMatchObject({ label: 'score desc, metadata_modified desc', order: { field: 'MODIFIED', direction: 'DESC' }, thenBy: [] });
    expect(sortOf('score desc', false)).toMatchObject({ order: { field: 'MODIFIED', direction: 'DESC' } });
  });

  it.each(['views_recent desc', 'metadata_created asc', 'title asc', 'name', 'name up', 'name asc,'])('refuses %s', (sort) => {
    expect(() => sortOf(sort, true)).toThrow(CkanError);
  });
});
