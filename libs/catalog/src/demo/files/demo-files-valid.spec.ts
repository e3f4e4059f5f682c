import { Readable } from 'node:stream';
import { checkCollectionDocument, fromCollectionDocument } from '../../../../validation/src/schema/schema-loader';
import { loadBuiltInSchemas } from '../../../../validation/src/schema/schema-loader';
import { validateTable } from '../../../../validation/src/validate-table';
import { DEMO_DATASETS } from '../demo-datasets';
import { DEMO_ORGANIZATIONS } from '../demo-organizations';
import { DEMO_FILES } from './index';

const builtIn = new Map(loadBuiltInSchemas().map((s) => [s.id, s]));
const datasets = new Map(DEMO_DATASETS.map((d) => [d.slug, d]));
const duplicates = (values: string[]) => values.filter((v, i) => values.indexOf(v) !== i);

describe('every demo file', () => {
  it('belongs to a demo dataset, each of which has at least one file', () => {
    expect(DEMO_FILES.filter((f) => !datasets.has(f.dataset)).map((f) => f.key)).toEqual([]);
    const withFiles = new Set(DEMO_FILES.map((f) => f.dataset));
    expect(DEMO_DATASETS.filter((d) => !withFiles.has(d.slug)).map((d) => d.slug)).toEqual([]);
  });

  it('has a unique key and file name, says 示例数据, and names a standard or carries its own schema', () => {
    expect(duplicates(DEMO_FILES.map((f) => f.key))).toEqual([]);
    expect(duplicates(DEMO_FILES.map((f) => f.fileName))).toEqual([]);
    for (const file of DEMO_FILES) {
      expect(file.fileName).toMatch(/示例数据.*\.csv$/);
      expect(file.description).toMatch(/^示例数据：/);
      expect({ key: file.key, known: builtIn.has(file.schemaId) !== Boolean(file.schema) }).toEqual({ key: file.key, known: true });
    }
  });

  it('uses own schemas that are valid collection schemas, named for the publishing organization', () => {
    const own = DEMO_FILES.filter((f) => f.schema);
    expect(duplicates(own.map((f) => f.schemaId))).toEqual([]);
    for (const file of own) {
      expect({ key: file.key, problems: checkCollectionDocument(file.schema) }).toEqual({ key: file.key, problems: [] });
      expect(file.schema!['x-id']).toBe(file.schemaId);
      expect(file.schemaId).toMatch(/^hy-/);
    }
    expect(DEMO_ORGANIZATIONS.length).toBeGreaterThan(0);
  });

  it.each(DEMO_FILES.map((f) => [f.key, f] as const))('%s validates against its schema without a single error', async (_, file) => {
    const text = file.generate();
    expect(file.generate()).toBe(text);
    expect(text).not.toContain('\r');
    const schema = file.schema ? fromCollectionDocument(file.schema) : builtIn.get(file.schemaId)!;
    const result = await validateTable(Readable.from([Buffer.from(text, 'utf8')]), { schema, keys: 'memory', fileName: file.fileName });
    const report = result.report.build({ rowCount: result.rowCount, encoding: result.encoding, format: result.format, schemaId: schema.id, byteSize: text.length, sha256: null, durationMs: 0 });
    const errors = report.errors.slice(0, 5).map((e) => `${e.type} row ${e.rowNumber ?? '-'} ${e.fieldName ?? ''}: ${e.message}`);
    expect({ key: file.key, errors }).toEqual({ key: file.key, errors: [] });
    expect(result.rowCount).toBeGreaterThanOrEqual(10);
    expect(Buffer.byteLength(text)).toBeLessThan(1_200_000);
  });
});
