import { label, toNumber, type Group } from './chart-data';

/**
 * ECharts options of the dataset page's charts, built from aggregate groups. Colours are darker than ECharts'
 * defaults (its pale green and yellow lines cannot be told apart on white) and distinct in hue order.
 */
export const PALETTE = ['#0b5cad', '#c2540a', '#1a7f37', '#8e3ab8', '#b42318', '#00838f', '#7a6a00', '#4a5563', '#c2185b', '#2e6b4f', '#5c6bc0', '#8d6e63'];

export type ChartOption = Record<string, unknown>;

export interface SeriesChart {
  x: string;
  grouping: string;
  kind: 'line' | 'bar';
  xTitle: string;
  yTitle: string;
  /** A series that is the total of the others: listed in the legend, hidden until the reader shows it. */
  total?: string;
  number: (value: number) => string;
}

const AXIS_TEXT = { color: '#30363d' };

/** Series drawn at first; the others (the smallest) wait in the legend, so that a chart of 20 units stays legible. */
export const SHOWN_SERIES = 8;

/** Which series start hidden: a total of the others, and the smallest beyond SHOWN_SERIES. */
export function hiddenSeries(bySeries: Map<string, Map<string, number | null>>, total?: string): string[] {
  const parts = [...bySeries.keys()].filter((name) => name !== total);
  const hidden = total && parts.length && bySeries.has(total) ? [total] : [];
  if (parts.length <= SHOWN_SERIES) return hidden;
  const size = (name: string) => [...bySeries.get(name)!.values()].reduce<number>((sum, value) => sum + Math.abs(value ?? 0), 0);
  return [...hidden, ...parts.sort((a, b) => size(b) - size(a)).slice(SHOWN_SERIES)];
}

/** One series per value of the grouping field, along the x values in order. */
export function seriesOption(groups: Group[], chart: SeriesChart): ChartOption {
  const xs = [...new Set(groups.map((group) => label(group.key[chart.x])))].sort();
  const bySeries = new Map<string, Map<string, number | null>>();
  for (const group of groups) {
    const name = label(group.key[chart.grouping]);
    if (!bySeries.has(name)) bySeries.set(name, new Map());
    bySeries.get(name)!.set(label(group.key[chart.x]), toNumber(group.values[0]));
  }
  const long = xs.length > 60;
  const hidden = Object.fromEntries(hiddenSeries(bySeries, chart.total).map((name) => [name, false]));
  return {
    color: PALETTE,
    aria: { enabled: true },
    tooltip: { trigger: 'axis', valueFormatter: (value: unknown) => (typeof value === 'number' ? chart.number(value) : '—') },
    legend: { type: 'scroll', top: 0, left: 0, right: 0, selected: hidden, textStyle: AXIS_TEXT },
    grid: { left: 8, right: 16, top: 64, bottom: long ? 64 : 32, containLabel: true },
    xAxis: { type: 'category', data: xs, name: chart.xTitle, nameLocation: 'middle', nameGap: 28, nameTextStyle: AXIS_TEXT, axisLabel: { ...AXIS_TEXT, hideOverlap: true } },
    yAxis: { type: 'value', name: chart.yTitle, nameTextStyle: { ...AXIS_TEXT, align: 'left' }, axisLabel: { ...AXIS_TEXT, formatter: chart.number } },
    dataZoom: long ? [{ type: 'slider', bottom: 8, height: 20 }] : [],
    series: [...bySeries].map(([name, points]) => ({
      name,
      type: chart.kind,
      showSymbol: !long,
      connectNulls: false,
      data: xs.map((value) => points.get(value) ?? null),
    })),
  };
}

// GB 3838-2002 classes in the colours water bulletins use (blue for good water, through green and yellow, to red
// for worse than class V), darkened to stand out on white.
const WATER_CLASS_COLOURS = ['#0e7fb8', '#0b5cad', '#1a7f37', '#a07800', '#c2540a', '#b42318'];
const ROMAN: Record<string, number> = { I: 1, II: 2, III: 3, IV: 4, V: 5, Ⅰ: 1, Ⅱ: 2, Ⅲ: 3, Ⅳ: 4, Ⅴ: 5 };

/** The rank (1-6) of a water class written "II类", "Ⅲ 类", "劣V类" or "3", for ordering and colour. */
export function waterClassRank(text: string): number | undefined {
  if (text.includes('劣')) return 6;
  const numeral = /([IVⅠⅡⅢⅣⅤ]+|\d)/.exec(text)?.[1];
  if (!numeral) return undefined;
  const rank = /\d/.test(numeral) ? Number(numeral) : ROMAN[numeral];
  return rank >= 1 && rank <= 6 ? rank : undefined;
}

/** Rows counted by class, one stacked bar per place: e.g. how often each section met each water class. */
export function classOption(groups: Group[], by: string, field: string, countTitle: string): ChartOption {
  const places = [...new Set(groups.map((group) => label(group.key[by])))];
  const rank = (name: string) => waterClassRank(name) ?? 99;
  const classes = [...new Set(groups.map((group) => label(group.key[field])))].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  const count = (place: string, name: string) => toNumber(groups.find((group) => label(group.key[by]) === place && label(group.key[field]) === name)?.values[0]) ?? 0;
  return {
    aria: { enabled: true },
    tooltip: { trigger: 'axis' },
    legend: { top: 0, textStyle: AXIS_TEXT },
    grid: { left: 8, right: 16, top: 40, bottom: 28, containLabel: true },
    xAxis: { type: 'value', name: countTitle, nameLocation: 'middle', nameGap: 24, nameTextStyle: AXIS_TEXT, axisLabel: AXIS_TEXT },
    yAxis: { type: 'category', data: places, axisLabel: AXIS_TEXT },
    series: classes.map((name, index) => ({
      name,
      type: 'bar',
      stack: 'classes',
      itemStyle: { color: WATER_CLASS_COLOURS[rank(name) - 1] ?? PALETTE[index % PALETTE.length] },
      data: places.map((place) => count(place, name)),
    })),
  };
}
