import { chunked, collectRows } from './__fixtures__/streams';
import { JsonArraySplitter } from './json-array-splitter';
import { JsonFormatError, readJson } from './json-reader';
import { MAX_JSON_DEPTH, jsonCellText } from './json-rows';

async function read(text: string, size?: number, batchSize?: number) {
  const json = readJson(chunked(text, size), { batchSize });
  return { layout: await json.layout, ...(await collectRows(json.batches)) };
}

const ARRAY = `[
  {"城市": "衡阳市", "AQI": 57, "达标": true, "备注": null},
  {"AQI": 42.5, "城市": "长沙市", "站点": {"名称": "经开区", "编码": "1002A"}},
  {"城市": "北京市", "AQI": 105, "达标": false, "备注": "轻度污染", "tags": ["O3", "PM2.5"]}
]`;

const EXPECTED = [
  ['城市', 'AQI', '达标', '备注'],
  ['衡阳市', '57', 'true', ''],
  ['长沙市', '42.5', '', '', '{"名称":"经开区","编码":"1002A"}'],
  ['北京市', '105', 'false', '轻度污染', '["O3","PM2.5"]'],
];

describe('readJson', () => {
  it('reads an array of objects: first keys are the header, missing keys blank, extra keys appended', async () => {
    for (const size of [undefined, 1, 7]) {
      const { layout, rows, error } = await read(ARRAY, size);
      expect(error).toBeNull();
      expect(layout).toBe('array');
      expect(rows).toEqual(EXPECTED);
    }
  });

  it('reads NDJSON the same way, blank lines and CRLF included', async () => {
    const ndjson = ARRAY.slice(1, -1)
      .split('\n')
      .map((line) => line.trim().replace(/,$/, ''))
      .join('\r\n');
    for (const size of [undefined, 1, 5]) {
      const { layout, rows, error } = await read(`${ndjson}\r\n\r\n`, size);
      expect(error).toBeNull();
      expect(layout).toBe('ndjson');
      expect(rows).toEqual(EXPECTED);
    }
  });

  it('numbers rows from the header, across batches', async () => {
    const records = Array.from({ length: 5 }, (_, i) => JSON.stringify({ n: i }));
    const { rows, starts } = await read(`[${records.join(',')}]`, 3, 2);
    expect(rows).toEqual([['n'], ['0'], ['1'], ['2'], ['3'], ['4']]);
    expect(starts).toEqual([1, 3, 5]);
  });

  it('reads Frictionless inline data: an array of arrays whose first is the header', async () => {
    expect((await read('[["id","name"],[1,"中国人"],[2,null,true]]')).rows).toEqual([['id', 'name'], ['1', '中国人'], ['2', '', 'true']]);
  });

  it('reports malformed JSON with its record number, after the rows before it', async () => {
    const array = await read('[{"a":1},{"a":2},{"a":3,}]', 4);
    expect(array.rows).toEqual([['a'], ['1'], ['2']]);
    expect(array.error).toBeInstanceOf(JsonFormatError);
    expect(array.error).toMatchObject({ recordNumber: 3 });
    const ndjson = await read('{"a":1}\n\n{"a":2\n{"a":3}\n');
    expect(ndjson.error).toMatchObject({ recordNumber: 2 });
    expect(ndjson.error?.message).toMatch(/record 2 \(line 3\)/);
  });

  it('reports structural errors of the array', async () => {
    const cases: Array<[string, number]> = [
      ['[{"a":1} {"a":2}]', 2],
      ['[{"a":1},]', 2],
      ['[{"a":1}', 2],
      ['[{"a":1}] x', 2],
      ['[{"a":1}, 3]', 2],
      ['"just a string"', 1],
    ];
    for (const [text, recordNumber] of cases) {
      const { error } = await collectRows(readJson(chunked(text)).batches);
      expect([text, error instanceof JsonFormatError, (error as JsonFormatError).recordNumber]).toEqual([text, true, recordNumber]);
    }
  });

  it('refuses records nested past the limit, as a format error of that record, without overflowing the stack', async () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    for (const text of [deep, `[{"a":1}, {"a": ${deep}}]`, `{"a":1}\n{"a":${deep}}\n`]) {
      const { error } = await collectRows(readJson(chunked(text, 4096)).batches);
      expect(error).toBeInstanceOf(JsonFormatError);
      expect(error?.message).toContain(`nested more than ${MAX_JSON_DEPTH} levels deep`);
      expect((error as JsonFormatError).recordNumber).toBe(text === deep ? 1 : 2);
    }
    // A record of exactly the limit reads: itself, then 63 levels of arrays in a cell.
    const limit = `[{"a": ${'['.repeat(MAX_JSON_DEPTH - 1)}${']'.repeat(MAX_JSON_DEPTH - 1)}}]`;
    expect((await read(limit)).error).toBeNull();
    expect((await read(`{"a": ${'['.repeat(MAX_JSON_DEPTH - 1)}${']'.repeat(MAX_JSON_DEPTH - 1)}}`)).error).toBeNull();
    expect((await read(`{"a": ${'['.repeat(MAX_JSON_DEPTH)}${']'.repeat(MAX_JSON_DEPTH)}}`)).error?.message).toContain('levels deep');
  });

  it('refuses NUL characters and unpaired surrogates written as JSON escapes, in values and keys', async () => {
    const cases: Array<[string, RegExp]> = [
      ['[{"a":"x"},{"a":"y\\u0000z"}]', /record 2, field "a": .*U\+0000/],
      ['{"a":"x"}\n{"a":"\\ud800"}\n', /record 2, field "a": .*surrogate/],
      ['[["a","b"],["1","\\udc00"]]', /record 2, field 2: .*surrogate/],
      ['[{"k\\u0000":1}]', /record 1, key "k\\u0000": .*U\+0000/],
    ];
    for (const [text, message] of cases) {
      const { error } = await collectRows(readJson(chunked(text)).batches);
      expect([text, error?.message]).toEqual([text, expect.stringMatching(message)]);
    }
    // Nested values keep the escape as JSON text, which any table can store.
    expect((await read('[{"a":{"b":"\\u0000"}}]')).rows).toEqual([['a'], ['{"b":"\\u0000"}']]);
  });

  it('reads an empty or blank text, and an empty array, as no rows', async () => {
    for (const text of ['', '  \n', '[]', ' [ ] ']) expect(await read(text)).toMatchObject({ rows: [], error: null });
  });
});

describe('JsonArraySplitter', () => {
  it('finds element ends despite brackets, commas and escaped quotes inside strings', () => {
    const splitter = new JsonArraySplitter();
    const out: string[] = [];
    const text = '[{"a":"x\\"],{"}, {"b":[1,{"c":"\\\\"}]} ,"s",-1.5e3]';
    for (const char of text) splitter.push(char, out);
    splitter.end();
    expect(out.map((element) => JSON.parse(element))).toEqual([{ a: 'x"],{' }, { b: [1, { c: '\\' }] }, 's', -1500]);
  });
});

describe('jsonCellText', () => {
  it.each([
    ['text', 'text'],
    [0.1, '0.1'],
    [12, '12'],
    [true, 'true'],
    [false, 'false'],
    [null, ''],
    [{ a: [1] }, '{"a":[1]}'],
  ])('%p -> %p', (value, expected) => expect(jsonCellText(value)).toBe(expected));
});
