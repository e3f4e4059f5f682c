/** A field of a file's schema, as the preview, the chart and the map read it. */
export interface FieldInfo {
  name: string;
  title: string;
  titleEn?: string | null;
  type: string;
  unit?: string | null;
}

/** A field's name in the reader's language, with its unit when asked: "细颗粒物 (μg/m³)". */
export function fieldTitle(fields: readonly FieldInfo[], name: string, english: boolean, withUnit = true): string {
  const field = fields.find((item) => item.name === name);
  if (!field) return name;
  const text = (english && field.titleEn) || field.title;
  return withUnit && field.unit ? `${text} (${field.unit})` : text;
}
