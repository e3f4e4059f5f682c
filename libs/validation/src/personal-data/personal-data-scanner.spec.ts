import { residentIdCheckCharacter, usccCheckCharacter } from '@opendata/common';
import { mayHoldPersonalData, passesLuhn, PersonalDataKind, scanText } from './personal-data-scanner';

// Every number below is synthetic: IDs get their check character from residentIdCheckCharacter, cards their
// Luhn digit from withLuhn, or are the card networks' published test numbers.
function id(first17: string): string {
  return first17 + residentIdCheckCharacter(first17);
}

/** Appends the digit that makes the number pass Luhn. */
function withLuhn(body: string): string {
  for (let digit = 0; digit <= 9; digit++) if (passesLuhn(body + digit)) return body + digit;
  throw new Error('unreachable');
}

/** Appends a digit that makes the number fail Luhn. */
function withoutLuhn(body: string): string {
  const good = Number(withLuhn(body).slice(-1));
  return body + ((good + 1) % 10);
}

const ANNEX_ID = '11010519491231002X'; // the GB 11643-1999 annex example
const HENGYANG_ID = id('43040519900101123');
const CARD_19 = withLuhn('622202123456789012');
const CARD_19_SPACED = CARD_19.replace(/^(\d{4})(\d{4})(\d{4})(\d{4})(\d{3})$/, '$1 $2 $3 $4 $5');

function allDigitUscc(): string {
  for (let n = 0; n < 100; n++) {
    const first17 = `9143040012345${String(6700 + n)}`;
    const check = usccCheckCharacter(first17)!;
    if (/\d/.test(check)) return first17 + check;
  }
  throw new Error('no all-digit USCC found');
}

describe('scanText: hits', () => {
  const cases: Array<[string, string, Array<[PersonalDataKind, string, string]>]> = [
    // [description, text, [kind, matched text, masked]]
    ['the GB 11643 annex example', ANNEX_ID, [['resident-id', ANNEX_ID, '110105********002X']]],
    ['lower-case check x', ANNEX_ID.toLowerCase(), [['resident-id', '11010519491231002x', '110105********002x']]],
    ['an ID touching Chinese text', `身份证${HENGYANG_ID}，户主`, [['resident-id', HENGYANG_ID, `430405********${HENGYANG_ID.slice(14)}`]]],
    ['an ID written 6-8-4', `证件号 ${HENGYANG_ID.slice(0, 6)} ${HENGYANG_ID.slice(6, 14)} ${HENGYANG_ID.slice(14)}`,
      [['resident-id', `${HENGYANG_ID.slice(0, 6)} ${HENGYANG_ID.slice(6, 14)} ${HENGYANG_ID.slice(14)}`, `430405 ******** ${HENGYANG_ID.slice(14)}`]]],
    ['an old 15-digit ID', '旧证430405900101123', [['resident-id', '430405900101123', '430405******123']]],
    ['a 2023 foreigner permanent residence number (first digit 9)', id('94315619900101123'), [['resident-id', id('94315619900101123'), `943156********${id('94315619900101123').slice(14)}`]]],
    ['a bare mobile', '13800138000', [['mobile', '13800138000', '138****8000']]],
    ['a mobile in a sentence', '联系电话：13800138000。', [['mobile', '13800138000', '138****8000']]],
    ['a mobile with hyphens', '138-0013-8000', [['mobile', '138-0013-8000', '138-****-8000']]],
    ['a mobile with spaces and +86', '手机 +86 138 0013 8000', [['mobile', '+86 138 0013 8000', '+86 138 **** 8000']]],
    ['a mobile with +86 touching', '+8619912345678', [['mobile', '+8619912345678', '+86199****5678']]],
    ['a mobile with 86-', '86-13800138000', [['mobile', '86-13800138000', '86-138****8000']]],
    ['a mobile after a year', '2026 13800138000', [['mobile', '13800138000', '138****8000']]],
    ['a mobile after a date', '2026-09-01 13800138000', [['mobile', '13800138000', '138****8000']]],
    ['two mobiles', '13800138000/13900139000', [['mobile', '13800138000', '138****8000'], ['mobile', '13900139000', '139****9000']]],
    ['two mobiles joined by a hyphen', '13800138000-13900139000', [['mobile', '13800138000', '138****8000'], ['mobile', '13900139000', '139****9000']]],
    ['a 19-digit UnionPay card', `卡号${CARD_19}`, [['bank-card', CARD_19, `622202*********${CARD_19.slice(-4)}`]]],
    ['a UnionPay card in groups of 4', CARD_19_SPACED, [['bank-card', CARD_19_SPACED, `6222 02** **** ***${CARD_19.slice(15, 16)} ${CARD_19.slice(16)}`]]],
    ['a Visa test number', '4111111111111111', [['bank-card', '4111111111111111', '411111******1111']]],
    ['a Visa with hyphens', '4111-1111-1111-1111', [['bank-card', '4111-1111-1111-1111', '4111-11**-****-1111']]],
    ['a Mastercard test number', '5500000000000004', [['bank-card', '5500000000000004', '550000******0004']]],
    ['a Mastercard 2-series', withLuhn('222100000000000'), [['bank-card', withLuhn('222100000000000'), '222100******0009']]],
    ['an Amex test number', '378282246310005', [['bank-card', '378282246310005', '378282*****0005']]],
    ['an Amex written 4-6-5', '3782 822463 10005', [['bank-card', '3782 822463 10005', '3782 82**** *0005']]],
    ['a JCB test number', '3530111333300000', [['bank-card', '3530111333300000', '353011******0000']]],
    ['an ID and a mobile', `${ANNEX_ID}，13800138000`, [['resident-id', ANNEX_ID, '110105********002X'], ['mobile', '13800138000', '138****8000']]],
  ];

  test.each(cases)('%s', (_description, text, expected) => {
    const findings = scanText(text);
    expect(findings.map((f) => [f.kind, text.slice(f.start, f.end), f.masked])).toEqual(expected);
  });
});

