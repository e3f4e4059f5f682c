import { isValidResidentId, isValidUscc, residentIdCheckCharacter, usccCheckCharacter } from './identifiers';

describe('unified social credit code (GB 32100-2015)', () => {
  // Published codes of real bodies, check characters as issued.
  it.each(['91350100M000100Y43', '11100000000013127D', '91110000802100433B'])('accepts %s', (code) => {
    expect(isValidUscc(code)).toBe(true);
  });

  it('computes the check character, mapping 31 to 0', () => {
    expect(usccCheckCharacter('91350100M000100Y4')).toBe('3');
    expect(usccCheckCharacter('11100000000013127')).toBe('D');
  });

  it('rejects a wrong check character, a forbidden letter and a wrong length', () => {
    expect(isValidUscc('91350100M000100Y44')).toBe(false);
    expect(isValidUscc('91350100M000100I43')).toBe(false);
    expect(isValidUscc('91350100M000100Y4')).toBe(false);
  });
});

describe('resident identity number (GB 11643-1999)', () => {
  it('computes the ISO 7064 MOD 11-2 check character', () => {
    // The example given in the standard's annex.
    expect(residentIdCheckCharacter('11010519491231002')).toBe('X');
    expect(isValidResidentId('11010519491231002X')).toBe(true);
    expect(isValidResidentId('11010519491231002x')).toBe(true);
  });

  it('rejects a wrong check character and impossible dates', () => {
    expect(isValidResidentId('110105194912310021')).toBe(false);
    expect(isValidResidentId('110105194902300028')).toBe(false);
  });
});
