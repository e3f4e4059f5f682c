import { residentIdCheckCharacter } from '@opendata/common';
import { MaskedKind } from '../schema/table-schema';
import { isMasked, maskFindings, maskValue } from './masking';

// Synthetic values only: IDs get their check character from residentIdCheckCharacter.
function id(first17: string): string {
  return first17 + residentIdCheckCharacter(first17);
}

const ANNEX_ID = '11010519491231002X'; // the GB 11643-1999 annex example
const HENGYANG_ID = id('43040519900101123');

describe('maskValue', () => {
  const cases: Array<[MaskedKind, string, string]> = [
    ['resident-id', ANNEX_ID, '110105********002X'],
    ['resident-id', HENGYANG_ID, `430405********${HENGYANG_ID.slice(14)}`],
    ['resident-id', ` ${ANNEX_ID} `, '110105********002X'],
    ['resident-id', '110105 19491231 002X', '110105 ******** 002X'],
    ['resident-id', '430405900101123', '430405******123'],
    ['resident-id', '4304051990', '**********'], // not an ID shape: masked whole
    ['name', '张三丰', '张**'],
    ['name', '李四', '李*'],
    ['name', '王', '*'],
    ['name', '欧阳娜', '欧阳*'],
    ['name', '欧阳', '欧*'],
    ['name', '司马相如', '司马**'],
    ['name', '诸葛亮', '诸葛*'],
    ['name', '上官婉儿', '上官**'],
    ['name', '令狐冲', '令狐*'],
    ['name', '钟离春', '钟离*'],
    ['name', '闾丘明', '闾丘*'],
    ['name', '爱新觉罗溥仪', '爱新觉罗**'],
    ['name', '单于洋', '单**'],
    ['name', '阿依古丽·买买提', '阿***·***'],
    ['name', 'Zhang San', 'Z**** S**'],
    ['name', 'Jean-Luc Picard', 'J***-L** P*****'],
    ['name', 'Li A', 'L* A'],
    ['name', 'A B', '* *'],
    ['mobile', '13800138000', '138****8000'],
    ['mobile', '138-0013-8000', '138-****-8000'],
    ['mobile', '+86 138 0013 8000', '+86 138 **** 8000'],
    ['mobile', '8613800138000', '86138****8000'],
    ['mobile', '0734-8123456', '****-*******'], // a landline in a mobile column: masked whole
    ['bank-card', '6222021234567890123', '622202*********0123'],
    ['bank-card', '4111 1111 1111 1111', '4111 11** **** 1111'],
    ['bank-card', '378282246310005', '378282*****0005'],
    ['bank-card', '', ''],
  ];

  test.each(cases)('%s %s -> %s', (kind, value, expected) => {
    expect(maskValue(value, kind)).toBe(expected);
  });

  test.each(cases)('idempotent: %s %s', (kind, value) => {
    const once = maskValue(value, kind);
    expect(maskValue(once, kind)).toBe(once);
  });

  test.each(cases.filter(([, value]) => value.trim() !== ''))('the masked form is accepted: %s %s', (kind, value) => {
    expect(isMasked(maskValue(value, kind), kind)).toBe(true);
  });

  test.each<[MaskedKind, string]>([
    ['resident-id', '430405××××××××1234'],
    ['resident-id', '430405＊＊＊＊＊＊＊＊1234'],
    ['name', '张××'],
    ['mobile', '138××××8000'],
    ['bank-card', '622202×××××××××0123'],
  ])('a masked value with other mask characters is returned unchanged: %s %s', (kind, value) => {
    expect(maskValue(value, kind)).toBe(value);
  });
});

describe('isMasked', () => {
  const accepted: Array<[MaskedKind, string]> = [
    ['resident-id', '430405********1234'],
    ['resident-id', '110105********002X'],
    ['resident-id', '110105********002x'],
    ['resident-id', '430405××××××××1234'],
    ['resident-id', '430405＊＊＊＊＊＊＊＊1234'],
    ['resident-id', '430405******123'],
    ['resident-id', '**************1234'], // masked further than the rule: reveals less
    ['resident-id', '******************'],
    ['resident-id', '***'], // nothing revealed, whatever the length
    ['name', '张**'],
    ['name', '张*'],
    ['name', '*'],
    ['name', '**'],
    ['name', '欧阳*'],
    ['name', '司马**'],
    ['name', '张××'],
    ['name', '张＊＊'],
    ['name', '阿***·***'],
    ['name', 'Z**** S**'],
    ['name', 'J. S****'],
    ['mobile', '138****8000'],
    ['mobile', '138××××8000'],
    ['mobile', '138-****-8000'],
    ['mobile', '+86 138 **** 8000'],
    ['mobile', '*******8000'],
    ['bank-card', '622202*********0123'],
    ['bank-card', '6222 02** **** ***0 123'],
    ['bank-card', '************1111'],
  ];
  const refused: Array<[MaskedKind, string]> = [
    ['resident-id', ANNEX_ID],
    ['resident-id', HENGYANG_ID],
    ['resident-id', '4304051990****1234'], // the birth year shows
    ['resident-id', '430405********12345'], // 19 characters
    ['resident-id', '430405*******X1234'], // an X that is not the check character
    ['resident-id', '430405900101123'],
    ['resident-id', ''],
    ['name', '张三'],
    ['name', '张三丰'],
    ['name', '欧阳娜'],
    ['name', '欧阳'],
    ['name', '张*丰'],
    ['name', '张三*'],
    ['name', 'Zhang San'],
    ['name', 'Zh*** S**'],
    ['name', 'Z**** 13800138000'],
    ['name', ''],
    ['mobile', '13800138000'],
    ['mobile', '138***38000'],
    ['mobile', '138-0013-8000'],
    ['mobile', '238****8000'],
    ['bank-card', '6222021234567890123'],
    ['bank-card', '6222021234*****0123'],
    ['bank-card', '4111 1111 1111 1111'],
  ];

  test.each(accepted)('accepts %s %s', (kind, value) => {
    expect(isMasked(value, kind)).toBe(true);
  });

  test.each(refused)('refuses %s %s', (kind, value) => {
    expect(isMasked(value, kind)).toBe(false);
  });
});

describe('maskFindings', () => {
  test('masks every finding and leaves the rest of the text alone', () => {
    const text = `申请人身份证${ANNEX_ID}，电话138-0013-8000，金额13800138000.00元，办公电话0734-8123456`;
    expect(maskFindings(text)).toBe('申请人身份证110105********002X，电话138-****-8000，金额13800138000.00元，办公电话0734-8123456');
  });

  test('returns a text without findings as it is, and masking twice changes nothing', () => {
    const text = '衡阳市雁峰区 2026-09-01 PM2.5 35.6';
    expect(maskFindings(text)).toBe(text);
    const masked = maskFindings(`联系 ${HENGYANG_ID} 或 13800138000`);
    expect(maskFindings(masked)).toBe(masked);
  });
});
