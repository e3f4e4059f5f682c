import { defaultSort, hasFilters, highlight, parseSearchState, searchQuery, searchVariables } from './search-state';

describe('search state in the URL', () => {
  it('reads every filter, drops unknown enum values, and defaults the sort by whether there is a search', () => {
    const state = parseSearchState({ q: ' 空气质量 ', organization: ['hy-env-bureau', 'hy-env-bureau'], open: ['UNCONDITIONAL', 'bogus'], domain: 'LIVELIHOOD', sort: 'nonsense' });
    expect(state).toEqual({
      q: '空气质量',
      organization: ['hy-env-bureau'],
      theme: [],
      tag: [],
      format: [],
      open: ['UNCONDITIONAL'],
      domain: ['LIVELIHOOD'],
      sort: 'relevance',
      after: '',
    });
    expect(parseSearchState({}).sort).toBe('modified');
  });

  it('writes the URL with defaults left out, so equal states give equal URLs', () => {
    expect(searchQuery(parseSearchState({ q: '公租房', sort: 'relevance' }))).toEqual({ q: '公租房' });
    expect(searchQuery(parseSearchState({ sort: 'downloads', tag: 'AQI' }))).toEqual({ tag: ['AQI'], sort: 'downloads' });
    const round = searchQuery(parseSearchState({ q: 'x', theme: ['ENVI', 'HEAL'], after: 'abc' }));
    expect(searchQuery(parseSearchState(round as never))).toEqual(round);
  });

  it('turns the state into the API variables', () => {
    const variables = searchVariables(parseSearchState({ q: '社保', format: 'CSV', domain: 'PUBLIC_SERVICE', sort: 'issued' }), 20);
    expect(variables).toEqual({
      search: '社保',
      filter: { format: ['CSV'], priorityDomain: ['PUBLIC_SERVICE'] },
      orderBy: { field: 'ISSUED' },
      first: 20,
      after: null,
    });
    expect(hasFilters(parseSearchState({ q: '社保' }))).toBe(false);
    expect(hasFilters(parseSearchState({ tag: 'AQI' }))).toBe(true);
    expect(defaultSort('')).toBe('modified');
  });
});

describe('highlight', () => {
  it('marks every term, longest first, case-insensitively, and escapes regular expression characters', () => {
    expect(highlight('衡阳市空气质量监测', ['空气', '空气质量'])).toEqual([
      { text: '衡阳市', hit: false },
      { text: '空气质量', hit: true },
      { text: '监测', hit: false },
    ]);
    expect(highlight('PM2.5 and pm2.5', ['pm2.5'])).toEqual([
      { text: 'PM2.5', hit: true },
      { text: ' and ', hit: false },
      { text: 'pm2.5', hit: true },
    ]);
    expect(highlight('a(b)', ['(b'])).toEqual([
      { text: 'a', hit: false },
      { text: '(b', hit: true },
      { text: ')', hit: false },
    ]);
    expect(highlight('无匹配', [])).toEqual([{ text: '无匹配', hit: false }]);
  });
});
