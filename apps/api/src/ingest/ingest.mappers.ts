import { StoredReport } from '@opendata/ingest';
import { TableSchema, ValidationReport } from '@opendata/validation';
import { CollectionSchemaModel, UploadReportModel, UploadStatusEnum, ValidationReportModel } from './ingest.models';

export function toReportModel(report: ValidationReport): ValidationReportModel {
  return {
    ...report,
    notes: report.notes ?? [],
    stats: Object.entries(report.stats).map(([type, count]) => ({ type, count: count ?? 0 })),
    errors: report.errors.map((e) => ({
      type: e.type,
      rowNumber: e.rowNumber ?? null,
      fieldNumber: e.fieldNumber ?? null,
      fieldName: e.fieldName ?? null,
      message: e.message,
      cell: e.cell ?? null,
    })),
  };
}

export function toUploadReportModel(stored: StoredReport): UploadReportModel {
  return {
    id: stored.id,
    status: stored.status as UploadStatusEnum,
    fileName: stored.fileName,
    schemaId: stored.schemaId,
    createdAt: stored.createdAt,
    expiresAt: stored.expiresAt,
    report: toReportModel(stored.report),
  };
}

export function toSchemaModel(schema: TableSchema, organization: string | null = null): CollectionSchemaModel {
  return {
    id: schema.id,
    version: schema.version,
    title: schema.title,
    titleEn: schema.titleEn,
    description: schema.description,
    organization: organization ?? ((schema.source['x-organization'] as string | undefined) ?? null),
    standard: schema.standard,
    fields: schema.fields.map((f) => ({
      name: f.name,
      type: f.type,
      title: f.title,
      titleEn: f.titleEn,
      description: f.description,
      unit: f.unit,
      required: f.required,
      unique: f.unique,
      masked: f.masked,
      aliases: f.aliases,
      standard: f.standard,
      constraints: { ...f.constraints },
    })),
    primaryKey: schema.primaryKey,
    rules: schema.rules,
    missingValues: schema.missingValues,
    document: schema.source,
  };
}
