import { EntityManager } from 'typeorm';
import { DatasetCursor, DatasetOrderField, encodeCursor } from './dataset-cursor';
import { SearchCondition, conditionSql } from './search-condition';
import { DatasetSearchFilter } from './search-filter';
import { normalize, queryTokens } from './segmenter';
import { SqlParams, escapeLike } from './sql-params';

export type { DatasetSearchFilter } from './search-filter';

/** Which unpublished datasets the caller may see: all (system administrators) or those of some organizations. */
export interface Visibility {
  allUnpublished: boolean;
  organizationIds: string[];
}

export interface DatasetOrder {
  field: DatasetOrderField;
  direction: 'ASC' | 'DESC';
}

export interface DatasetSearchQuery {
  text: string | null;
  filter: DatasetSearchFilter;
  /** A boolean search, ANDed with `text` and `filter` (boolean queries of API clients). */
  where?: SearchCondition | null;
  order: DatasetOrder;
  /** Further sort keys after `order`; only with offset paging (a cursor holds one key). */
  thenBy?: DatasetOrder[];
  first: number;
  after: DatasetCursor | null;
  /** Rows to skip, for clients that page by offset; never together with `after`. */
  offset?: number;
  visibility: Visibility;
  withTotal: boolean;
  /** Facets to count; none when the query does not ask for facets. */
  facets: readonly FacetName[];
  /** Buckets per facet: absent for the default (30), null for all of them. */
  facetLimit?: number | null;
}

export const FACET_NAMES = ['organization', 'theme', 'tag', 'format', 'openAttribute', 'priorityDomain'] as const;
export type FacetName = (typeof FACET_NAMES)[number];
export type FacetCounts = Record<FacetName, Array<{ key: string; count: number }>>;

export interface DatasetSearchPage {
  ids: string[];
  cursors: string[];
  hasNextPage: boolean;
  total: number | null;
  facets: FacetCounts | null;
}

/** Buckets returned per facet by default, most frequent first. */
const FACET_LIMIT = 30;

/**
 * How each facet is counted over the matching set `m`. Array facets are unnested in the select list (a
 * ProjectSet), which PostgreSQL runs several times faster than a lateral join with unnest().
 */
const FACET_SQL: Record<FacetName, { column: string; sql: string }> = {
  organization: { column: 'd.organization_id', sql: `SELECT organization_id::text AS key, count(*)::int AS n FROM m GROUP BY 1` },
  theme: { column: 'd.facet_themes', sql: `SELECT x, count(*)::int FROM (SELECT unnest(facet_themes) x FROM m) s GROUP BY 1` },
  tag: { column: 'd.facet_tags', sql: `SELECT x, count(*)::int FROM (SELECT unnest(facet_tags) x FROM m) s GROUP BY 1` },
  format: { column: 'd.facet_formats', sql: `SELECT x, count(*)::int FROM (SELECT unnest(facet_formats) x FROM m) s GROUP BY 1` },
  openAttribute: { column: 'd.open_attribute', sql: `SELECT open_attribute, count(*)::int FROM m GROUP BY 1` },
  priorityDomain: { column: 'd.priority_domain', sql: `SELECT priority_domain, count(*)::int FROM m WHERE priority_domain IS NOT NULL GROUP BY 1` },
};

/**
 * One search over the catalogue as a single statement: the matching set is computed once (full-text on the
 * segmented tsvector, plus trigram substring matching for queries of three or more characters), then the page,
 * the total and the facet counts are all read from it.
 */
export async function searchDatasets(manager: EntityManager, query: DatasetSearchQuery): Promise<DatasetSearchPage> {
  const p = new SqlParams();
  const { where, sortKey } = buildMatch(query, p);
  const direction = query.order.direction;
  const thenBy = query.thenBy ?? [];
  const keyset = query.after
    ? `WHERE (sort_key, id) ${direction === 'DESC' ? '<' : '>'} (${p.add(query.after.key)}::${sortKeyType(query.order.field)}, ${p.add(query.after.id)}::uuid)`
    : '';
  const order = ['sort_key', ...thenBy.map((_k, i) => `then_${i}`)].map((k, i) => `${k} ${i === 0 ? direction : thenBy[i - 1].direction}`);
  const orderSql = [...order, `id ${direction}`].join(', ');
  const limit = p.add(query.first + 1);
  const offset = query.offset ? ` OFFSET ${p.add(query.offset)}` : '';
  const thenColumns = thenBy.map((k, i) => `, ${sortKey(k.field)} AS then_${i}`).join('');
  const page = `SELECT * FROM m ${keyset} ORDER BY ${orderSql} LIMIT ${limit}${offset}`;
  const facetColumns = query.facets.map((f) => `, ${FACET_SQL[f].column}`).join('');
  const sql = `
    WITH m AS MATERIALIZED (
      SELECT d.id${facetColumns}, ${sortKey(query.order.field)} AS sort_key${thenColumns} FROM datasets d WHERE ${where}
    )
    SELECT
      (SELECT coalesce(json_agg(json_build_array(id, sort_key) ORDER BY ${orderSql}), '[]')
       FROM (${page}) page) AS page,
      ${query.withTotal ? '(SELECT count(*)::int FROM m)' : 'NULL::int'} AS total,
      ${query.facets.length ? facetsSql(query.facets, p, query.facetLimit === undefined ? FACET_LIMIT : query.facetLimit) : 'NULL::json'} AS facets`;

  const [row] = (await manager.query(sql, p.values)) as Array<{
    page: Array<[string, string | number]>;
    total: number | null;
    facets: Array<[FacetName, string, number]> | null;
  }>;
  const rows = row.page.slice(0, query.first);
  return {
    ids: rows.map(([id]) => id),
    cursors: rows.map(([id, key]) => encodeCursor({ field: query.order.field, key, id })),
    hasNextPage: row.page.length > query.first,
    total: query.withTotal ? row.total : null,
    facets: row.facets ? groupFacets(row.facets) : null,
  };
}

