import { projectRoot } from '@opendata/common';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { normalizeLabel } from '../check/header-mapping';
import { ERROR_TYPES } from '../report/validation-report';
import { JSON_TYPE_OF } from './schema-loader';
import { FieldType } from './table-schema';

/**
 * The shipped collection standards (schemas/collection) against their format (schemas/meta/collection.schema.json),
 * and the layout of their fixtures (schemas/fixtures, see its README). Running the fixtures through the validator
 * is `npm run schemas:check`.
 */

const root = projectRoot();
const collectionDir = join(root, 'schemas', 'collection');
const fixturesDir = join(root, 'schemas', 'fixtures');
const readJson = (path: string): any => JSON.parse(readFileSync(path, 'utf8'));

/** The x- keywords of a collection standard, declared so that strict ajv also compiles the standards themselves. */
const X_KEYWORDS = [
  'x-id', 'x-version', 'x-title-en', 'x-standard', 'x-organization', 'x-missing-values', 'x-primary-key', 'x-rules',
  'x-header', 'x-type', 'x-unit', 'x-aliases', 'x-unique', 'x-group-char', 'x-masked',
];

/** Errors about one cell: reported with both a row and a field number. */
const CELL_ERRORS = ['type-error', 'constraint-error', 'unique-error', 'row-constraint', 'personal-data', 'extra-cell', 'missing-cell'];

interface CollectionDoc {
  'x-id': string;
  properties: Record<string, { title: string; 'x-type': FieldType; type: string; 'x-aliases'?: string[] }>;
  required?: string[];
  'x-primary-key'?: string[];
}

const schemaFiles = readdirSync(collectionDir).filter((file) => file.endsWith('.schema.json')).sort();
const schemas = new Map<string, CollectionDoc>(schemaFiles.map((file) => [file.replace(/\.schema\.json$/, ''), readJson(join(collectionDir, file))]));

describe('collection standards (schemas/collection)', () => {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  addFormats(ajv);
  const validateMeta = ajv.compile(readJson(join(root, 'schemas', 'meta', 'collection.schema.json')));

  it('ships the platform standards', () => {
    expect([...schemas.keys()]).toEqual(expect.arrayContaining([
      'administrative-penalty', 'air-quality-daily', 'air-quality-hourly', 'budget-final-accounts', 'hotline-12345',
      'housing-allocation', 'social-insurance', 'surface-water',
    ]));
  });

  describe.each([...schemas.keys()])('%s', (id) => {
    const doc = schemas.get(id)!;
    const names = Object.keys(doc.properties);

    it('is valid against the meta-schema', () => {
      const valid = validateMeta(doc);
      expect(valid ? [] : validateMeta.errors).toEqual([]);
    });

    it('is itself a JSON Schema that strict ajv compiles (x- keywords as a vocabulary)', () => {
      const own = new Ajv2020({ strict: true, unicodeRegExp: true });
      own.addVocabulary(X_KEYWORDS);
      expect(() => own.compile(doc)).not.toThrow();
    });

    it('has its file name as x-id and $id', () => {
      expect(doc['x-id']).toBe(id);
      expect((doc as unknown as { $id: string }).$id).toBe(`urn:opendata:schema:collection:${id}:1`);
    });

    it('names only existing fields in required and x-primary-key, and requires the key fields', () => {
      expect((doc.required ?? []).filter((name) => !names.includes(name))).toEqual([]);
      expect((doc['x-primary-key'] ?? []).filter((name) => !names.includes(name))).toEqual([]);
      expect((doc['x-primary-key'] ?? []).filter((name) => !(doc.required ?? []).includes(name))).toEqual([]);
    });

    it('gives every field the JSON type its x-type reads to', () => {
      const wrong = names.filter((name) => JSON_TYPE_OF[doc.properties[name]['x-type']] !== doc.properties[name].type);
      expect(wrong).toEqual([]);
    });

    it('accepts no header label for two fields', () => {
      const owner = new Map<string, string>();
      const clashes: string[] = [];
      for (const name of names) {
        const field = doc.properties[name];
        for (const label of new Set([name, field.title, ...(field['x-aliases'] ?? [])].map(normalizeLabel))) {
          const first = owner.get(label);
          if (first !== undefined && first !== name) clashes.push(`${label}: ${first} and ${name}`);
          owner.set(label, name);
        }
      }
      expect(clashes).toEqual([]);
    });
  });
});

describe('fixtures (schemas/fixtures)', () => {
  const directories = readdirSync(fixturesDir).filter((entry) => statSync(join(fixturesDir, entry)).isDirectory()).sort();
  const csvIn = (dir: string) => (existsSync(dir) ? readdirSync(dir).filter((file) => file.endsWith('.csv')).sort() : []);

  it('has a fixture directory for every standard', () => {
    expect([...schemas.keys()].filter((id) => !directories.includes(id))).toEqual([]);
  });

  describe.each(directories)('%s', (id) => {
    const validFiles = csvIn(join(fixturesDir, id, 'valid'));
    const invalidDir = join(fixturesDir, id, 'invalid');
    const invalidFiles = csvIn(invalidDir);

    it('belongs to a standard', () => {
      expect(schemas.has(id)).toBe(true);
    });

    it('has at least 2 valid and 3 invalid files', () => {
      expect(validFiles.length).toBeGreaterThanOrEqual(2);
      expect(invalidFiles.length).toBeGreaterThanOrEqual(3);
    });

    it('has an expected-errors file for every invalid file, and none left over', () => {
      const expected = readdirSync(invalidDir).filter((file) => file.endsWith('.expected.json'));
      expect(expected.map((file) => file.replace(/\.expected\.json$/, '.csv')).sort()).toEqual(invalidFiles);
    });

    it('lists only well-formed errors in the expected files', () => {
      const fieldCount = Object.keys(schemas.get(id)?.properties ?? {}).length;
      const problems: string[] = [];
      for (const csv of invalidFiles) {
        const path = join(invalidDir, csv.replace(/\.csv$/, '.expected.json'));
        if (!existsSync(path)) continue;
        const { errors } = readJson(path) as { errors?: Array<{ type: string; rowNumber?: number; fieldNumber?: number }> };
        if (!Array.isArray(errors) || errors.length === 0) {
          problems.push(`${csv}: no errors listed`);
          continue;
        }
        for (const e of errors) {
          const at = `${csv}: ${JSON.stringify(e)}`;
          if (!(ERROR_TYPES as readonly string[]).includes(e.type)) problems.push(`${at} has an unknown type`);
          if (e.rowNumber !== undefined && !(Number.isInteger(e.rowNumber) && e.rowNumber >= 2)) problems.push(`${at} has a bad rowNumber`);
          if (e.fieldNumber !== undefined && !(Number.isInteger(e.fieldNumber) && e.fieldNumber >= 1 && e.fieldNumber <= fieldCount)) {
            problems.push(`${at} has a fieldNumber outside 1..${fieldCount}`);
          }
          const wholeRow = ['primary-key', 'blank-row', 'duplicate-row'].includes(e.type);
          if (wholeRow && e.fieldNumber !== undefined) problems.push(`${at} is a whole-row error with a fieldNumber`);
          if (CELL_ERRORS.includes(e.type) && (e.fieldNumber === undefined || e.rowNumber === undefined)) problems.push(`${at} needs a rowNumber and a fieldNumber`);
        }
      }
      expect(problems).toEqual([]);
    });
  });
});
