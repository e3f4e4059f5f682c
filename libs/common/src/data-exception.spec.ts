import { fromDataException } from './data-exception';

describe('fromDataException', () => {
  it('turns PostgreSQL data exceptions (class 22), bare or wrapped by TypeORM, into BAD_USER_INPUT with the reason', () => {
    const bare = Object.assign(new Error('date/time field value out of range: "2026-02-30"'), { code: '22008' });
    expect(fromDataException(bare)).toMatchObject({ code: 'BAD_USER_INPUT', message: expect.stringContaining('date/time field value out of range: "2026-02-30"'), details: { sqlState: '22008' } });
    const wrapped = Object.assign(new Error('invalid byte sequence for encoding "UTF8": 0x00'), { driverError: { code: '22021' } });
    expect(fromDataException(wrapped)?.details?.sqlState).toBe('22021');
  });

  it('leaves every other error alone', () => {
    expect(fromDataException(Object.assign(new Error('duplicate key'), { code: '23505' }))).toBeNull();
    expect(fromDataException(Object.assign(new Error('refused'), { code: 'ECONNREFUSED' }))).toBeNull();
    expect(fromDataException(new Error('plain'))).toBeNull();
    expect(fromDataException(null)).toBeNull();
  });
});
