import { PALETTE, type ChartOption } from './chart-options';

/** A place to draw: its name, position, and what colours it (an AQI, or a category such as the utility's trade). */
export interface MapPoint {
  name: string;
  lon: number;
  lat: number;
  aqi: number | null;
  category: string | null;
}

// AQI levels after HJ 633-2012, with colours dark enough to read on white.
export const AQI_LEVELS = [
  { max: 50, color: '#1a7f37' },
  { max: 100, color: '#8a6d00' },
  { max: 150, color: '#c2540a' },
  { max: 200, color: '#b42318' },
  { max: 300, color: '#6f2dbd' },
  { max: Infinity, color: '#7a1631' },
];

/** Above this many points, names are shown on hover only: dozens of labels would cover each other. */
const LABELLED_POINTS = 20;

export function aqiColour(aqi: number | null): string {
  if (aqi === null) return '#555b63';
  return AQI_LEVELS.find((level) => aqi <= level.max)!.color;
}

/** The categories of the points in a stable order, each with its colour. */
export function categoryColours(points: readonly MapPoint[]): Map<string, string> {
  const names = [...new Set(points.map((point) => point.category).filter((name): name is string => !!name))].sort((a, b) => a.localeCompare(b, 'zh-CN'));
  return new Map(names.map((name, index) => [name, PALETTE[index % PALETTE.length]]));
}

const escape = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

/**
 * Points on a longitude/latitude plane at equal scale: a degree of longitude drawn cos(latitude) as long as a
 * degree of latitude, the narrower span widened to the drawing's proportions.
 */
export function mapOption(points: readonly MapPoint[], width: number, height: number, axes: { longitude: string; latitude: string }): ChartOption {
  const lons = points.map((point) => point.lon);
  const lats = points.map((point) => point.lat);
  let [lonMin, lonMax, latMin, latMax] = [Math.min(...lons), Math.max(...lons), Math.min(...lats), Math.max(...lats)];
  const scale = Math.cos((((latMin + latMax) / 2) * Math.PI) / 180);
  let lonSpan = Math.max(lonMax - lonMin, 0.01) * 1.3;
  let latSpan = Math.max(latMax - latMin, 0.01) * 1.3;
  const ratio = (width - 100) / Math.max(height - 60, 1);
  if ((lonSpan * scale) / latSpan < ratio) lonSpan = (latSpan * ratio) / scale;
  else latSpan = (lonSpan * scale) / ratio;
  const lonMid = (lonMin + lonMax) / 2;
  const latMid = (latMin + latMax) / 2;
  [lonMin, lonMax, latMin, latMax] = [lonMid - lonSpan / 2, lonMid + lonSpan / 2, latMid - latSpan / 2, latMid + latSpan / 2];
  const colours = categoryColours(points);
  const colour = (point: MapPoint) => (point.category ? (colours.get(point.category) ?? PALETTE[0]) : point.aqi !== null ? aqiColour(point.aqi) : PALETTE[0]);
  const degrees = (value: number) => `${value.toFixed(2)}°`;
  const axis = (name: string, min: number, max: number, gap: number) => ({
    type: 'value',
    min,
    max,
    name,
    nameLocation: 'middle',
    nameGap: gap,
    nameTextStyle: { color: '#30363d' },
    axisLabel: { showMinLabel: false, showMaxLabel: false, formatter: degrees, color: '#30363d' },
    splitLine: { lineStyle: { color: '#e6e9ee' } },
  });
  return {
    aria: { enabled: true },
    tooltip: {
      trigger: 'item',
      formatter: (item: { data: { point: MapPoint } }) => {
        const { point } = item.data;
        const extra = point.aqi !== null ? `<br>AQI ${Math.round(point.aqi)}` : point.category ? `<br>${escape(point.category)}` : '';
        return `${escape(point.name)}<br>${point.lon.toFixed(4)}°E, ${point.lat.toFixed(4)}°N${extra}`;
      },
    },
    grid: { left: 70, right: 30, top: 20, bottom: 40 },
    xAxis: axis(axes.longitude, lonMin, lonMax, 26),
    yAxis: axis(axes.latitude, latMin, latMax, 52),
    series: [
      {
        type: 'scatter',
        symbolSize: points.length > LABELLED_POINTS ? 10 : 14,
        data: points.map((point) => ({ name: point.name, value: [point.lon, point.lat], point, itemStyle: { color: colour(point), opacity: 0.9 } })),
        label: { show: points.length <= LABELLED_POINTS, position: 'right', formatter: '{b}', color: '#1f2328', fontSize: 12 },
        labelLayout: { hideOverlap: true },
      },
    ],
  };
}
