import { createReadStream, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ReportError } from '../report/validation-report';
import { validateTable } from '../validate-table';
import { TableSchema } from './table-schema';

export interface FixtureResult {
  schemaId: string;
  file: string;
  expected: string[];
  found: string[];
  ok: boolean;
}

/** An error as the fixtures list it: type, row and column. */
export function errorKey(e: Pick<ReportError, 'type' | 'rowNumber' | 'fieldNumber'>): string {
  return `${e.type}@${e.rowNumber ?? '-'}:${e.fieldNumber ?? '-'}`;
}

/**
 * Runs every fixture of every schema through the validator: valid files must give no error, invalid files
 * exactly the errors of their .expected.json (as a multiset of type, row and column).
 */
export async function checkFixtures(schemas: TableSchema[], fixturesDir: string): Promise<FixtureResult[]> {
  const results: FixtureResult[] = [];
  for (const schema of schemas) {
    for (const kind of ['valid', 'invalid'] as const) {
      const dir = join(fixturesDir, schema.id, kind);
      let files: string[];
      try {
        files = readdirSync(dir).filter((f) => /\.(csv|json|xlsx)$/.test(f) && !f.endsWith('.expected.json')).sort();
      } catch {
        files = [];
      }
      for (const file of files) {
        const expected =
          kind === 'valid'
            ? []
            : (JSON.parse(readFileSync(join(dir, file.replace(/\.[^.]+$/, '.expected.json')), 'utf8')).errors as ReportError[]).map(errorKey).sort();
        const { report } = await validateTable(createReadStream(join(dir, file)), { schema, fileName: file, keys: 'memory' });
        const found = report.build({ rowCount: 0, encoding: null, format: null, schemaId: schema.id, byteSize: 0, sha256: null, durationMs: 0 }).errors.map(errorKey).sort();
        results.push({ schemaId: schema.id, file: `${kind}/${file}`, expected, found, ok: expected.join() === found.join() });
      }
    }
  }
  return results;
}
