import { normalizeLabel } from '../check/header-mapping';
import { TableSchema } from '../schema/table-schema';

/** What the collection standards already call a header: a field name, its Chinese title and English title. */
export interface KnownField {
  name: string;
  title: string;
  titleEn: string | null;
}

/**
 * The platform's vocabulary: every name, title and alias of the built-in collection standards, so that a file
 * whose header says 监测时间 or stationcode gets the name and titles the standards use (time, station_code).
 * A label the standards use for different fields (area is a city in one, a floor area in another) is left out.
 */
export function knownFields(schemas: readonly TableSchema[]): Map<string, KnownField> {
  const found = new Map<string, KnownField | null>();
  for (const schema of schemas) {
    for (const field of schema.fields) {
      for (const label of new Set([field.name, field.title, ...field.aliases].map(normalizeLabel))) {
        const known = found.get(label);
        if (known === undefined) found.set(label, { name: field.name, title: field.title, titleEn: field.titleEn });
        else if (known !== null && known.name !== field.name) found.set(label, null);
      }
    }
  }
  return new Map([...found].filter((entry): entry is [string, KnownField] => entry[1] !== null));
}

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;

export function hasCjk(text: string): boolean {
  return CJK.test(text);
}

/** A column name from an ASCII header (PM2.5 -> pm2_5, CF_XDR_MC -> cf_xdr_mc); null for Chinese headers. */
export function asciiName(header: string): string | null {
  const text = header.normalize('NFKC').trim();
  if (text === '' || hasCjk(text) || !/^[\x20-\x7e]+$/.test(text)) return null;
  let name = text.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '');
  if (name === '') return null;
  if (!/^[a-z]/.test(name)) name = `c_${name}`;
  return name.slice(0, 63).replace(/_+$/, '');
}

/** Units agencies put in brackets after a header: 金额(万元), 溶解氧(mg/L), 水温(℃), 面积(平方米). */
const UNIT = /^(?:[万亿千百]?(?:元|人|户|人次|次|件|个|吨|立方米|平方米|公顷|亩|千瓦时|公里|千米|米)|元\/[^\s()]{1,3}|[a-zA-Zμµ]{1,6}\/[a-zA-Z0-9³²]{1,5}|℃|°C?|°|%|‰|NTU|mm|cm|km|m[²³]?|kg|t|dB(?:\(A\))?|hPa|m\/s)$/;

export function unitOf(header: string): string | null {
  const match = /[(（]([^()（）]{1,12})[)）]\s*$/.exec(header.trim());
  return match && UNIT.test(match[1].trim()) ? match[1].trim() : null;
}

/** The draft's x-id from a file name: its ASCII words, or a stable name derived from a Chinese one. */
export function schemaIdFrom(fileName: string, reserved: ReadonlySet<string>, hash: (text: string) => string): string {
  const stem = fileStem(fileName);
  let id = stem.normalize('NFKC').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 50).replace(/-+$/, '');
  if (id.length < 3 || hasCjk(stem)) id = id.length >= 3 ? `${id}-${hash(stem).slice(0, 6)}` : `draft-${hash(stem).slice(0, 8)}`;
  if (reserved.has(id)) id = `${id}-custom`;
  return id;
}

export function fileStem(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  return base.replace(/\.[A-Za-z0-9]{1,5}$/, '').trim() || 'table';
}
