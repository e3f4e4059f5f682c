/**
 * What the public may see, in one place. Every reader of published data (GraphQL, downloads, rows, CKAN, DCAT,
 * search facets) builds its SQL with these predicates, so that a version or dataset awaiting review never
 * leaks through a path that forgot the rule.
 */

/** A dataset row (alias `d`) that is public: live and published. */
export function publicDatasetSql(alias = 'd'): string {
  return `(${alias}.deleted_at IS NULL AND ${alias}.status = 'published')`;
}

/**
 * A resource version row (alias `v`) that is released: approved by a reviewer, or published by someone who
 * could publish directly. A version awaiting review (or returned) is not served to anyone as "the" data of its
 * resource; members see it through the review fields only.
 */
export function releasedVersionSql(alias = 'v'): string {
  return `EXISTS (SELECT 1 FROM review_events re WHERE re.version_id = ${alias}.id AND re.action IN ('approve', 'publish'))`;
}
