/**
 * Signatures of files that are not text. A text decoder accepts many of them (an .xls decodes as GB18030
 * garbage), so they are recognised before decoding and reported as what they are.
 */

export type BinaryKind = 'zip' | 'xls' | 'pdf' | 'gzip';

const SIGNATURES: Array<{ kind: BinaryKind; bytes: number[] }> = [
  // Local file header, empty archive and spanned archive: XLSX, ODS and DOCX are all ZIP files.
  { kind: 'zip', bytes: [0x50, 0x4b, 0x03, 0x04] },
  { kind: 'zip', bytes: [0x50, 0x4b, 0x05, 0x06] },
  { kind: 'zip', bytes: [0x50, 0x4b, 0x07, 0x08] },
  // OLE2 compound document: Excel 97-2003 .xls (and .doc).
  { kind: 'xls', bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] },
  { kind: 'pdf', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { kind: 'gzip', bytes: [0x1f, 0x8b] },
];

/** The longest signature: how many leading bytes a caller must have to decide. */
export const MAGIC_LENGTH = 8;

export function detectBinaryKind(firstBytes: Uint8Array): BinaryKind | null {
  for (const signature of SIGNATURES) {
    if (firstBytes.length < signature.bytes.length) continue;
    if (signature.bytes.every((b, i) => firstBytes[i] === b)) return signature.kind;
  }
  return null;
}
