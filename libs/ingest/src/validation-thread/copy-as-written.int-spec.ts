import { runMigrations } from '@opendata/database';
import { CopyText, RowCopy, copyFieldOrder, createRowTable, qualified, rowTableName, startRowCopy } from '@opendata/datastore';
import { CellValue, TableSchema, fromFrictionless, tableEvents } from '@opendata/validation';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { createTestDatabase } from '../../../../test/support/test-services';
import { ValidationEvent, ValidationJob, validationEvents } from './validation-events';
import { ValidationThreads } from './validation-threads';

// Rows whose line as written goes to COPY unchanged must load to exactly what formatting their read values
// gives: each file here is loaded with lines passed through where the validator allows it (on a validation
// thread, and in this thread as by default) and with every row formatted, and the tables are compared.

const schemaOf = (fields: Array<Record<string, unknown>>, headerMatching: TableSchema['headerMatching'] = 'position'): TableSchema => ({
  ...fromFrictionless({ fields, missingValues: ['', '-', 'NA'] }),
  headerMatching,
});

const ALL_TYPES = schemaOf([
  { name: 's', type: 'string' },
  { name: 'i', type: 'integer' },
  { name: 'n', type: 'number' },
  { name: 'd', type: 'date' },
  { name: 'dt', type: 'datetime' },
  { name: 't', type: 'time' },
  { name: 'y', type: 'year' },
  { name: 'ym', type: 'yearmonth' },
]);

const ALL_TYPES_CSV = [
  's,i,n,d,dt,t,y,ym',
  'abc,12,0.5,2025-01-02,2025-01-02 03:04,05:06:07,2025,2025-03', // as written (the datetime gains :00)
  ' x y ,007,-0,2025-01-02,2025-01-02 03:04:05,23:59:59,1999,1999-12', // as written: spaces, leading zeros, -0
  ',1,.5,,,,,', // as written: empty cells are NULL either way
  'tab\there,+5,+1.5,2024-02-29,2024-02-29T23:59,00:00:00,2024,2024-02', // as written
  'big,9007199254740991,1e3,2025-01-02,2025-01-02 03:04,05:06:07,2025,2025-03', // as written
  '-,2,5.,2025-01-02,2025-01-02 03:04,05:06:07,2025,2025-03', // '-' is NULL to us, text to COPY: formatted
  '中文，全角,3,4,2025/01/02,2025-01-02 24:00,5:06,2025,2025年3月', // normalised values: formatted
  '"quoted, comma",4,0,2025-01-02,2025-01-02 03:04,05:06:07,2025,2025-03', // quotes: formatted
  'tiny,5,1e-400,2025-01-02,2025-01-02 03:04,05:06:07,2025,2025-03', // 0 to JavaScript, out of range to PostgreSQL
  'zero,6,0e5,2025-01-02,2025-01-02 03:04,05:06:07,2025,2025-03', // 0 written with an exponent: formatted
  'bad,x,1,2025-01-02,2025-01-02 03:04,05:06:07,2025,2025-03', // a type error: loaded by neither
].join('\n');

const REORDERED = schemaOf(
  [
    { name: 'code', type: 'string' },
    { name: 'amount', type: 'number', groupChar: ' ' },
    { name: 'flag', type: 'boolean' },
    { name: 'absent', type: 'integer' },
  ],
  'name',
);

const REORDERED_CSV = ['amount,code,flag', '12.5,a,', '1 234,b,', '7,c,是', '8,d,'].join('\r\n');

let db: { url: string; drop(): Promise<void> };
let client: Client;
const threads = new ValidationThreads({ validationThreads: true });

beforeAll(async () => {
  db = await createTestDatabase();
  await runMigrations(db.url);
  client = new Client({ connectionString: db.url });
  await client.connect();
});

afterAll(async () => {
  await threads.close();
  await client?.end();
  await db?.drop();
});

async function* bytesOf(text: string): AsyncGenerator<Buffer> {
  const bytes = Buffer.from(text);
  for (let at = 0; at < bytes.length; at += 7) yield bytes.subarray(at, at + 7); // lines cut across chunks
}

async function newTable(schema: TableSchema): Promise<string> {
  const table = rowTableName(randomUUID());
  await createRowTable(client, table, schema.fields);
  return table;
}

type Validate = (bytes: AsyncIterable<Buffer>, job: ValidationJob) => AsyncIterable<ValidationEvent>;

/** As uploads are loaded, on a validation thread or here: rows as written where allowed. */
async function loadThroughThread(schema: TableSchema, csv: string, validate: Validate = (bytes, job) => threads.validate(bytes, job)): Promise<string> {
  const table = await newTable(schema);
  let copy: RowCopy | null = null;
  const job: ValidationJob = { schema, fileName: 'f.csv', contentType: null, encoding: null, delimiter: null, keys: 'external', copy: true, negativeList: null };
  for await (const event of validate(bytesOf(csv), job)) {
    if (event.type === 'layout') copy = startRowCopy(client, table, schema.fields, event.fieldOrder);
    else if (event.type === 'rows') await copy!.write(event.text, event.rows);
  }
  await copy!.finish();
  return table;
}

