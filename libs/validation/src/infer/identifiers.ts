import { isValidUscc } from '@opendata/common';
import { isMasked, maskValue } from '../personal-data/masking';
import { scanText } from '../personal-data/personal-data-scanner';
import { MaskedKind } from '../schema/table-schema';

/**
 * Identifiers the inference recognises in a column when EVERY non-missing value has the shape. Each one
 * proposes a pattern (checked against every value seen, so the draft never rejects the file it came from) and,
 * for personal identifiers, masking: such columns are declared x-masked, since an unmasked ID or mobile number
 * may not be published (the validator's personal-data scan rejects it in any text column anyway).
 */
export type IdentifierKind = 'uscc' | 'station-code';

export interface IdentifierSpec {
  kind: IdentifierKind;
  label: string;
  pattern: string;
  standard: string | null;
  test(text: string): boolean;
}

export const IDENTIFIERS: readonly IdentifierSpec[] = [
  {
    kind: 'uscc',
    label: '统一社会信用代码 / unified social credit code',
    pattern: '^[0-9A-HJ-NPQRTUWXY]{2}\\d{6}[0-9A-HJ-NPQRTUWXY]{10}$',
    standard: 'GB 32100-2015 (法人和其他组织统一社会信用代码编码规则)',
    test: (text) => text.length === 18 && isValidUscc(text),
  },
  {
    // National air monitoring stations: four digits and A (1001A, 2456A), as CNEMC publishes them.
    kind: 'station-code',
    label: '国控空气监测点位编码 / national air monitoring station code',
    pattern: '^\\d{4}A$',
    standard: '全国城市空气质量实时发布平台 (CNEMC) 站点小时数据字段',
    test: (text) => /^\d{4}A$/.test(text),
  },
];

/** Masked forms the platform accepts (masking.ts); proposed as the pattern of a column declared x-masked. */
export const MASKED_PATTERNS: Record<MaskedKind, string | null> = {
  'resident-id': '^(?:\\d{6}[*×＊]{8}\\d{3}[\\dXx]|\\d{6}[*×＊]{6}\\d{3})$',
  mobile: '^(?:\\+?86)?1[3-9]\\d[*×＊]{4}\\d{4}$',
  'bank-card': '^\\d{6}[*×＊]{2,9}\\d{4}$',
  name: null,
};

export const PERSONAL_LABELS: Record<MaskedKind, string> = {
  'resident-id': '居民身份证号码 / resident ID number',
  mobile: '手机号码 / mobile number',
  'bank-card': '银行卡号 / bank card number',
  name: '姓名 / personal name',
};

export const PERSONAL_STANDARDS: Record<MaskedKind, string[]> = {
  'resident-id': ['GB 11643-1999 (公民身份号码)', '2018年政务公开工作要点 (国务院办公厅): 公开前对个人信息作去标识化处理'],
  mobile: ['2018年政务公开工作要点 (国务院办公厅): 公开前对个人信息作去标识化处理'],
  'bank-card': ['2018年政务公开工作要点 (国务院办公厅): 公开前对个人信息作去标识化处理'],
  name: ['2018年政务公开工作要点 (国务院办公厅): 公开前对个人信息作去标识化处理'],
};

/** Checked in this order: a masked resident ID also has the shape of a masked bank card, never the reverse. */
export const PERSONAL_KINDS: readonly MaskedKind[] = ['resident-id', 'mobile', 'bank-card', 'name'];

/** Header words of columns that hold people's names; names are recognised only under such a header. */
export const NAME_HEADER = /姓名|申请人|户主|承租人|联系人|法定代表人|负责人/;
const CJK_NAME = /^[\u4e00-\u9fff·]{2,6}$/;
const MASK_CHAR = /[*×＊]/;

/** How one value relates to a personal kind: unmasked personal data, a masked value, or neither. */
export type PersonalMatch = 'unmasked' | 'masked' | null;

export function personalMatch(text: string, kind: MaskedKind, nameHeader: boolean): PersonalMatch {
  if (kind === 'name') {
    if (!nameHeader) return null;
    if (MASK_CHAR.test(text)) return isMasked(text, 'name') ? 'masked' : null;
    return CJK_NAME.test(text) ? 'unmasked' : null;
  }
  if (MASK_CHAR.test(text)) return /\d/.test(text) && isMasked(text, kind) ? 'masked' : null;
  const findings = scanText(text);
  return findings.length === 1 && findings[0].kind === kind && findings[0].start === 0 && findings[0].end === text.length ? 'unmasked' : null;
}

/** The value as it must be published in a column declared x-masked of this kind. */
export function maskedForm(text: string, kind: MaskedKind): string {
  return maskValue(text, kind);
}
