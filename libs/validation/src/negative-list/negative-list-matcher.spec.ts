import { ReportBuilder } from '../report/report-builder';
import { NegativeListInspector } from './negative-list-inspector';
import { NegativeListMatcher, NegativeRule, describeRule, ruleProblem } from './negative-list-matcher';

let next = 0;
const rule = (kind: NegativeRule['kind'], value: string, organizationId: string | null = null): NegativeRule => ({ id: `r${next++}`, organizationId, kind, value, reason: `理由${value}` });

describe('NegativeListMatcher', () => {
  const matcher = new NegativeListMatcher([
    rule('column', '身份证'),
    rule('column', 'internal id'),
    rule('term', '绝密'),
    rule('term', 'Secret'),
    rule('pattern', '机密[★*]\\d+年'),
    rule('theme', 'GOV_CREDIT', 'org-1'),
    rule('schema', 'penalties'),
  ]);

  it.each([
    ['身份证号码', '身份证'],
    ['申请人身份证', '身份证'],
    ['Internal_ID', 'internal id'],
    ['internal-id', 'internal id'],
    ['姓名', null],
  ])('column %s -> %s', (label, expected) => {
    expect(matcher.columnHit(label)?.value ?? null).toBe(expected);
  });

  it.each([
    ['本文件绝密', '绝密', '绝密'],
    ['TOP SECRET', 'Secret', 'SECRET'],
    ['定为机密★10年', '机密[★*]\\d+年', '机密★10年'],
    ['机密', null, null],
    ['', null, null],
    ['衡阳市空气质量', null, null],
  ])('text %s -> rule %s, matched %s', (text, value, matched) => {
    const hit = matcher.textHit(text);
    expect(hit?.rule.value ?? null).toBe(value);
    expect(hit?.matched ?? null).toBe(matched);
  });

  it('knows forbidden categories by theme and schema', () => {
    expect(matcher.themeHit('GOV_CREDIT')?.organizationId).toBe('org-1');
    expect(matcher.themeHit('ENVI')).toBeNull();
    expect(matcher.schemaHit('penalties')?.reason).toBe('理由penalties');
  });

  it('treats terms literally, even with characters special in expressions', () => {
    const literal = new NegativeListMatcher([rule('term', 'a.b(c)')]);
    expect(literal.textHit('xa.b(c)y')?.matched).toBe('a.b(c)');
    expect(literal.textHit('axb(c)')).toBeNull();
  });

  it('takes terms with "-" and "/" beside rules that need the u flag (an escaped "-" is an error there)', () => {
    const mixed = new NegativeListMatcher([rule('term', '机密-1/甲'), rule('pattern', '密级\\p{Script=Han}{2}')]);
    expect(mixed.textHit('文件机密-1/甲号')?.matched).toBe('机密-1/甲');
    expect(mixed.textHit('机密1甲')).toBeNull();
  });

  it('keeps Unicode semantics where a rule needs them', () => {
    const unicode = new NegativeListMatcher([rule('pattern', '密级\\p{Script=Han}{2}'), rule('term', '𠀋号')]);
    expect(unicode.textHit('密级绝密')?.matched).toBe('密级绝密');
    expect(unicode.textHit('密级AB')).toBeNull();
    expect(unicode.textHit('第𠀋号文件')?.matched).toBe('𠀋号');
  });

  it('an empty list matches nothing and scans nothing', () => {
    const empty = new NegativeListMatcher([]);
    expect(empty.empty).toBe(true);
    expect(empty.scansText).toBe(false);
    expect(empty.textHit('绝密')).toBeNull();
  });

  it('names scope, kind, value and reason', () => {
    expect(describeRule(rule('term', '绝密'))).toMatchObject({ zh: '负面清单全市禁用词「绝密」(理由绝密)', en: 'city-wide negative list, forbidden term "绝密" (理由绝密)' });
    expect(describeRule(rule('column', '住址', 'org'))).toMatchObject({
      zh: '负面清单本单位禁用列名「住址」(理由住址)',
      en: 'this organization\'s negative list, forbidden column name "住址" (理由住址)',
    });
  });

  it.each([
    ['term', ' 绝密', /spaces/],
    ['pattern', '(a)\\1', /back-references/],
    ['pattern', '(?<n>a)', /named groups/],
    ['pattern', '[unclosed', /not a valid regular expression/],
    ['pattern', 'a*', /empty text/],
    ['term', 'x'.repeat(201), /200/],
  ] as const)('refuses %s rule %j', (kind, value, problem) => {
    expect(ruleProblem(kind, value)?.en).toMatch(problem);
  });

  it('accepts look-behind in patterns', () => {
    expect(ruleProblem('pattern', '(?<=编号)\\d{6}')).toBeNull();
  });
});

describe('NegativeListInspector', () => {
  it('reports the category, header and cell hits with rule, row and field', () => {
    const report = new ReportBuilder();
    const inspector = new NegativeListInspector(new NegativeListMatcher([rule('column', '身份证'), rule('term', '绝密'), rule('schema', 'penalties')]), 'penalties');
    const header = ['名称', '身份证号', '备注'];
    inspector.header(header, report);
    inspector.rows({ firstRowNumber: 2, rows: [['a', '', ''], ['b', '', '此件绝密'], ['绝密', '', '']] }, header, report);
    const errors = report.build({ rowCount: 3, encoding: 'utf-8', format: 'csv', schemaId: 'penalties', byteSize: 0, sha256: null, durationMs: 0 }).errors;
    expect(errors.map((e) => [e.type, e.rowNumber ?? null, e.fieldNumber ?? null, e.fieldName ?? null, e.cell ?? null])).toEqual([
      ['negative-list', null, null, null, null],
      ['negative-list', null, 2, '身份证号', '身份证号'],
      ['negative-list', 3, 3, '备注', '绝密'],
      ['negative-list', 4, 1, '名称', '绝密'],
    ]);
    expect(errors[0].message).toContain('penalties');
    expect(errors[2].message).toContain('第 3 行');
  });
});
