import { Client } from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { Transform, TransformCallback, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { StringDecoder } from 'node:string_decoder';
import { qualified, quoteIdent } from '../row-table';
import { compileFilter, fieldNamed, RowFilter, SqlParams } from './row-filter';
import { outputExpression, RowTableRef } from './row-query';

export type ExportFormat = 'csv' | 'json' | 'ndjson';

export interface RowExportOptions {
  where?: RowFilter | null;
  /** The fields to export, in this order (default all, in schema order). */
  fields?: string[] | null;
  /** CSV only: start with a UTF-8 byte order mark, so that Excel reads the file as UTF-8. */
  bom?: boolean;
}

/** A checked export, ready to run: the COPY statement and the values it reads from transaction settings. */
export interface PreparedExport {
  format: ExportFormat;
  copySql: string;
  settings: { sql: string; params: string[] } | null;
  bom: boolean;
}

export const MEDIA_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
  ndjson: 'application/x-ndjson; charset=utf-8',
};

/**
 * Checks the fields and filter and builds the export's COPY statement; throws BAD_USER_INPUT before anything is
 * sent. COPY takes no bind parameters, so filter values travel as transaction-local settings (SqlParams
 * 'settings' mode), never inside the SQL text.
 *
 * CSV cells of text fields that begin with = + - @ (or tab, carriage return) get a leading apostrophe, so that
 * spreadsheet programs show them as text instead of running them as formulas. Numbers are never touched (a
 * negative number is a number, not a formula). Rows come in file order: row tables are written once by a
 * single COPY and never updated, so their heap order is the upload's order and no sort is needed.
 */
export function prepareRowExport(ref: RowTableRef, format: ExportFormat, options: RowExportOptions = {}): PreparedExport {
  const fields = options.fields?.length ? options.fields.map((name, i) => fieldNamed(ref.fields, name, `fields.${i}`)) : ref.fields;
  const params = new SqlParams('settings');
  const condition = compileFilter(ref.fields, options.where, params);
  const whereSql = condition ? `WHERE ${condition}` : '';
  let copySql: string;
  if (format === 'csv') {
    const columns = fields.map((f) => {
      const column = quoteIdent(f.name);
      if (f.type === 'string') return `CASE WHEN ${column} ~ '^[-=+@\t\r]' THEN '''' || ${column} ELSE ${column} END AS ${column}`;
      if (f.type === 'datetime') return `${outputExpression(f)} AS ${column}`;
      return f.type === 'boolean' ? `${column}::text AS ${column}` : column;
    });
    copySql = `COPY (SELECT ${columns.join(', ')} FROM ${qualified(ref.table)} ${whereSql}) TO STDOUT (FORMAT csv, HEADER true)`;
  } else {
    const columns = fields.map((f) => `${outputExpression(f)} AS ${quoteIdent(f.name)}`);
    copySql = `COPY (SELECT row_to_json(r) FROM (SELECT ${columns.join(', ')} FROM ${qualified(ref.table)} ${whereSql}) r) TO STDOUT`;
  }
  return { format, copySql, settings: params.settingsStatement(), bom: format === 'csv' && options.bom === true };
}

/**
 * Streams a prepared export into `out` on the given connection, in a read-only transaction; memory stays
 * bounded because pipeline() waits for `out` (the HTTP response) to drain. Rejects if the client goes away; the
 * caller must then discard the connection (its COPY was cut off).
 */
export async function writeRowExport(client: Client, prepared: PreparedExport, out: Writable): Promise<void> {
  await client.query('BEGIN READ ONLY');
  try {
    if (prepared.settings) await client.query(prepared.settings.sql, prepared.settings.params);
    const copy = client.query(copyTo(prepared.copySql));
    if (prepared.format === 'csv') {
      if (prepared.bom) out.write('\uFEFF');
      await pipeline(copy, out);
    } else {
      await pipeline(copy, new JsonLines(prepared.format === 'json'), out);
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

/**
 * COPY's text format prints one JSON document a line, with each backslash doubled (its own escape); JSON
 * itself escapes every control character, so undoubling the backslashes restores the JSON exactly. For the
 * array form, lines are joined with commas inside brackets.
 */
export class JsonLines extends Transform {
  private readonly decoder = new StringDecoder('utf8');
  private pendingBackslash = false;
  private pendingNewline = false;
  private started = false;

  constructor(private readonly array: boolean) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    let text = this.decoder.write(chunk);
    if (this.pendingBackslash) text = `\\${text}`;
    // A chunk may end between the two backslashes of a pair: keep an odd trailing one for the next chunk.
    const trailing = /\\+$/.exec(text)?.[0].length ?? 0;
    this.pendingBackslash = trailing % 2 === 1;
    if (this.pendingBackslash) text = text.slice(0, -1);
    text = text.replace(/\\\\/g, '\\');
    if (!this.array) return done(null, text);
    let out = this.started ? '' : '[\n';
    this.started = true;
    if (text.length) {
      if (this.pendingNewline) out += ',\n';
      this.pendingNewline = text.endsWith('\n');
      if (this.pendingNewline) text = text.slice(0, -1);
    }
    done(null, out + text.replace(/\n/g, ',\n'));
  }

  override _flush(done: TransformCallback): void {
    if (!this.array) return done();
    done(null, `${this.started ? '' : '['}\n]\n`);
  }
}
