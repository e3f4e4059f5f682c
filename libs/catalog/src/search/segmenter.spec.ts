import { indexTokens, normalize, queryTokens } from './segmenter';

describe('search segmentation', () => {
  it('keeps domain terms whole in queries', () => {
    expect(queryTokens('公租房')).toEqual(['公租房']);
    expect(queryTokens('住房公积金')).toEqual(['住房公积金']);
    expect(queryTokens('公积金缴存')).toEqual(['公积金', '缴存']);
    expect(queryTokens('双公示')).toEqual(['双公示']);
    expect(queryTokens('政府预决算')).toEqual(['政府', '预决算']);
  });

  it('segments ordinary Chinese with ICU and drops function words from queries', () => {
    expect(queryTokens('湖南省的环境监测')).toEqual(['湖南省', '环境', '监测']);
  });

  it('keeps place names of the gazetteer whole, so 衡阳县 does not match 衡南县 and 衡阳市', () => {
    expect(queryTokens('衡阳县')).toEqual(['衡阳县']);
    expect(indexTokens('衡南县环境监测站')).not.toContain('衡阳县');
    expect(indexTokens('衡阳县环境监测站')).toEqual(expect.arrayContaining(['衡阳', '县', '衡阳县']));
  });

  it('indexes every segment and every dictionary term they form', () => {
    const tokens = indexTokens('衡阳市住房公积金缴存情况');
    for (const expected of ['衡阳', '市', '住房', '公积金', '住房公积金', '缴存', '情况']) {
      expect(tokens).toContain(expected);
    }
  });

  it('lets the query for a compound find text indexed with its parts, and the reverse', () => {
    const indexed = new Set(indexTokens('衡阳市环境空气质量监测小时数据'));
    for (const query of ['空气质量', '空气', '质量监测', '衡阳市空气质量']) {
      expect(queryTokens(query).every((token) => indexed.has(token))).toBe(true);
    }
  });

  it('folds case and full-width forms, so English titles and ＰＭ２．５ are searchable', () => {
    expect(normalize('ＰＭ２．５')).toBe('pm2.5');
    expect(queryTokens('Hourly AIR Quality')).toEqual(['hourly', 'air', 'quality']);
    expect(indexTokens('Hourly air quality in Hengyang')).toEqual(
      expect.arrayContaining(['hourly', 'air', 'quality', 'hengyang']),
    );
  });

  it('returns nothing for punctuation-only input', () => {
    expect(queryTokens('，。！？')).toEqual([]);
  });
});
