import { chunked, collectRows, fixture } from './__fixtures__/streams';
import { CsvFormatError, CsvReadOptions, readCsv } from './csv-reader';
import { sniffDialect } from './csv-sniffer';
import { EncodingError } from './read-errors';
import { encodingError } from './chunk-decoder';

async function read(text: string, options: CsvReadOptions = {}, size?: number) {
  const csv = readCsv(chunked(text, size), options);
  return { dialect: await csv.dialect, ...(await collectRows(csv.batches)) };
}

const text = (name: string): string => fixture(name).toString('utf8');
const FOO = [
  ['Foo', 'Bsr', 'Baz'],
  ['Biff', 'Baff', 'Boff'],
  ['Qux', 'Teaspoon', 'Doge'],
];

describe('readCsv', () => {
  it('reads frictionless escaping.csv with escapeChar "\\"', async () => {
    const { rows, dialect } = await read(text('escaping.csv'), { escapeChar: '\\' });
    expect(rows).toEqual([
      ['ID', 'Test'],
      ['1', 'Test line 1'],
      ['2', 'Test " line 2'],
      ['3', 'Test " line 3'],
    ]);
    expect(dialect).toMatchObject({ delimiter: ',', escape: '\\', skipInitialSpace: true });
  });

  it('sniffs the semicolon of issue-1009-semicolon.csv and delimiter.csv, keeping text as text', async () => {
    const semicolon = await read(text('issue-1009-semicolon.csv'));
    expect(semicolon.dialect.delimiter).toBe(';');
    expect(semicolon.rows).toEqual([['fieldNameA', 'fieldNameB'], ['0123', 'c']]);
    expect((await read(text('delimiter.csv'))).rows).toEqual([['id', 'name'], ['1', 'english'], ['2', '中国人']]);
  });

  it.each([
    ['lf-line-endings.csv', 'lf'],
    ['crlf-line-endings.csv', 'crlf'],
    ['cr-line-endings.csv', 'cr'],
    ['inconsistent-line-endings.csv', 'mixed'],
    ['inconsistent-line-endings-unquoted.csv', 'mixed'],
  ])('reads csvlint %s (line endings %s) in any chunking', async (name, lineEnding) => {
    for (const size of [undefined, 1, 5]) {
      const { rows, dialect, error } = await read(text(name), {}, size);
      expect(error).toBeNull();
      expect(dialect.lineEnding).toBe(lineEnding);
      expect(rows.slice(1)).toEqual(FOO.slice(1));
    }
  });

  it('reports csvlint 02_unclosed_quote.csv as a format error at row 2, after row 1', async () => {
    const { rows, error } = await read(text('02_unclosed_quote.csv'));
    expect(rows).toEqual([['col1', 'col2', 'col3']]);
    expect(error).toBeInstanceOf(CsvFormatError);
    expect(error).toMatchObject({ rowNumber: 2 });
  });

  it('keeps blank rows in the numbering: frictionless invalid.csv row 4, csvlint 05_blank_rows.csv rows 4-5', async () => {
    const invalid = await read(text('invalid.csv'), { batchSize: 2 });
    expect(invalid.rows).toEqual([['id', 'name', '', 'name'], ['1', 'english'], ['1', 'english'], [], ['2', 'german', '1', '2', '3']]);
    expect(invalid.starts).toEqual([1, 3, 5]);
    const blank = await read(text('05_blank_rows.csv'));
    expect(blank.rows.map((row) => row.length)).toEqual([3, 3, 3, 0, 0]);
  });

  it('counts a record spanning lines as one row', async () => {
    const { rows } = await read('id,note\n1,"two\nlines"\n2,x\n', { batchSize: 1 });
    expect(rows).toEqual([['id', 'note'], ['1', 'two\nlines'], ['2', 'x']]);
  });

  it('reads csvlint invalid_many_rows.csv like Python: the stray quote stays in the cell', async () => {
    const { rows, error } = await read(text('invalid_many_rows.csv'));
    expect(error).toBeNull();
    expect(rows[3]).toEqual(['1', '2', '3 "']);
    expect(rows[4]).toEqual(['3', 'two', '1']);
    expect(rows[7]).toEqual([]);
  });

  it('sniffs tab and pipe delimiters, and takes a forced one as given', async () => {
    expect((await read('a\tb\tc\n1\t2\t3\n')).dialect.delimiter).toBe('\t');
    expect((await read('a|b\n1|2,5\n')).dialect.delimiter).toBe('|');
    expect((await read('a;b,c\n1;2,3\n', { delimiter: ';' })).rows).toEqual([['a', 'b,c'], ['1', '2,3']]);
  });

  it('prefers the delimiter giving consistent rows, quotes respected', async () => {
    expect(sniffDialect('a;b\n1,5;2,5\n3,1;4,2\n', true).delimiter).toBe(';');
    expect(sniffDialect('name,desc\nA,"x;y;z"\nB,"p;q"\n', true).delimiter).toBe(',');
    expect(sniffDialect('"This is a title row",,\n"Foo","Bsr","Baz"\n"Biff","Baff","Boff"\n', true).delimiter).toBe(',');
    expect(sniffDialect('single\ncolumn\n', true).delimiter).toBe(',');
  });

  it('reads a chunk boundary inside a quoted field and inside CRLF', async () => {
    const csv = 'a,b\r\n"x,""y""\r\nz",2\r\n3,4\r\n';
    for (const size of [1, 2, 3]) {
      expect((await read(csv, {}, size)).rows).toEqual([['a', 'b'], ['x,"y"\r\nz', '2'], ['3', '4']]);
    }
  });

  it('delivers the rows before an error of the text stream, then throws it', async () => {
    async function* failing(): AsyncGenerator<string> {
      yield 'a,b\n1,2\n3,';
      throw encodingError('utf-8', 12, 0xff, 'invalid start byte');
    }
    const csv = readCsv(failing());
    expect((await csv.dialect).delimiter).toBe(',');
    const { rows, error } = await collectRows(csv.batches);
    expect(rows).toEqual([['a', 'b'], ['1', '2']]);
    expect(error).toBeInstanceOf(EncodingError);
  });

  it('reads an empty text as no rows', async () => {
    expect(await read('')).toMatchObject({ rows: [], error: null });
  });
});
