/**
 * Finds personal data (resident IDs, mainland mobile numbers, bank card numbers) in free text. It runs on every
 * text cell of every upload, so the common case (no long digit run) is decided by mayHoldPersonalData, a charCode
 * loop that allocates nothing and skips most characters, and the thorough parsing below only runs on the few
 * cells that hold 11 or more digits in a row.
 *
 * Rules (each one keeps a kind of false positive out of a government dataset, or a real hit in):
 * - Numbers are whole digit runs: digits right before or after a match make it part of a longer number
 *   ("12345678901234567890" holds no mobile number, an ID inside a longer run is not an ID). Anything else may
 *   touch a match, Chinese text included ("身份证430405199001011234" is reported).
 * - A run written as groups with single spaces or hyphens between them counts only in the layouts people use:
 *   mobiles 3-4-4 ("138-0013-8000"), optionally after 86 / +86; cards 4-4-4-4(-1..4) and Amex 4-6-5; IDs
 *   6-8-4. Neighbouring groups that do not fit a layout are tried on their own ("2026 13800138000" holds a
 *   mobile), so a date or a count written next to a number cannot hide it.
 * - A run that is part of a decimal number ("13800138000.00") or followed by 元/万/亿 is an amount, never a hit.
 * - Resident ID (GB 11643): 18 characters with a real birth date and a valid ISO 7064 MOD 11-2 check character
 *   (isValidResidentId), starting with a province code (or 9: the 2023 foreigners' permanent residence card uses
 *   the same number layout); an old 15-digit ID needs a province code and a real 19YYMMDD birth date (it has no
 *   check digit, so about 4% of random 15-digit runs pass: old 工商注册号 are 15 digits too, but their month
 *   digits are almost always 00). Unified social credit codes with letters never form an 18-digit run; an
 *   all-digit USCC passes only if its characters 7-14 happen to read as 19xx/20xx plus a real date and the ID
 *   check holds (well under 1 in 10,000). That residual risk is accepted: a candidate that is also a valid USCC is
 *   NOT excluded, because about 1 in 31 real IDs also satisfies the USCC check and would then leak.
 * - Mobile: 1[3-9] followed by 9 digits (STANDARDS.md 4). Landlines (0734-8123456, 0 first), service numbers
 *   (400-..., 12345) and office numbers are not personal and never match.
 * - Bank card: issuer prefix and length first (UnionPay 62: 16-19; Visa 4: 16 or 19, the 19-digit Chinese
 *   co-branded debit cards; Mastercard 51-55 and 2221-2720: 16; Amex 34/37: 15; JCB 3528-3589: 16-19), then Luhn.
 *   Luhn alone passes 1 random number in 10; with the prefixes a random 16-digit run passes about 1 in 50, but
 *   serial numbers that start with 4 (Hunan codes start 43) or 62 still pass 1 time in 10: reported for a person
 *   to look at, which is the price of not missing real cards. Visa 13 and UnionPay 13-15 are legacy lengths left
 *   out to keep that rate down, and so are the old domestic prefixes outside 62 (such as 9558); timestamps
 *   (19xx/20xx) never carry an issuer prefix.
 * - Not detected: full-width digits (１３８...), numbers split by other separators (dots, slashes, parentheses).
 */
import { isValidResidentId } from '@opendata/common';
import { maskDigitValue } from './digit-masking';

export type PersonalDataKind = 'resident-id' | 'mobile' | 'bank-card';

export interface PersonalDataFinding {
  kind: PersonalDataKind;
  start: number;
  end: number;
  /** the matched text, masked for safe display in reports */
  masked: string;
}

/** No kind has fewer digits than a mobile number. */
const MIN_DIGITS = 11;
/** The most groups a layout has: a 19-digit card written 4-4-4-4-3. */
const MAX_GROUPS = 5;
const QUANTITY_UNITS = '元万亿';
const PROVINCE_CODES = new Set([
  '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37', '41', '42', '43', '44',
  '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65', '71', '81', '82', '83',
]);

