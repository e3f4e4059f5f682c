/**
 * THE platform's masking rule for columns declared x-masked, and for personal data found in free text. There
 * is no national masking pattern (STANDARDS.md 3, 公共租赁住房管理办法 only forbids disclosing 个人隐私), so the
 * platform chose one; the demo housing-allocation data already follows it:
 * - resident-id: first 6 + 8 × '*' + last 4 (430405********1234); old 15-digit IDs first 6 + 6 × '*' + last 3;
 * - name: surname kept (compound surnames such as 欧阳 kept whole) + one '*' per remaining character, a
 *   one-character name becomes '*'; Latin-letter names keep the first letter of each word (Z**** S**);
 * - mobile: first 3 + 4 × '*' + last 4 (138****8000), a +86 prefix kept;
 * - bank-card: first 6 + '*' for every digit up to the last 4 (622202*********0123).
 * Spaces and hyphens inside a value stay where they are. Agencies' spreadsheets mask with '*', '×' or '＊': all
 * three are accepted, and a value masked further than the rule asks (fewer characters kept) is accepted too,
 * since it reveals less. See digit-masking.ts and name-masking.ts for the details of each kind.
 */
import { MaskedKind } from '../schema/table-schema';
import { isMaskCharacter, isMaskedDigitValue, maskDigitValue } from './digit-masking';
import { isMaskedName, maskName } from './name-masking';
import { scanText } from './personal-data-scanner';

/** Only mask characters (and separators): it reveals nothing, whatever its length. */
function isFullyMasked(value: string): boolean {
  let masks = 0;
  for (const char of value) {
    if (isMaskCharacter(char)) masks++;
    else if (char !== '-' && char.trim() !== '') return false;
  }
  return masks > 0;
}

/** Whether a value is in the masked form the platform accepts for a column declared x-masked of that kind. */
export function isMasked(value: string, kind: MaskedKind): boolean {
  const trimmed = value.trim();
  if (isFullyMasked(trimmed)) return true;
  return kind === 'name' ? isMaskedName(trimmed) : isMaskedDigitValue(trimmed, kind);
}

/**
 * The masked form of a value (idempotent: masking a masked value returns it unchanged). A value that does not
 * have the shape of its kind (an ID of 16 digits, a landline in a mobile column) is masked whole: the platform
 * would rather lose a malformed value than publish the part a rule for another shape would keep.
 */
export function maskValue(value: string, kind: MaskedKind): string {
  if (isMasked(value, kind)) return value;
  const trimmed = value.trim();
  if (trimmed === '') return trimmed;
  if (kind === 'name') return maskName(trimmed);
  return maskDigitValue(trimmed, kind) ?? maskWhole(trimmed);
}

function maskWhole(value: string): string {
  return Array.from(value, (char) => (char === '-' || char.trim() === '' ? char : '*')).join('');
}

/** Masks every personal-data finding inside a free text (for `validate --mask` on text columns). */
export function maskFindings(text: string): string {
  const findings = scanText(text);
  if (findings.length === 0) return text;
  let masked = '';
  let at = 0;
  for (const finding of findings) {
    masked += text.slice(at, finding.start) + finding.masked;
    at = finding.end;
  }
  return masked + text.slice(at);
}
