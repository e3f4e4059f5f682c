import { ReportBuilder, TableSchema, TableValidation, checkFixtures, loadBuiltInSchemas, maskTable, tableEvents } from '@opendata/validation';
import { projectRoot } from '@opendata/common';
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { offlineSchema } from '../validate/offline-schema';
import { ProgressBar } from '../validate/progress-bar';
import { reportText } from '../validate/report-text';
import { Command, UsageError, optionString, requireArg } from './command';

/** Reads a file, counting and hashing the bytes as they pass (what the upload route does with a request body). */
async function* counted(path: string, seen: { bytes: number; hash: ReturnType<typeof createHash> }): AsyncGenerator<Buffer> {
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    seen.bytes += chunk.length;
    seen.hash.update(chunk);
    yield chunk;
  }
}

export const validateCommand: Command = {
  name: 'validate',
  usage: 'validate <file> [--schema <id or schema.json>] [--json] [--mask <out.csv>] [--encoding <name>] [--delimiter <char>]',
  summary: 'Validate a CSV, JSON or XLSX file offline, as an upload would be; --mask writes a masked copy.',
  needsPlatform: false,
  options: { schema: { type: 'string' }, json: { type: 'boolean' }, mask: { type: 'string' }, encoding: { type: 'string' }, delimiter: { type: 'string' } },
  async run(_ctx, args, out) {
    const file = requireArg(args, 0, 'file');
    if (!existsSync(file) || !statSync(file).isFile()) throw new UsageError(`no such file: ${file}`);
    const schemaRef = optionString(args, 'schema');
    const schema: TableSchema | null = schemaRef ? offlineSchema(schemaRef) : null;
    const maskOut = optionString(args, 'mask');
    if (maskOut && existsSync(maskOut)) throw new UsageError(`${maskOut} exists; the masked copy never overwrites a file`);
    const encoding = optionString(args, 'encoding');
    const delimiter = optionString(args, 'delimiter');

    const size = statSync(file).size;
    const progress = new ProgressBar(size);
    const seen = { bytes: 0, hash: createHash('sha256') };
    const started = Date.now();
    const report = new ReportBuilder();
    let result: TableValidation | null = null;
    for await (const event of tableEvents(counted(file, seen), { schema, report, fileName: basename(file), encoding, delimiter, keys: 'memory' })) {
      if (event.type === 'rows') progress.update(seen.bytes, event.rowsRead);
      else if (event.type === 'end') result = event.validation;
    }
    if (!result) throw new Error('the validation ended without its outcome');
    progress.done();
    const built = report.build({
      rowCount: result.rowCount,
      encoding: result.encoding,
      format: result.format,
      schemaId: schema?.id ?? null,
      byteSize: seen.bytes,
      sha256: seen.hash.digest('hex'),
      durationMs: Date.now() - started,
    });
    if (args.options.json) out(JSON.stringify(built, null, 2));
    else for (const line of reportText(file, built)) out(line);

    if (maskOut) {
      const counts = { rows: 0, maskedCells: 0 };
      const chunks = maskTable(createReadStream(file, { highWaterMark: 1 << 20 }), { schema, fieldColumns: result.fieldColumns, format: result.format, encoding: result.encoding ?? encoding, delimiter }, counts);
      await pipeline(Readable.from(chunks), createWriteStream(maskOut, { flags: 'wx' }));
      const line = `masked copy: ${maskOut} (UTF-8 CSV, ${counts.rows.toLocaleString('en')} rows, ${counts.maskedCells.toLocaleString('en')} cells masked)`;
      if (args.options.json) process.stderr.write(`${line}\n`);
      else out(line);
    }
    if (!built.valid) process.exitCode = 1;
  },
};

export const schemasCheckCommand: Command = {
  name: 'schemas:check',
  usage: 'schemas:check',
  summary: 'Compile every collection schema against the meta-schema and run every fixture in schemas/fixtures.',
  needsPlatform: false,
  async run(_ctx, _args, out) {
    const schemas = loadBuiltInSchemas();
    out(`${schemas.length} schemas compiled against schemas/meta/collection.schema.json`);
    const results = await checkFixtures(schemas, join(projectRoot(), 'schemas', 'fixtures'));
    for (const schema of schemas) {
      const mine = results.filter((r) => r.schemaId === schema.id);
      out(`  ${schema.id.padEnd(28)} ${mine.filter((r) => r.ok).length}/${mine.length} fixtures as expected`);
      if (mine.length === 0) out(`    no fixtures for ${schema.id}`);
      for (const r of mine.filter((m) => !m.ok)) out(`    ${r.file}: expected [${r.expected.join(' ')}] found [${r.found.join(' ')}]`);
    }
    const failed = results.filter((r) => !r.ok).length;
    const bare = schemas.filter((s) => !results.some((r) => r.schemaId === s.id)).length;
    out(failed || bare ? `FAILED: ${failed} fixtures, ${bare} schemas without fixtures` : `all ${results.length} fixtures as expected`);
    if (failed || bare) process.exitCode = 1;
  },
};