interface DigitRun {
  start: number;
  end: number;
  /** An X or x right after the run that ends it as an ID check character (not followed by a letter or digit). */
  checkX: boolean;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function isDigitOrSeparator(code: number): boolean {
  return (code >= 48 && code <= 57) || code === 32 || code === 45;
}

/**
 * The cheap pre-check: true when the text may hold a match, i.e. has MIN_DIGITS digits in a row, counting across
 * single spaces or hyphens and leaving out groups that start with 0 at the front of a number (no kind starts with
 * 0: this is what keeps landlines like 0734-8123456 off the slow path). It never rejects a text a match could come
 * from, and allocates nothing.
 *
 * Such a number spans at least MIN_DIGITS consecutive digit-or-separator characters, so outside such stretches
 * the loop probes the last character of a window and jumps a whole window past any other character (a
 * Boyer-Moore-style skip): Chinese text is rejected after reading a fraction of its characters, and a stretch
 * (a date, a code) is read once, front to back.
 */
export function mayHoldPersonalData(text: string): boolean {
  const length = text.length;
  let start = 0; // invariant: text[start - 1], if any, is neither a digit nor a separator
  while (start + MIN_DIGITS <= length) {
    if (isDigitOrSeparator(text.charCodeAt(start))) {
      const end = stretchEnd(text, start);
      if (end < 0) return true;
      start = end + 1;
      continue;
    }
    const probe = start + MIN_DIGITS - 1;
    if (!isDigitOrSeparator(text.charCodeAt(probe))) {
      start = probe + 1;
      continue;
    }
    let back = probe;
    while (isDigitOrSeparator(text.charCodeAt(back - 1))) back--; // stops at start at the latest
    start = back;
  }
  return false;
}

/**
 * Reads the stretch of digits and separators from start: -1 as soon as MIN_DIGITS digits are counted, otherwise
 * the index where the stretch ends. Two separators in a row end a number; a group starting with 0 is skipped
 * while nothing has been counted yet.
 */
function stretchEnd(text: string, start: number): number {
  let digits = 0;
  let previousWasDigit = false;
  let skipping = false;
  for (let i = start; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 48 && code <= 57) {
      if (!previousWasDigit && digits === 0) skipping = code === 48;
      if (!skipping && ++digits >= MIN_DIGITS) return -1;
      previousWasDigit = true;
    } else if (code === 32 || code === 45) {
      if (!previousWasDigit) digits = 0;
      previousWasDigit = false;
    } else {
      return i;
    }
  }
  return text.length;
}

/** Every personal-data finding in the text, in order of position. */
export function scanText(text: string): PersonalDataFinding[] {
  if (!mayHoldPersonalData(text)) return [];
  const findings: PersonalDataFinding[] = [];
  const chains = chainRuns(text, findRuns(text));
  for (let c = 0; c < chains.length; c++) scanChain(text, chains[c], findings);
  return findings;
}

/** Part of a decimal number (either side of the point) or a sum of money: an amount, whatever its digits. */
function isQuantity(text: string, start: number, end: number): boolean {
  if (text.charCodeAt(end) === 46 && isDigit(text.charCodeAt(end + 1))) return true;
  if (start >= 2 && text.charCodeAt(start - 1) === 46 && isDigit(text.charCodeAt(start - 2))) return true;
  return end < text.length && QUANTITY_UNITS.includes(text[end]);
}

