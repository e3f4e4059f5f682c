import { ColumnEvidence, SchemaInference, inferSchema, loadBuiltInSchemas } from '@opendata/validation';
import { createReadStream, existsSync, statSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { Command, UsageError, optionString, requireArg } from './command';

const SCHEMA_ID = /^[a-z0-9][a-z0-9-]{1,62}$/;

function columnLine(c: ColumnEvidence): string {
  const present = c.rowsSeen - c.missing;
  const distinct = c.distinctCount === null ? `>${c.distinctCap}` : String(c.distinctCount);
  const marks = [c.required ? 'required' : 'optional', c.identifier, c.personalData ? `x-masked ${c.personalData.kind}` : null].filter(Boolean).join(', ');
  const range = c.min !== null && c.max !== null ? ` ${c.min}..${c.max}` : '';
  const sample = c.distinctSample.slice(0, 3).join(' | ');
  return `  ${String(c.fieldNumber).padStart(3)} ${c.name.padEnd(24)} ${c.type.padEnd(9)} ${present}/${c.rowsSeen} values, ${c.missing} missing, ${distinct} distinct${range} (${marks})  ${c.header}: ${sample}`;
}

/** The evidence as a few lines a person reads before editing the draft. */
export function evidenceText(result: SchemaInference, out: string): string[] {
  const e = result.evidence;
  const lines = [
    `${e.fileName}: ${e.format.toUpperCase()}${e.encoding ? `, ${e.encoding}` : ''}${e.delimiter ? `, delimiter "${e.delimiter}"` : ''}, ${e.rowCount.toLocaleString('en')} rows, ${e.columns.length} columns`,
    `draft schema "${String(result.schema['x-id'])}" -> ${out}`,
    ...e.columns.map(columnLine),
  ];
  for (const w of e.warnings) lines.push(`  warning: ${w}`);
  lines.push('Edit the draft, then register it (GraphQL mutation registerSchema) or validate with: npm run cli -- validate <file> --schema <draft.json>');
  return lines;
}

export const inferCommand: Command = {
  name: 'infer',
  usage: 'infer <file> [--out <schema.json>] [--id <schema-id>] [--encoding <name>] [--delimiter <char>]',
  summary: 'Propose a draft collection schema for a CSV, JSON or XLSX file (types, required, enums, identifier patterns, masking).',
  needsPlatform: false,
  options: { out: { type: 'string' }, id: { type: 'string' }, encoding: { type: 'string' }, delimiter: { type: 'string' } },
  async run(_ctx, args, out) {
    const file = requireArg(args, 0, 'file');
    if (!existsSync(file) || !statSync(file).isFile()) throw new UsageError(`no such file: ${file}`);
    const target = optionString(args, 'out');
    if (target && existsSync(target)) throw new UsageError(`${target} exists; the draft never overwrites a file`);
    const id = optionString(args, 'id');
    if (id && !SCHEMA_ID.test(id)) throw new UsageError(`--id must be lower-case letters, digits and hyphens (2 to 63 characters)`);
    const standards = loadBuiltInSchemas();
    if (id && standards.some((s) => s.id === id)) throw new UsageError(`"${id}" is a platform collection standard; choose another id`);
    const result = await inferSchema(createReadStream(file, { highWaterMark: 1 << 20 }), {
      fileName: basename(file),
      encoding: optionString(args, 'encoding'),
      delimiter: optionString(args, 'delimiter'),
      id,
      standards,
    });
    const json = `${JSON.stringify(result.schema, null, 2)}\n`;
    if (target) {
      writeFileSync(target, json, { flag: 'wx' });
      for (const line of evidenceText(result, target)) out(line);
    } else {
      // The draft alone on stdout (to redirect into a file); the evidence on stderr.
      process.stdout.write(json);
      for (const line of evidenceText(result, 'stdout')) process.stderr.write(`${line}\n`);
    }
  },
};
