import { isEntityId, parseEntityKey } from './entity-key';

describe('entity keys', () => {
  it('reads a UUID in either case as an id, in small letters', () => {
    expect(parseEntityKey('6F9619FF-8B86-D011-B42D-00CF4FC964FF')).toEqual({ id: '6f9619ff-8b86-d011-b42d-00cf4fc964ff' });
    expect(parseEntityKey('6f9619ff-8b86-d011-b42d-00cf4fc964ff')).toEqual({ id: '6f9619ff-8b86-d011-b42d-00cf4fc964ff' });
  });

  it('reads anything else as a slug, including texts that only look like ids', () => {
    expect(parseEntityKey('hengyang-air-quality-hourly')).toEqual({ slug: 'hengyang-air-quality-hourly' });
    expect(parseEntityKey('-'.repeat(36))).toEqual({ slug: '-'.repeat(36) });
    expect(isEntityId('6f9619ff8b86d011b42d00cf4fc964ff')).toBe(false);
    expect(isEntityId('6f9619ff-8b86-d011-b42d-00cf4fc964ff ')).toBe(false);
    expect(isEntityId('g f9619ff-8b86-d011-b42d-00cf4fc964f')).toBe(false);
  });
});