/** Here, every row formatted from its values; counts the rows the validator offered as written. */
async function loadFormatted(schema: TableSchema, csv: string): Promise<{ table: string; offered: number; rowNumbers: number[] }> {
  const table = await newTable(schema);
  let copy: RowCopy | null = null;
  let text = new CopyText([]);
  let offered = 0;
  const rowNumbers: number[] = [];
  const values: Array<CellValue | null> = [];
  for await (const event of tableEvents(bytesOf(csv), { schema, fileName: 'f.csv', keys: 'memory', acceptedRows: true })) {
    if (event.type === 'layout') {
      const order = copyFieldOrder(event.fieldColumns);
      text = new CopyText(order);
      copy = startRowCopy(client, table, schema.fields, order);
    } else if (event.type === 'rows') {
      const accepted = event.accepted!;
      for (let i = 0; i < accepted.count; i++) {
        if (accepted.lines[i] !== null) offered++;
        rowNumbers.push(accepted.rowNumbers[i]);
        text.row(accepted.rowNumbers[i], accepted.valuesOf(i, values), null);
      }
      const rows = text.pending;
      if (rows > 0) await copy!.write(text.take(), rows);
    }
  }
  await copy!.finish();
  return { table, offered, rowNumbers };
}

async function differences(a: string, b: string): Promise<number> {
  const [{ n }] = (await client.query(`SELECT count(*)::int AS n FROM ((TABLE ${qualified(a)} EXCEPT ALL TABLE ${qualified(b)}) UNION ALL (TABLE ${qualified(b)} EXCEPT ALL TABLE ${qualified(a)})) d`)).rows;
  return n;
}

async function count(table: string): Promise<number> {
  return (await client.query(`SELECT count(*)::int AS n FROM ${qualified(table)}`)).rows[0].n;
}

describe('rows copied as written', () => {
  it('load to the same values as formatted rows, for every field type', async () => {
    const formatted = await loadFormatted(ALL_TYPES, ALL_TYPES_CSV);
    const threaded = await loadThroughThread(ALL_TYPES, ALL_TYPES_CSV);
    expect(formatted.rowNumbers).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(formatted.offered).toBe(5);
    expect(await count(threaded)).toBe(10);
    expect(await differences(threaded, formatted.table)).toBe(0);
    expect(await differences(await loadThroughThread(ALL_TYPES, ALL_TYPES_CSV, validationEvents), formatted.table)).toBe(0);
    const { rows } = await client.query(`SELECT s, i, n, dt::text, ym FROM ${qualified(threaded)} WHERE _row IN (2, 3, 4, 10) ORDER BY _row`);
    expect(rows).toEqual([
      { s: 'abc', i: '12', n: 0.5, dt: '2025-01-02 03:04:00', ym: '2025-03' },
      { s: ' x y ', i: '7', n: -0, dt: '2025-01-02 03:04:05', ym: '1999-12' },
      { s: null, i: '1', n: 0.5, dt: null, ym: null },
      { s: 'tiny', i: '5', n: 0, dt: '2025-01-02 03:04:00', ym: '2025-03' },
    ]);
  });

  it('follow the file column order, leave absent fields NULL, and give way to formatting for booleans and separators', async () => {
    const formatted = await loadFormatted(REORDERED, REORDERED_CSV);
    const threaded = await loadThroughThread(REORDERED, REORDERED_CSV);
    expect(formatted.offered).toBe(2); // 12.5,a and 8,d; not 1 234 (separator) nor 是 (boolean)
    expect(await differences(threaded, formatted.table)).toBe(0);
    const { rows } = await client.query(`SELECT code, amount, flag, absent FROM ${qualified(threaded)} ORDER BY _row`);
    expect(rows).toEqual([
      { code: 'a', amount: 12.5, flag: null, absent: null },
      { code: 'b', amount: 1234, flag: null, absent: null },
      { code: 'c', amount: 7, flag: true, absent: null },
      { code: 'd', amount: 8, flag: null, absent: null },
    ]);
  });

  it('are not offered for other delimiters', async () => {
    const csv = ALL_TYPES_CSV.split('\n').slice(0, 3).join('\n').replace(/,/g, ';');
    const formatted = await loadFormatted(ALL_TYPES, csv);
    const threaded = await loadThroughThread(ALL_TYPES, csv);
    expect(formatted.offered).toBe(0);
    expect(await count(threaded)).toBe(2);
    expect(await differences(threaded, formatted.table)).toBe(0);
  });
});