function isAsciiAlphanumeric(code: number): boolean {
  return isDigit(code) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

/** Maximal digit runs, amounts left out (they also break chains, since a chain needs adjacent runs). */
function findRuns(text: string): DigitRun[] {
  const runs: DigitRun[] = [];
  const length = text.length;
  let i = 0;
  while (i < length) {
    if (!isDigit(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    while (i < length && isDigit(text.charCodeAt(i))) i++;
    if (isQuantity(text, start, i)) continue;
    const next = text.charCodeAt(i);
    const x = next === 88 || next === 120; // X or x
    runs.push({ start, end: i, checkX: x && !isAsciiAlphanumeric(text.charCodeAt(i + 1)) });
  }
  return runs;
}

/** Runs joined by exactly one space or hyphen form a chain: the groups one written number may consist of. */
function chainRuns(text: string, runs: DigitRun[]): DigitRun[][] {
  const chains: DigitRun[][] = [];
  let current: DigitRun[] = [];
  for (let r = 0; r < runs.length; r++) {
    const run = runs[r];
    const previous = current.length > 0 ? current[current.length - 1] : undefined;
    const separator = previous === undefined ? 0 : text.charCodeAt(previous.end);
    const joined = previous !== undefined && !previous.checkX && run.start === previous.end + 1
      && (separator === 32 || separator === 45);
    if (!joined && current.length > 0) {
      chains.push(current);
      current = [];
    }
    current.push(run);
  }
  if (current.length > 0) chains.push(current);
  return chains;
}

/** Left to right, the longest run of groups that forms a number wins; its groups are not reused. */
function scanChain(text: string, chain: DigitRun[], findings: PersonalDataFinding[]): void {
  let i = 0;
  while (i < chain.length) {
    let next = i + 1;
    // No kind starts with 0: landlines (0734-...) and zero-padded codes are skipped without parsing.
    const startsWithZero = text.charCodeAt(chain[i].start) === 48;
    for (let j = Math.min(chain.length - 1, i + MAX_GROUPS - 1); j >= i && !startsWithZero; j--) {
      const finding = classify(text, chain, i, j);
      if (finding) {
        findings.push(finding);
        next = j + 1;
        break;
      }
    }
    i = next;
  }
}

/** Digit counts some kind has: mobile 11 (13 with 86), old ID 15, card 15-19, ID 18 (17 before an X). */
function isPossibleLength(count: number): boolean {
  return count === 11 || count === 13 || (count >= 15 && count <= 19);
}

function classify(text: string, chain: DigitRun[], i: number, j: number): PersonalDataFinding | null {
  let count = 0;
  for (let k = i; k <= j; k++) count += chain[k].end - chain[k].start;
  // Checked before any string is built: timestamps (14 digits), 12-digit codes and long serials stop here.
  if (!isPossibleLength(count)) return null;
  const sizes: number[] = [];
  let digits = '';
  for (let k = i; k <= j; k++) {
    digits += text.slice(chain[k].start, chain[k].end);
    sizes.push(chain[k].end - chain[k].start);
  }
  const start = chain[i].start;
  const last = chain[j];
  if (isResidentId(digits, sizes, last.checkX)) return finding(text, 'resident-id', start, last.end + (last.checkX ? 1 : 0));
  const prefix = mobilePrefixLength(digits, sizes);
  if (prefix !== null) {
    const plus = prefix > 0 && text[start - 1] === '+' ? 1 : 0;
    return finding(text, 'mobile', start - plus, last.end);
  }
  if (isCardLayout(sizes) && isPlausibleCard(digits)) return finding(text, 'bank-card', start, last.end);
  return null;
}

function finding(text: string, kind: PersonalDataKind, start: number, end: number): PersonalDataFinding {
  const matched = text.slice(start, end);
  return { kind, start, end, masked: maskDigitValue(matched, kind) ?? '*'.repeat(matched.length) };
}

function isResidentId(digits: string, sizes: number[], checkX: boolean): boolean {
  const id = checkX ? `${digits}X` : digits;
  const layout = sizes.length === 1 || (sizes.length === 3 && sizes[0] === 6 && sizes[1] === 8 && id.length === 18);
  if (!layout) return false;
  if (id.length === 18) {
    return (id[0] === '9' || PROVINCE_CODES.has(id.slice(0, 2))) && isValidResidentId(id);
  }
  return id.length === 15 && !checkX && isOldResidentId(id);
}

/** Old 15-digit ID: 6-digit region, YYMMDD birth date (19YY: they were replaced in 1999-2004), 3-digit sequence. */
function isOldResidentId(id: string): boolean {
  if (!PROVINCE_CODES.has(id.slice(0, 2))) return false;
  const year = 1900 + Number(id.slice(6, 8));
  const month = Number(id.slice(8, 10));
  const day = Number(id.slice(10, 12));
  const date = new Date(Date.UTC(year, month - 1, day));
  return month >= 1 && date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Digits before the national number (0, or 2 for an 86 country code) when the groups form a mobile number. */
function mobilePrefixLength(digits: string, sizes: number[]): number | null {
  const layout = sizes.length === 1 ? String(sizes[0]) : sizes.join(',');
  let prefix: number;
  if (layout === '11' || layout === '3,4,4') prefix = 0;
  else if (layout === '13' || layout === '2,3,4,4' || layout === '2,11') prefix = 2;
  else return null;
  if (prefix === 2 && !digits.startsWith('86')) return null;
  const second = digits.charCodeAt(prefix + 1);
  return digits[prefix] === '1' && second >= 51 && second <= 57 ? prefix : null;
}

/** One unbroken run, 4-digit groups with a last group of 1-4 digits, or the Amex 4-6-5. */
function isCardLayout(sizes: number[]): boolean {
  if (sizes.length === 1) return true;
  if (sizes.length === 3 && sizes[0] === 4 && sizes[1] === 6 && sizes[2] === 5) return true;
  const lastSize = sizes[sizes.length - 1];
  return sizes.length >= 4 && lastSize >= 1 && lastSize <= 4 && sizes.slice(0, -1).every((size) => size === 4);
}

function isPlausibleCard(digits: string): boolean {
  const length = digits.length;
  const two = Number(digits.slice(0, 2));
  const four = Number(digits.slice(0, 4));
  let lengthFits: boolean;
  if (two === 62) lengthFits = length >= 16 && length <= 19;
  else if (digits[0] === '4') lengthFits = length === 16 || length === 19;
  else if ((two >= 51 && two <= 55) || (four >= 2221 && four <= 2720)) lengthFits = length === 16;
  else if (two === 34 || two === 37) lengthFits = length === 15;
  else if (four >= 3528 && four <= 3589) lengthFits = length >= 16 && length <= 19;
  else lengthFits = false;
  return lengthFits && passesLuhn(digits);
}

/** Luhn (ISO/IEC 7812-1): from the right, every second digit doubled, digit sums added, total divisible by 10. */
export function passesLuhn(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let value = digits.charCodeAt(i) - 48;
    if (double) {
      value *= 2;
      if (value > 9) value -= 9;
    }
    sum += value;
    double = !double;
  }
  return sum % 10 === 0;
}
