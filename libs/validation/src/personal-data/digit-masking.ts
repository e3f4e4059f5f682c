/**
 * Masking of the digit-based kinds (resident ID, mobile number, bank card number), shared by the scanner (which
 * shows findings masked in reports) and by masking.ts (which masks and checks declared x-masked columns).
 *
 * A value is read as "significant characters" (digits, the ID's trailing X, mask characters) with separators
 * (space, hyphen) and, for mobiles, a leading "+" left where they are: agencies write "138-0013-8000" or
 * "6222 0212 3456 7890 123", and masking keeps that layout so the masked text lines up with the original.
 */

export type DigitKind = 'resident-id' | 'mobile' | 'bank-card';

/** Agencies' spreadsheets mask with '*', '×' or '＊': all three are accepted as masked positions. */
export function isMaskCharacter(char: string): boolean {
  return char === '*' || char === '×' || char === '＊';
}

function isDigitCode(code: number): boolean {
  return code >= 48 && code <= 57;
}

interface SignificantLayout {
  /** Indices (into the value) of the significant characters. */
  positions: number[];
  /** Significant characters before the national number: 2 for a mobile written with its 86 country code. */
  offset: number;
  /** Characters kept at the start and at the end of the national number; the rest is masked. */
  head: number;
  tail: number;
}

/** Significant-character indices, or null when the value holds anything but those, separators and a leading "+". */
function significantPositions(value: string): number[] | null {
  const positions: number[] = [];
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    const char = value[i];
    if (isDigitCode(code) || char === 'X' || char === 'x' || isMaskCharacter(char)) positions.push(i);
    else if (char === '+' && positions.length === 0) continue;
    else if (code !== 32 && code !== 45) return null;
  }
  return positions;
}

/**
 * THE platform's rule for these kinds (no national rule exists, STANDARDS.md 3):
 * - resident ID: first 6 (region) and last 4 kept, the 8 birth-date digits masked; old 15-digit IDs keep the
 *   first 6 and last 3, the 6-digit birth date masked;
 * - mobile: first 3 and last 4 kept, the 4 between masked (138****8000); a +86/86 prefix is kept;
 * - bank card (12-19 digits): first 6 (the issuer) and last 4 kept, everything between masked.
 */
function layout(value: string, kind: DigitKind): SignificantLayout | null {
  const positions = significantPositions(value);
  if (!positions) return null;
  const count = positions.length;
  if (kind === 'resident-id') {
    if (count === 18) return { positions, offset: 0, head: 6, tail: 4 };
    if (count === 15) return { positions, offset: 0, head: 6, tail: 3 };
    return null;
  }
  if (kind === 'mobile') {
    const prefixed = count === 13 && value[positions[0]] === '8' && value[positions[1]] === '6';
    if (count !== 11 && !prefixed) return null;
    const offset = prefixed ? 2 : 0;
    // Mainland mobiles start with 1: anything else in a mobile column (a landline) is not this shape.
    const first = value[positions[offset]];
    return first === '1' || isMaskCharacter(first) ? { positions, offset, head: 3, tail: 4 } : null;
  }
  return count >= 12 && count <= 19 ? { positions, offset: 0, head: 6, tail: 4 } : null;
}

function isMaskedPosition(shape: SignificantLayout, p: number): boolean {
  return p >= shape.offset + shape.head && p < shape.positions.length - shape.tail;
}

/**
 * The value with the positions the rule masks replaced by '*', or null when it does not have the shape of the
 * kind. Mask characters already there are left as they are, so masking twice changes nothing.
 */
export function maskDigitValue(value: string, kind: DigitKind): string | null {
  const shape = layout(value, kind);
  if (!shape) return null;
  const { positions } = shape;
  let masked = '';
  let copied = 0;
  for (let p = shape.offset + shape.head; p < positions.length - shape.tail; p++) {
    const index = positions[p];
    if (isMaskCharacter(value[index])) continue;
    masked += `${value.slice(copied, index)}*`;
    copied = index + 1;
  }
  return masked + value.slice(copied);
}

/**
 * True when every position the rule masks holds a mask character and the kept positions hold digits (or mask
 * characters: a value masked further than the rule asks reveals less, so it is accepted too).
 */
export function isMaskedDigitValue(value: string, kind: DigitKind): boolean {
  const shape = layout(value, kind);
  if (!shape) return false;
  const last = shape.positions.length - 1;
  return shape.positions.every((index, p) => {
    const char = value[index];
    if (isMaskCharacter(char)) return true;
    if (isMaskedPosition(shape, p)) return false;
    return char === 'X' || char === 'x' ? kind === 'resident-id' && p === last : true;
  });
}