describe('scanText: non-hits (false-positive traps)', () => {
  const cases: Array<[string, string]> = [
    ['a 20-digit run holds no mobile', '12345678901234567890'],
    ['an ID inside a longer run', `${HENGYANG_ID}5`],
    ['an ID after a digit', `9${HENGYANG_ID}`],
    ['a mobile inside a 12-digit run', '138001380001'],
    ['a USCC with letters', '91430400MA4L1234X5'],
    ['an all-digit USCC', allDigitUscc()],
    ['17 digits and X then a letter', `${ANNEX_ID}A`],
    ['a wrong ID check character', `${HENGYANG_ID.slice(0, 17)}${HENGYANG_ID[17] === '0' ? '1' : '0'}`],
    ['an impossible birth date', id('11010519900230123')],
    ['a region that is no province', id('19010519900101123')],
    ['an old 15-digit number without a real date', '430400000012345'],
    ['a timestamp', '20260901080000'],
    ['a timestamp with milliseconds', '20260901080000123'],
    ['a 16-digit date-prefixed serial', withLuhn('202609010000001')],
    ['a date and time', '2026-09-01 08:00:00'],
    ['a Unix time in ms', '1767225600000'],
    ['an air station code', '1325A 衡阳市监测站'],
    ['a 12-digit 统计用区划代码', '430405001001'],
    ['an amount with decimals', '13800138000.00'],
    ['an amount in yuan', '合计13800138000元'],
    ['a fractional part', '0.13800138000'],
    ['a landline with area code', '0734-8123456'],
    ['a landline written together', '07348123456'],
    ['a landline in brackets', '(0734)8123456'],
    ['the citizen hotline', '12345'],
    ['a hotline with area code', '0734-12345'],
    ['a service number', '400-123-4567'],
    ['11 digits that are no mobile segment', '12800138000'],
    ['a Visa-like number failing Luhn', withoutLuhn('411111111111111')],
    ['a Luhn-valid number without issuer prefix', withLuhn('123456781234567')],
    ['a Mastercard prefix at 17 digits', withLuhn('5500000000000000')],
    ['an Amex prefix at 16 digits', withLuhn('378282246310005')],
    ['a Visa prefix at 13 digits', withLuhn('411111111111')],
    ['a masked ID', '430405********1234'],
    ['a masked mobile', '138****8000'],
    ['Chinese text only', '衡阳市雁峰区公共租赁住房配租结果公示'],
  ];

  test.each(cases)('%s', (_description, text) => {
    expect(scanText(text)).toEqual([]);
  });
});

describe('mayHoldPersonalData (the cheap pre-check)', () => {
  test.each([
    ['138-0013-8000', true],
    ['6222 0212 3456 7890 123', true],
    ['13800138000', true],
    ['衡阳市雁峰区环境监测站电话13800138000', true],
    ['0734 13800138000', true],
    ['1380013800', false],
    ['2026-09-01 08:00:00', false],
    ['0734-8123456', false],
    ['衡阳市雁峰区环境监测站', false],
    ['张三丰', false],
    ['138--0013--8000', false],
  ])('%s -> %s', (text, expected) => {
    expect(mayHoldPersonalData(text)).toBe(expected);
  });

  /** The definition the skip search must agree with: from a group starting with 1-9, 11 digits across single separators. */
  function reference(text: string): boolean {
    for (let start = 0; start < text.length; start++) {
      if (!/[1-9]/.test(text[start]) || /\d/.test(text[start - 1] ?? '')) continue;
      let digits = 0;
      for (let i = start; i < text.length; i++) {
        if (/\d/.test(text[i])) digits++;
        else if (!/[ -]/.test(text[i]) || !/\d/.test(text[i - 1]) || !/\d/.test(text[i + 1] ?? '')) break;
      }
      if (digits >= 11) return true;
    }
    return false;
  }

  test('agrees with the plain definition on random texts', () => {
    const alphabet = ['0', '1', '3', '8', '9', '0', '1', '5', ' ', '-', '.', 'A', '中', '号'];
    let state = 7;
    const next = (n: number): number => {
      state = (state * 48271) % 2147483647;
      return state % n;
    };
    for (let t = 0; t < 20000; t++) {
      const text = Array.from({ length: 1 + next(30) }, () => alphabet[next(alphabet.length)]).join('');
      expect([text, mayHoldPersonalData(text)]).toEqual([text, reference(text)]);
    }
  });

  test('never hides a hit from the full scan', () => {
    for (const text of [ANNEX_ID, CARD_19_SPACED, '+86 138 0013 8000', `0 ${HENGYANG_ID}`]) {
      expect(mayHoldPersonalData(text)).toBe(true);
      expect(scanText(text)).toHaveLength(1);
    }
  });
});
