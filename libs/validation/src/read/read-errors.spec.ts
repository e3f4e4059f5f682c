import { messageText } from '@opendata/common';
import { CsvFormatError, EncodingError, JsonFormatError, NotTextError, XlsxFormatError } from './read-errors';

describe('reader errors', () => {
  it('are errors named after their class, carrying where the problem is', () => {
    const m = messageText('read.empty');
    const errors = [new EncodingError('GB18030', 3, 0xff, m), new NotTextError('zip', m), new CsvFormatError(2, m), new JsonFormatError(4, m), new XlsxFormatError(m)];
    expect(errors.map((e) => e.name)).toEqual(['EncodingError', 'NotTextError', 'CsvFormatError', 'JsonFormatError', 'XlsxFormatError']);
    expect(errors.every((e) => e instanceof Error && e.message === '文件为空 (the source is empty)' && e.text === m)).toBe(true);
    expect(errors.slice(0, 4)).toMatchObject([{ encoding: 'GB18030', bytePosition: 3, byte: 0xff }, { kind: 'zip' }, { rowNumber: 2 }, { recordNumber: 4 }]);
    expect(String(errors[2])).toBe('CsvFormatError: 文件为空 (the source is empty)');
  });
});
