import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CommandArgs, UsageError } from './command';
import { inferCommand } from './infer-command';
import { validateCommand } from './validate-command';

const csv = ['站点编码,监测时间,空气质量指数,首要污染物', '2456A,2026-09-01 08:00,52,PM10', '2457A,2026-09-01 08:00,41,—', '2456A,2026-09-01 09:00,60,PM10', '2457A,2026-09-01 09:00,38,—'].join('\n');

describe('cli infer', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'cli-infer-'));
    process.exitCode = undefined;
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
    process.exitCode = undefined;
  });

  const run = async (command: typeof inferCommand, positionals: string[], options: CommandArgs['options']): Promise<string[]> => {
    const lines: string[] = [];
    await command.run(null, { positionals, options }, (line) => lines.push(line));
    return lines;
  };

  it('writes the draft with --out, prints the evidence, and the file validates against the draft', async () => {
    const file = join(dir, 'hengyang-stations.csv');
    const out = join(dir, 'draft.json');
    writeFileSync(file, csv);
    const lines = await run(inferCommand, [file], { out });
    const draft = JSON.parse(readFileSync(out, 'utf8'));
    expect(draft).toMatchObject({ 'x-id': 'hengyang-stations', 'x-missing-values': ['', '—'] });
    expect(draft.properties.station_code).toMatchObject({ title: '站点编码', pattern: '^\\d{4}A$' });
    expect(lines[0]).toBe('hengyang-stations.csv: CSV, utf-8, delimiter ",", 4 rows, 4 columns');
    expect(lines.some((l) => l.includes('station_code') && l.includes('(required, station-code)'))).toBe(true);
    const report = await run(validateCommand, [file], { schema: out });
    expect(report[1]).toMatch(/^VALID/);
    expect(process.exitCode).toBeUndefined();
  });

  it('never overwrites a file and refuses ids it cannot register', async () => {
    const file = join(dir, 't.csv');
    writeFileSync(file, csv);
    await expect(run(inferCommand, [file], { out: file })).rejects.toThrow(UsageError);
    await expect(run(inferCommand, [file], { id: 'air-quality-hourly', out: join(dir, 'x.json') })).rejects.toThrow(/platform collection standard/);
    await expect(run(inferCommand, [file], { id: 'Bad Id' })).rejects.toThrow(UsageError);
    expect(existsSync(join(dir, 'x.json'))).toBe(false);
  });
});
