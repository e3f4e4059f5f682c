import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { computeHourlyAqi } from '@opendata/validation';

const HEADER = 'station_code,area,station_name,time,aqi,quality,primary_pollutant,so2,so2_24h,no2,no2_24h,pm10,pm10_24h,co,co_24h,o3,o3_24h,o3_8h,o3_8h_24h,pm2_5,pm2_5_24h';
const AREAS = ['衡阳市', '长沙市', '株洲市', '湘潭市', '岳阳市', '常德市', '郴州市', '永州市', '邵阳市', '娄底市'];

/** Deterministic generator (mulberry32). */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * Writes `rows` rows of hourly air quality (the air-quality-hourly collection standard, valid in every row:
 * each AQI, category and primary pollutant recomputed by HJ 633) for as many stations as needed, hour by hour.
 * About 100 bytes a row. With a delimiter other than a comma, the same rows with that delimiter.
 */
export async function writeAirQualityFile(path: string, rows: number, delimiter = ','): Promise<number> {
  const out = createWriteStream(path, { highWaterMark: 1 << 20 });
  const rnd = random(2026);
  const stations = Math.max(1, Math.ceil(rows / (24 * 365)));
  const hoursPerStation = Math.ceil(rows / stations);
  out.write(`${HEADER.split(',').join(delimiter)}\n`);
  let written = 0;
  let bytes = HEADER.length + 1;
  for (let s = 0; s < stations && written < rows; s++) {
    const code = `${String(2000 + s).padStart(4, '0')}A`;
    const area = AREAS[s % AREAS.length];
    const name = `${area.slice(0, 2)}监测站${s + 1}号`;
    let pm = 30 + rnd() * 20;
    const start = Date.UTC(2025, 0, 1);
    let chunk = '';
    for (let h = 0; h < hoursPerStation && written < rows; h++, written++) {
      const t = new Date(start + h * 3_600_000);
      const hour = t.getUTCHours();
      pm = Math.max(3, pm + (rnd() - 0.5) * 8);
      const o3 = Math.round(40 + 80 * Math.max(0, Math.sin(((hour - 8) / 24) * 2 * Math.PI)) + rnd() * 20);
      const c = { so2: Math.round(5 + rnd() * 10), no2: Math.round(15 + rnd() * 30), pm10: Math.round(pm * 1.6), pm2_5: Math.round(pm), co: Math.round((0.4 + rnd() * 0.6) * 10) / 10, o3 };
      const aqi = computeHourlyAqi(c);
      const time = `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())} ${pad(hour)}:00`;
      const primary = aqi.primaryPollutants.length > 1 ? `"${aqi.primaryPollutants.join(',')}"` : aqi.primaryPollutants.join(',');
      const cells = [code, area, name, time, aqi.aqi, aqi.category, primary, c.so2, c.so2, c.no2, c.no2, c.pm10, c.pm10, c.co, c.co, c.o3, c.o3, c.o3, c.o3, c.pm2_5, c.pm2_5];
      chunk += `${cells.join(delimiter)}\n`;
      if (chunk.length > 60_000) {
        bytes += Buffer.byteLength(chunk);
        if (!out.write(chunk)) await once(out, 'drain');
        chunk = '';
      }
    }
    bytes += Buffer.byteLength(chunk);
    out.write(chunk);
  }
  out.end();
  await once(out, 'finish');
  return bytes;
}