function buildMatch(query: DatasetSearchQuery, p: SqlParams): { where: string; sortKey: (field: DatasetOrderField) => string } {
  const conditions = ['d.deleted_at IS NULL', visibilitySql(query.visibility, p), ...filterSql(query.filter, p)];
  const ranks: string[] = [];
  const words = (text: string) => wordsMatch(text, p);
  const text = query.text ? words(query.text) : null;
  if (text) {
    conditions.push(text.match);
    ranks.push(text.rank());
  }
  if (query.where) conditions.push(conditionSql(query.where, p, { words, filter: (f) => filterSql(f, p) }, ranks));
  const relevance = ranks.length ? `(${ranks.join(' + ')})::float8` : '0::float8';
  const sortKey = (field: DatasetOrderField) => ({ RELEVANCE: relevance, MODIFIED: 'd.modified', TITLE: 'd.title', NAME: 'd.slug' })[field];
  return { where: conditions.join(' AND '), sortKey };
}

function filterSql(f: DatasetSearchFilter, p: SqlParams): string[] {
  const conditions: string[] = [];
  if (f.organizations?.length) {
    conditions.push(`d.organization_id IN (SELECT id FROM organizations WHERE slug = ANY(${p.add(f.organizations)}))`);
  }
  if (f.themes?.length) conditions.push(`d.facet_themes && ${p.add(f.themes)}::text[]`);
  if (f.tags?.length) conditions.push(`d.facet_tags && ${p.add(f.tags)}::text[]`);
  if (f.formats?.length) conditions.push(`d.facet_formats && ${p.add(f.formats.map((x) => x.toUpperCase()))}::text[]`);
  if (f.openAttributes?.length) conditions.push(`d.open_attribute = ANY(${p.add(f.openAttributes)})`);
  if (f.priorityDomains?.length) conditions.push(`d.priority_domain = ANY(${p.add(f.priorityDomains)})`);
  if (f.statuses?.length) conditions.push(`d.status = ANY(${p.add(f.statuses)})`);
  return conditions;
}

/**
 * The catalogue's word search: full text on the segmented tsvector, plus trigram substring matching for
 * queries of three or more characters. Null when the text holds no word to search for.
 */
function wordsMatch(rawText: string, p: SqlParams): { match: string; rank: () => string } | null {
  const text = normalize(rawText.trim());
  const tokens = text ? queryTokens(text) : [];
  if (tokens.length === 0) return null;
  const tsquery = `plainto_tsquery('simple', ${p.add(tokens.join(' '))})`;
  const pattern = `%${escapeLike(text)}%`;
  // Trigram indexes cannot serve patterns under three characters; those rely on the segmented index alone.
  const substring = [...text].length >= 3 ? ` OR d.search_text LIKE ${p.add(pattern)}` : '';
  return {
    match: `(d.search_vector @@ ${tsquery}${substring})`,
    // A title containing the whole query outranks scattered matches of its words. Bound only when ranked, so
    // that a negated search leaves no parameter unused.
    rank: () => `(ts_rank(d.search_vector, ${tsquery}) + CASE WHEN lower(d.title) LIKE ${p.add(pattern)} THEN 1 ELSE 0 END)`,
  };
}

function visibilitySql(visibility: Visibility, p: SqlParams): string {
  if (visibility.allUnpublished) return 'TRUE';
  if (visibility.organizationIds.length === 0) return `d.status = 'published'`;
  return `(d.status = 'published' OR d.organization_id = ANY(${p.add(visibility.organizationIds)}::uuid[]))`;
}

function sortKeyType(field: DatasetOrderField): string {
  return { RELEVANCE: 'float8', MODIFIED: 'timestamptz', TITLE: 'text', NAME: 'text' }[field];
}

function facetsSql(facets: readonly FacetName[], p: SqlParams, bucketLimit: number | null): string {
  const limit = bucketLimit === null ? '' : ` LIMIT ${p.add(bucketLimit)}`;
  const parts = facets.map(
    (f) => `(SELECT ${p.add(f)}::text AS facet, c.* FROM (${FACET_SQL[f].sql}) c ORDER BY 3 DESC, 2${limit})`,
  );
  return `(SELECT coalesce(json_agg(json_build_array(facet, key, n)), '[]') FROM (${parts.join(' UNION ALL ')}) AS f(facet, key, n))`;
}

function groupFacets(rows: Array<[FacetName, string, number]>): FacetCounts {
  const facets = Object.fromEntries(FACET_NAMES.map((name) => [name, []])) as unknown as FacetCounts;
  for (const [facet, key, count] of rows) facets[facet].push({ key, count });
  return facets;
}
