import { LeafCompilers, conditionHasWords, conditionLeaves, conditionSql } from './search-condition';
import { SqlParams } from './sql-params';

/** Leaf compilers that show which leaf went where (the real ones are the catalogue's word search and filters). */
const leaves = (p: SqlParams): LeafCompilers => ({
  words: (text) => (text === '的' ? null : { match: `W(${p.add(text)})`, rank: () => `R(${p.add(text)})` }),
  filter: (f) => (f.tags ? [`T(${p.add(f.tags)})`] : []),
});
const compile = (condition: Parameters<typeof conditionSql>[0]) => {
  const p = new SqlParams();
  const ranks: string[] = [];
  return { sql: conditionSql(condition, p, leaves(p), ranks), ranks, values: p.values };
};

describe('boolean catalogue conditions', () => {
  it('combines leaves with AND, OR and NOT; ranks only the words found outside a negation', () => {
    const out = compile({ all: [{ any: [{ words: '空气' }, { words: '公租房' }] }, { not: { words: '水质' } }, { filter: { tags: ['AQI'] } }] });
    expect(out.sql).toBe('((W($1) OR W($3)) AND NOT W($5) AND (T($6)))');
    expect(out.ranks).toEqual(['R($2)', 'R($4)']);
    expect(out.values).toEqual(['空气', '空气', '公租房', '公租房', '水质', ['AQI']]);
  });

  it('gives empty AND everything, empty OR nothing, and words with nothing to search everything', () => {
    expect(compile({ all: [] }).sql).toBe('TRUE');
    expect(compile({ any: [] }).sql).toBe('FALSE');
    expect(compile({ not: { words: '的' } }).sql).toBe('NOT TRUE');
    expect(compile({ filter: {} }).sql).toBe('TRUE');
  });

  it('matches phrases in the named fields, folded, with LIKE wildcards escaped', () => {
    const out = compile({ phrase: 'ＰＭ2.5_日均', fields: ['title', 'tag'] });
    expect(out.values).toEqual(['%pm2.5\\_日均%']);
    expect(out.sql).toContain(`lower(normalize(d.title, NFKC)) LIKE $1`);
    expect(out.sql).toContain(`lower(normalize(coalesce(d.title_en, ''), NFKC)) LIKE $1`);
    expect(out.sql).toContain('unnest(d.facet_tags)');
    expect(out.sql).not.toContain('d.description');
  });

  it('matches slugs exactly or by prefix', () => {
    expect(compile({ slug: 'air-hourly' })).toMatchObject({ sql: 'd.slug = $1', values: ['air-hourly'] });
    expect(compile({ slug: 'air_', prefix: true })).toMatchObject({ sql: 'd.slug LIKE $1', values: ['air\\_%'] });
  });

  it('reports its leaves and whether words rank it', () => {
    const condition = { any: [{ not: { words: '空气' } }, { slug: 'x' }, { all: [{ phrase: '水', fields: [] }] }] };
    expect(conditionLeaves(condition)).toEqual([['words', '空气'], ['slug', 'x'], ['phrase', '水']]);
    expect(conditionHasWords(condition)).toBe(false);
    expect(conditionHasWords({ not: { not: { words: '空气' } } })).toBe(true);
  });
});
