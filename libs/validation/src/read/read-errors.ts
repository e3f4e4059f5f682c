import { MessageText, bilingual } from '@opendata/common';

/**
 * The errors a table reader throws. Each maps to a Frictionless source error type (encoding-error,
 * format-error, source-error) so reports built from them read like frictionless-py's. Their messages come
 * from the catalogue; `text` keeps both languages apart for a message that quotes them.
 */
abstract class ReadError extends Error {
  constructor(readonly text: MessageText) {
    super(bilingual(text));
    this.name = new.target.name;
  }
}

/** Bytes that the encoding cannot decode; `bytePosition` is 0-based in the file, counting any BOM. */
export class EncodingError extends ReadError {
  constructor(
    readonly encoding: string,
    readonly bytePosition: number,
    readonly byte: number,
    text: MessageText,
  ) {
    super(text);
  }
}

/** The bytes are a known binary format (a ZIP/XLSX, an XLS, a PDF, gzip), not text. */
export class NotTextError extends ReadError {
  constructor(
    readonly kind: string,
    text: MessageText,
  ) {
    super(text);
  }
}

/** Malformed CSV (an unclosed quote, an over-long record); `rowNumber` is 1-based, the header being row 1. */
export class CsvFormatError extends ReadError {
  constructor(
    readonly rowNumber: number,
    text: MessageText,
  ) {
    super(text);
  }
}

/** Malformed JSON; `recordNumber` is 1-based over the array's elements or the NDJSON lines that hold a value. */
export class JsonFormatError extends ReadError {
  constructor(
    readonly recordNumber: number,
    text: MessageText,
  ) {
    super(text);
  }
}

/** An XLSX workbook that cannot be read (not a valid ZIP, no worksheet). */
export class XlsxFormatError extends ReadError {}
