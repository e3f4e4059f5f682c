import { bilingual } from '@opendata/common';
import { CellValue } from '../check/cell-readers';
import { loadBuiltInSchemas } from '../schema/schema-loader';
import { compileRowRules } from './row-rules';

describe('gb3838-water-class rule', () => {
  const schema = loadBuiltInSchemas().find((s) => s.id === 'surface-water')!;
  const [rule] = compileRowRules(schema);
  const at = (name: string) => schema.fields.findIndex((f) => f.name === name);

  /** 太湖 拖山 in the CNEMC snapshot of 2026-08-21: permanganate index 5.95 (Ⅲ), total phosphorus 0.071 (river Ⅱ, lake Ⅳ). */
  function check(declared: string): string[] {
    const values: Array<CellValue | null> = new Array(schema.fields.length).fill(null);
    values[at('water_class')] = declared;
    values[at('ph')] = 8.1;
    values[at('dissolved_oxygen')] = 7.9;
    values[at('permanganate_index')] = 5.95;
    values[at('total_phosphorus')] = 0.071;
    const messages: string[] = [];
    rule(values, (field, message) => messages.push(`${schema.fields[field].name}: ${bilingual(message)}`));
    return messages;
  }

  it('accepts the river rating', () => {
    expect(check('3')).toEqual([]);
  });

  it('accepts the lake rating too, since a row does not say whether its section is on a lake or reservoir', () => {
    expect(check('Ⅳ类')).toEqual([]);
  });

  it('reports a class that is neither, naming both ratings', () => {
    expect(check('2')).toEqual([
      'water_class: 按 GB 3838-2002 单因子评价，水质类别为Ⅲ类（permanganateIndex），按湖库限值为Ⅳ类；实际为 2' +
        ' (water class by GB 3838-2002 single-factor evaluation is Ⅲ类 (permanganateIndex), Ⅳ类 with the lake limits; found 2)',
    ]);
  });
});
