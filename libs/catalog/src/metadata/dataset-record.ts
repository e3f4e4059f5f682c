import { DatasetEntity } from '../entities';
import { DatasetMetadata } from './dataset-metadata';

/**
 * A new catalogue record as DatasetService.create takes it: what it needs at least, the rest has defaults.
 * (The GraphQL input of createDataset, in apps/api, is mapped to it.)
 */
export type NewDatasetRecord = Partial<DatasetMetadata> & Pick<DatasetMetadata, 'slug' | 'title' | 'description' | 'organization'>;

/** A change to a catalogue record (DatasetService.update): absent fields stay, `null` clears an optional field. */
export type DatasetRecordPatch = Partial<DatasetMetadata>;

/** A live dataset already has the slug: a concurrent write took it after the service's check. */
export class SlugTaken extends Error {
  constructor() {
    super('a live dataset already has this slug');
  }
}

/** Defaults for a new record: conservative (a draft, not shared conditionally, open licence). */
export const DATASET_DEFAULTS: Omit<DatasetMetadata, 'slug' | 'title' | 'description' | 'organization'> = {
  themes: [],
  tags: [],
  license: 'CC-BY-4.0',
  openAttribute: '无条件开放',
  shareAttribute: '无条件共享',
  updateFrequency: '不定期',
  status: 'draft',
};

const trimmed = (value: unknown): unknown => (typeof value === 'string' ? value.trim() : value);

/**
 * Tidies a record before validation: trims text, turns empty optional text into null, removes duplicate and
 * empty tags, and drops `undefined` so that "absent" and "null" stay distinct.
 */
export function normalizeRecord(record: Record<string, unknown>): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const [key, raw] of Object.entries(record)) {
    if (raw === undefined) continue;
    let value = trimmed(raw);
    if (value === '' && !['slug', 'title', 'description', 'organization'].includes(key)) value = null;
    if (key === 'tags' && Array.isArray(value)) value = [...new Set(value.map(trimmed).filter((t) => t !== ''))];
    if (key === 'themes' && Array.isArray(value)) value = [...new Set(value)];
    if (key === 'contactPoint' && value && typeof value === 'object') {
      value = Object.fromEntries(
        Object.entries(value as Record<string, unknown>)
          .filter(([, v]) => v !== undefined)
          .map(([k, v]) => [k, trimmed(v) === '' ? null : trimmed(v)]),
      );
    }
    result[key] = value;
  }
  return result;
}

/** The columns of the datasets table for a validated record (organization resolved to its id). */
export function recordColumns(record: DatasetMetadata, organizationId: string): Partial<DatasetEntity> {
  return {
    slug: record.slug,
    organizationId,
    title: record.title,
    titleEn: record.titleEn ?? null,
    description: record.description,
    descriptionEn: record.descriptionEn ?? null,
    license: record.license,
    openAttribute: record.openAttribute,
    openCondition: record.openCondition ?? null,
    shareAttribute: record.shareAttribute,
    shareCondition: record.shareCondition ?? null,
    shareMethod: record.shareMethod ?? null,
    updateFrequency: record.updateFrequency,
    resourceCode: record.resourceCode ?? null,
    issued: record.issued ?? null,
    temporalStart: record.temporalStart ?? null,
    temporalEnd: record.temporalEnd ?? null,
    spatial: record.spatial ?? null,
    spatialCode: record.spatialCode ?? null,
    contactName: record.contactPoint?.name ?? null,
    contactEmail: record.contactPoint?.email ?? null,
    contactPhone: record.contactPoint?.phone ?? null,
    priorityDomain: record.priorityDomain ?? null,
    planItem: record.planItem ?? null,
    status: record.status,
  };
}

/** The record of a stored dataset, the starting point of an update. */
export function entityRecord(entity: DatasetEntity, organizationSlug: string, themes: string[], tags: string[]): DatasetMetadata {
  return {
    slug: entity.slug,
    title: entity.title,
    titleEn: entity.titleEn,
    description: entity.description,
    descriptionEn: entity.descriptionEn,
    organization: organizationSlug,
    themes,
    tags,
    license: entity.license,
    openAttribute: entity.openAttribute,
    openCondition: entity.openCondition,
    shareAttribute: entity.shareAttribute,
    shareCondition: entity.shareCondition,
    shareMethod: entity.shareMethod,
    updateFrequency: entity.updateFrequency,
    resourceCode: entity.resourceCode,
    issued: entity.issued,
    temporalStart: entity.temporalStart,
    temporalEnd: entity.temporalEnd,
    spatial: entity.spatial,
    spatialCode: entity.spatialCode,
    contactPoint: entity.contactName
      ? { name: entity.contactName, email: entity.contactEmail, phone: entity.contactPhone }
      : null,
    priorityDomain: entity.priorityDomain,
    planItem: entity.planItem,
    status: entity.status,
  };
}
