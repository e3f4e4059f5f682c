import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CommandArgs } from './command';
import { validateCommand } from './validate-command';

const header = '项目名称,批次,楼栋,单元,房号,申请人(已脱敏),身份证号(已脱敏),家庭人口,套型面积(平方米),月租金(元),保障类型,配租结果,公示日期';
const masked = '蒸湘和美苑公租房,2026年第一批,4栋,3单元,1404,蒋**,430422********5825,3,55.06,578,新就业无房职工,已配租,2026-03-16';
const unmaskedId = '珠晖安居苑公租房,2026年第一批,4栋,1单元,704,陈*,430421199207183065,1,40.99,348,城镇中等偏下收入住房困难家庭,已配租,2026-03-16';
const phoneInText = '雁城佳园公租房小区,2026年第一批,,,,彭**,430407********1194,3,,,外来务工人员,轮候(联系电话13973412345),2026-03-16';

describe('cli validate', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'cli-validate-'));
    process.exitCode = undefined;
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
    process.exitCode = undefined;
  });

  async function run(positionals: string[], options: CommandArgs['options']): Promise<string[]> {
    const lines: string[] = [];
    await validateCommand.run(null, { positionals, options }, (line) => lines.push(line));
    return lines;
  }

  it('reports a valid file as valid and leaves the exit code alone', async () => {
    const file = join(dir, 'ok.csv');
    writeFileSync(file, `${header}\n${masked}\n`);
    const lines = await run([file], { schema: 'housing-allocation' });
    expect(lines[1]).toMatch(/^VALID/);
    expect(process.exitCode).toBeUndefined();
  });

  it('lists personal-data errors with row and field, sets exit code 1, and --json gives the report', async () => {
    const file = join(dir, 'bad.csv');
    writeFileSync(file, `${header}\n${masked}\n${unmaskedId}\n${phoneInText}\n`);
    const report = JSON.parse((await run([file], { schema: 'housing-allocation', json: true })).join('\n'));
    expect(report.valid).toBe(false);
    expect(report.errors.map((e: { type: string; rowNumber: number; fieldNumber: number }) => `${e.type}@${e.rowNumber}:${e.fieldNumber}`).sort()).toEqual(['constraint-error@3:7', 'personal-data@3:7', 'personal-data@4:12']);
    expect(process.exitCode).toBe(1);
  });

  it('--mask writes a masked copy that then validates clean, and never overwrites', async () => {
    const file = join(dir, 'bad.csv');
    const out = join(dir, 'masked.csv');
    writeFileSync(file, `${header}\n${masked}\n${unmaskedId}\n${phoneInText}\n`);
    const lines = await run([file], { schema: 'housing-allocation', mask: out });
    expect(lines.at(-1)).toContain('3 rows, 2 cells masked');
    const copy = readFileSync(out, 'utf8');
    expect(copy).toContain('430421********3065');
    expect(copy).toContain('轮候(联系电话139****2345)');
    expect(copy).not.toContain('430421199207183065');
    process.exitCode = undefined;
    expect((await run([out], { schema: 'housing-allocation' }))[1]).toMatch(/^VALID/);
    await expect(run([file], { schema: 'housing-allocation', mask: out })).rejects.toThrow(/exists/);
  });

  it('refuses an unknown schema with the list of known ones', async () => {
    const file = join(dir, 'ok.csv');
    writeFileSync(file, `${header}\n${masked}\n`);
    await expect(run([file], { schema: 'no-such-schema' })).rejects.toThrow(/air-quality-hourly/);
  });
});
