import { CopyText, copyFieldOrder } from './copy-text';

describe('CopyText', () => {
  it('writes CSV lines: the row number, then the fields in the given order; NULL as an empty cell', () => {
    const text = new CopyText([2, 0, 1]);
    text.row(2, ['a', 12, null], null);
    text.row(3, [true, 0.5, 'b'], null);
    expect(text.pending).toBe(2);
    expect(text.take()).toBe('2,,a,12\n3,b,t,0.5\n');
    expect(text.pending).toBe(0);
    expect(text.take()).toBe('');
  });

  it('quotes strings that hold a delimiter, a quote or a line break, and the empty string (unquoted it is NULL)', () => {
    const text = new CopyText([0, 1, 2, 3, 4, 5]);
    text.row(7, ['a,b', 'say "hi"', 'two\nlines', 'cr\rhere', '', 'tab\tand\\backslash'], null);
    expect(text.take()).toBe('7,"a,b","say ""hi""","two\nlines","cr\rhere","",tab\tand\\backslash\n');
  });

  it('passes a line as written through, with its row number in front, whatever the values', () => {
    const text = new CopyText([0, 1]);
    text.row(41, ['ignored', 1], 'x,2025-01-02 03:04');
    expect(text.take()).toBe('41,x,2025-01-02 03:04\n');
  });
});

describe('copyFieldOrder', () => {
  it('lists the fields present in the file in the order of their columns', () => {
    expect(copyFieldOrder([2, -1, 0, 1])).toEqual([2, 3, 0]);
    expect(copyFieldOrder([-1, -1])).toEqual([]);
  });
});
