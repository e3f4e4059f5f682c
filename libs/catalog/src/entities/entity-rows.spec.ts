import { DATASET_ROWS, ORGANIZATION_ROWS, RESOURCE_ROWS, VERSION_ROWS } from '.';

// The select lists the read paths used when they were written by hand: the decorators must keep producing them.
const words = (sql: string) => sql.replace(/\s+/g, ' ').trim();

describe('entity rows (select lists and row mappers derived from the entities)', () => {
  it('selects every mapped column under its own name, dates as text and bigints as numbers', () => {
    expect(words(DATASET_ROWS.columns)).toBe(
      words(`d.id, d.slug, d.organization_id, d.title, d.title_en, d.description, d.description_en,
        d.license, d.open_attribute, d.open_condition, d.share_attribute, d.share_condition, d.share_method,
        d.update_frequency, d.resource_code, d.issued::text AS issued, d.modified, d.temporal_start::text AS temporal_start,
        d.temporal_end::text AS temporal_end, d.spatial, d.spatial_code, d.contact_name, d.contact_email, d.contact_phone,
        d.priority_domain, d.plan_item, d.status, d.created_by, d.created_at, d.updated_at, d.deleted_at`),
    );
    expect(words(ORGANIZATION_ROWS.columns)).toBe(
      words(`o.id, o.slug, o.name, o.name_en, o.description, o.uscc, o.parent_id, o.contact_name,
        o.contact_email, o.contact_phone, o.review_required, o.created_at, o.updated_at`),
    );
    expect(RESOURCE_ROWS.columns).toBe('r.id, r.dataset_id, r.name, r.description, r.position, r.created_at, r.updated_at, r.deleted_at');
    expect(words(VERSION_ROWS.columns)).toBe(
      words(`v.id, v.resource_id, v.version, v.format, v.media_type, v.byte_size::float8 AS byte_size,
        v.sha256, v.object_key, v.file_name, v.schema_id, v.row_count::float8 AS row_count, v.datastore_table, v.report_id,
        v.encoding, v.created_by, v.created_at`),
    );
  });

  it('maps a row to the entity by property name, leaving other selected columns out', () => {
    const at = new Date('2026-03-01T08:00:00Z');
    const row = { id: 'r1', dataset_id: 'd1', name: '日报', description: null, position: 2, created_at: at, updated_at: at, deleted_at: null, resource_name: 'extra' };
    expect(RESOURCE_ROWS.from(row)).toEqual({ id: 'r1', datasetId: 'd1', name: '日报', description: null, position: 2, createdAt: at, updatedAt: at, deletedAt: null });
    const version = VERSION_ROWS.from({ id: 'v1', resource_id: 'r1', version: 3, byte_size: 1024, row_count: null, media_type: 'text/csv' });
    expect(version).toMatchObject({ id: 'v1', resourceId: 'r1', version: 3, byteSize: 1024, rowCount: null, mediaType: 'text/csv' });
    expect(Object.keys(DATASET_ROWS.from({}))).toHaveLength(31);
  });
});
