import { ANONYMOUS } from '@opendata/auth';
import { CalendarDay, CalendarRepository } from './calendar.repository';
import { CalendarService } from './calendar.service';
import { DeadlineRepository } from './deadline.repository';
import { FAKE_TX, FakeTransactions, badFields, codeOf, signedIn, sysadmin } from '../../../../test/support/unit-fakes';

/** Listed days in memory, with the methods CalendarService uses. */
class FakeDays extends FakeTransactions {
  readonly days = new Map<string, CalendarDay>();
  readonly writes: unknown[] = [];

  async list(): Promise<CalendarDay[]> {
    return [...this.days.values()];
  }

  async find(day: string): Promise<CalendarDay | null> {
    return this.days.get(day) ?? null;
  }

  async upsert(day: CalendarDay, tx?: unknown): Promise<void> {
    this.writes.push(tx);
    this.days.set(day.day, day);
  }

  async delete(day: string, tx?: unknown): Promise<void> {
    this.writes.push(tx);
    this.days.delete(day);
  }
}

/** The deadline statements the calendar moves: which datasets count working days, and their refresh. */
class FakeDeadlines {
  readonly refreshed: Array<{ ids: readonly string[] | null; tx: unknown }> = [];
  readonly countingWorkingDays = ['ds-budget', 'ds-penalties'];

  async datasetsCountingWorkingDays(tx?: unknown): Promise<string[]> {
    expect(tx).toBe(FAKE_TX);
    return this.countingWorkingDays;
  }

  async refresh(ids: readonly string[] | null, tx?: unknown): Promise<number> {
    this.refreshed.push({ ids, tx });
    return ids?.length ?? 0;
  }
}

describe('CalendarService', () => {
  let days: FakeDays;
  let deadlines: FakeDeadlines;
  let calendar: CalendarService;
  const holiday = { day: '2026-10-01', working: false, name: '国庆节' };

  beforeEach(() => {
    days = new FakeDays();
    deadlines = new FakeDeadlines();
    calendar = new CalendarService(days as unknown as CalendarRepository, deadlines as unknown as DeadlineRepository);
  });

  it('is changed by system administrators only', async () => {
    expect(await codeOf(calendar.set(ANONYMOUS, holiday))).toBe('UNAUTHENTICATED');
    expect(await codeOf(calendar.set(signedIn('boss', { 'org-1': 'admin' }), holiday))).toBe('FORBIDDEN');
    await calendar.set(sysadmin(), holiday);
    expect(await codeOf(calendar.remove(signedIn('boss', { 'org-1': 'admin' }), holiday.day))).toBe('FORBIDDEN');
    expect(days.days.size).toBe(1);
  });

  it('lists a day with its name trimmed, and moves the working-day deadlines in the same transaction', async () => {
    const admin = sysadmin();
    await expect(calendar.set(admin, { ...holiday, name: ' 国庆节 ' })).resolves.toEqual(holiday);
    expect(days.days.get(holiday.day)).toEqual(holiday);
    expect(days.actors).toEqual([admin]);
    expect(days.writes).toEqual([FAKE_TX]);
    expect(deadlines.refreshed).toEqual([{ ids: deadlines.countingWorkingDays, tx: FAKE_TX }]);
  });

  it('wants a real date and a name of 1 to 100 characters', async () => {
    expect(await badFields(calendar.set(sysadmin(), { ...holiday, day: '2026-13-01' }))).toEqual(['day']);
    expect(await badFields(calendar.set(sysadmin(), { ...holiday, day: '1 Oct 2026' }))).toEqual(['day']);
    expect(await badFields(calendar.set(sysadmin(), { ...holiday, name: '  ' }))).toEqual(['name']);
    expect(await badFields(calendar.set(sysadmin(), { ...holiday, name: '节'.repeat(101) }))).toEqual(['name']);
    expect(days.days.size).toBe(0);
    expect(deadlines.refreshed).toEqual([]);
  });

  it('removes a listed day and moves the deadlines again; an unlisted day is not found', async () => {
    await calendar.set(sysadmin(), holiday);
    await expect(calendar.remove(sysadmin(), holiday.day)).resolves.toEqual(holiday);
    expect(days.days.size).toBe(0);
    expect(deadlines.refreshed).toHaveLength(2);
    expect(await codeOf(calendar.remove(sysadmin(), holiday.day))).toBe('NOT_FOUND');
    expect(await codeOf(calendar.remove(sysadmin(), 'tomorrow'))).toBe('NOT_FOUND');
    expect(deadlines.refreshed).toHaveLength(2);
  });
});
