import { WaterBody, WaterFactor, classifyWater, factorClass, WATER_CLASS_LABELS_ZH } from './water-quality';

describe('factorClass (GB 3838-2002 table 1)', () => {
  const cases: Array<[WaterFactor, number, WaterBody, number | null]> = [
    ['totalPhosphorus', 0.02, 'river', 1],
    ['totalPhosphorus', 0.1, 'river', 2],
    ['totalPhosphorus', 0.1001, 'river', 3],
    ['totalPhosphorus', 0.4, 'river', 5],
    ['totalPhosphorus', 0.41, 'river', 6],
    ['totalPhosphorus', 0.036, 'river', 2],
    ['totalPhosphorus', 0.036, 'lake', 3],
    ['totalPhosphorus', 0.137, 'lake', 5],
    ['totalPhosphorus', 0.21, 'lake', 6],
    ['dissolvedOxygen', 7.5, 'river', 1],
    ['dissolvedOxygen', 7.49, 'river', 2],
    ['dissolvedOxygen', 5, 'river', 3],
    ['dissolvedOxygen', 2, 'river', 5],
    ['dissolvedOxygen', 1.99, 'river', 6],
    ['permanganateIndex', 6.62, 'river', 4],
    ['permanganateIndex', 15.01, 'river', 6],
    ['ammoniaNitrogen', 0.15, 'river', 1],
    ['ammoniaNitrogen', 0.5, 'river', 2],
    ['ammoniaNitrogen', 3.693, 'river', 6],
    ['cod', 15, 'river', 1], // classes I and II share the limit: the better class wins
    ['cod', 16, 'river', 3],
    ['arsenic', 0.05, 'river', 1],
    ['arsenic', 0.06, 'river', 4],
    ['faecalColiform', 50000, 'river', 6],
    ['totalNitrogen', 5, 'river', null],
    ['totalNitrogen', 1.2, 'lake', 4],
    ['pH', 6, 'river', 1],
    ['pH', 9, 'river', 1],
    ['pH', 5.9, 'river', 6],
    ['pH', 9.05, 'lake', 6],
  ];
  it.each(cases)('%s %p in a %s -> %p', (factor, value, waterBody, expected) => {
    expect(factorClass(factor, value, waterBody)).toBe(expected);
  });
});

describe('classifyWater', () => {
  const clean = { pH: 7.5, dissolvedOxygen: 8, permanganateIndex: 1.5, ammoniaNitrogen: 0.1, totalPhosphorus: 0.015 };

  it('rates a clean river class I, every factor determining', () => {
    expect(classifyWater(clean, 'river')).toEqual({
      waterClass: 1,
      label: 'I',
      labelZh: 'Ⅰ类',
      determiningFactors: ['pH', 'dissolvedOxygen', 'permanganateIndex', 'ammoniaNitrogen', 'totalPhosphorus'],
    });
  });

  it('lets the worst single factor decide', () => {
    const result = classifyWater(
      { pH: 7.2, dissolvedOxygen: 6.5, permanganateIndex: 3.2, ammoniaNitrogen: 0.3, totalPhosphorus: 0.12 },
      'river',
    );
    expect(result.waterClass).toBe(3);
    expect(result.labelZh).toBe('Ⅲ类');
    expect(result.determiningFactors).toEqual(['totalPhosphorus']);
  });

  it('names every factor that ties for the worst class', () => {
    const result = classifyWater({ ...clean, permanganateIndex: 8, ammoniaNitrogen: 1.2 }, 'river');
    expect(result.waterClass).toBe(4);
    expect(result.determiningFactors).toEqual(['permanganateIndex', 'ammoniaNitrogen']);
  });

  it('rates low dissolved oxygen worse, since higher is better', () => {
    const result = classifyWater({ ...clean, dissolvedOxygen: 0.8 }, 'river');
    expect(result).toMatchObject({
      waterClass: 6,
      label: '劣V',
      labelZh: '劣Ⅴ类',
      determiningFactors: ['dissolvedOxygen'],
    });
  });

  it('rates pH outside 6-9 as 劣V', () => {
    expect(classifyWater({ ...clean, pH: 9.25 }, 'river')).toMatchObject({ waterClass: 6, determiningFactors: ['pH'] });
    expect(classifyWater({ ...clean, pH: 5.5 }, 'lake').waterClass).toBe(6);
  });

  it('uses the stricter phosphorus limits for lakes and reservoirs', () => {
    const factors = { pH: 8.2, dissolvedOxygen: 7.7, permanganateIndex: 4.2, totalPhosphorus: 0.104 };
    expect(classifyWater(factors, 'river').waterClass).toBe(3);
    expect(classifyWater(factors, 'lake').waterClass).toBe(5);
  });

  it('rates total nitrogen for lakes only, and can leave it out as CNEMC does', () => {
    const factors = { ...clean, totalPhosphorus: 0.008, totalNitrogen: 3.46 };
    expect(classifyWater(factors, 'river').waterClass).toBe(1);
    expect(classifyWater(factors, 'lake')).toMatchObject({ waterClass: 6, determiningFactors: ['totalNitrogen'] });
    expect(classifyWater(factors, 'lake', { ignore: ['totalNitrogen'] }).waterClass).toBe(1);
  });

  it('leaves missing factors out and answers null when nothing is left', () => {
    expect(classifyWater({ ...clean, totalPhosphorus: null, ammoniaNitrogen: Number.NaN }, 'river').determiningFactors)
      .toEqual(['pH', 'dissolvedOxygen', 'permanganateIndex']);
    expect(classifyWater({ pH: null, dissolvedOxygen: undefined }, 'river')).toEqual({
      waterClass: null,
      label: null,
      labelZh: null,
      determiningFactors: [],
    });
  });

  it('writes the Chinese labels with the Unicode Roman numerals', () => {
    expect(Object.values(WATER_CLASS_LABELS_ZH)).toEqual(['Ⅰ类', 'Ⅱ类', 'Ⅲ类', 'Ⅳ类', 'Ⅴ类', '劣Ⅴ类']);
    expect(WATER_CLASS_LABELS_ZH[3].codePointAt(0)).toBe(0x2162);
  });
});
