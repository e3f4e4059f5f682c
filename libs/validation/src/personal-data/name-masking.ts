/**
 * Masking of personal names, THE platform's rule (no national rule exists, STANDARDS.md 3; the demo housing data
 * follows it too):
 * - Chinese: the surname is kept, every other character becomes one '*' (张三丰 -> 张**); a compound surname is
 *   kept whole when the name is longer than it (欧阳娜 -> 欧阳*, but 欧阳 alone reads as surname 欧 + name 阳 ->
 *   欧*); a one-character name becomes '*'. Middle dots of minority names and spaces stay (阿依古丽·买买提 ->
 *   阿***·***).
 * - Latin letters: each word keeps its first letter, every other letter becomes '*' (Zhang San -> Z**** S**);
 *   when that would leave nothing masked (only initials), every letter is masked.
 */
import { isMaskCharacter } from './digit-masking';

/**
 * Kept whole in front of a longer name. Only compound surnames whose first character is rarely a surname on its
 * own are listed: a wrong guess reveals one character of the given name. Ambiguous ones (单于, 万俟, 第五) are
 * left out, so 单于洋 masks as 单**.
 */
export const COMPOUND_SURNAMES: readonly string[] = [
  '欧阳', '司马', '上官', '诸葛', '东方', '皇甫', '尉迟', '公孙', '慕容', '长孙', '宇文', '司徒', '夏侯', '轩辕',
  '令狐', '钟离', '闾丘', '端木', '南宫', '独孤', '西门', '百里', '呼延', '澹台', '公冶', '宗政', '濮阳', '淳于',
  '太叔', '申屠', '公羊', '赫连', '拓跋', '鲜于', '司空', '左丘', '东郭', '羊舌', '微生', '谷梁', '段干', '爱新觉罗',
];

const HAN = /\p{Script=Han}/u;
const LATIN = /\p{Script=Latin}/u;
const LATIN_WORD = /[\p{L}*×＊]+/gu;
/** Words of one letter (kept or masked) followed by mask characters, between the punctuation names carry. */
const MASKED_LATIN_NAME = /^[\p{L}*×＊][*×＊]*(?:[\s\-'.,·]+[\p{L}*×＊][*×＊]*)*\.?$/u;

function isKeptSeparator(char: string): boolean {
  return char === '·' || char === '•' || char === '・' || char.trim() === '';
}

function isLatinName(name: string): boolean {
  return !HAN.test(name) && LATIN.test(name);
}

function surnameLength(chars: string[]): number {
  const name = chars.join('');
  const compound = COMPOUND_SURNAMES.find((surname) => name.startsWith(surname) && chars.length > Array.from(surname).length);
  return compound ? Array.from(compound).length : 1;
}

/** The masked name; mask characters already present are kept, so masking twice changes nothing. */
export function maskName(value: string): string {
  const name = value.trim();
  if (name === '') return name;
  return isLatinName(name) ? maskLatinName(name) : maskHanName(name);
}

function maskHanName(name: string): string {
  const chars = Array.from(name);
  if (chars.length === 1) return isMaskCharacter(chars[0]) ? name : '*';
  const kept = surnameLength(chars);
  return chars.map((char, i) => (i < kept || isKeptSeparator(char) || isMaskCharacter(char) ? char : '*')).join('');
}

function maskLatinName(name: string): string {
  const masked = name.replace(LATIN_WORD, (word) => {
    const chars = Array.from(word);
    return chars[0] + chars.slice(1).map((char) => (isMaskCharacter(char) ? char : '*')).join('');
  });
  // Initials only ("A B"): keeping them would publish the whole name.
  if (Array.from(masked).some(isMaskCharacter)) return masked;
  return masked.replace(/\p{L}/gu, '*');
}

/** True for a name in the masked form: at least one mask character and nothing but the kept part unmasked. */
export function isMaskedName(value: string): boolean {
  const name = value.trim();
  const chars = Array.from(name);
  const firstMask = chars.findIndex(isMaskCharacter);
  if (firstMask < 0) return false;
  if (isLatinName(name)) return MASKED_LATIN_NAME.test(name);
  const kept = chars.slice(0, firstMask);
  const keptIsSurname = kept.length === 0 || (kept.length === 1 && HAN.test(kept[0])) || COMPOUND_SURNAMES.includes(kept.join(''));
  return keptIsSurname && chars.slice(firstMask).every((char) => isMaskCharacter(char) || isKeptSeparator(char));
}
