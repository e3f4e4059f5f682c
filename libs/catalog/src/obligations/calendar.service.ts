import { Injectable } from '@nestjs/common';
import { Caller, requireSysadmin } from '@opendata/auth';
import { badInput, fieldError, notFound } from '@opendata/common';
import { Tx } from '@opendata/database';
import { CalendarDay, CalendarRepository } from './calendar.repository';
import { DeadlineRepository } from './deadline.repository';

export type { CalendarDay } from './calendar.repository';

/**
 * The working-day calendar: public holidays and make-up working days (调休), which the State Council announces
 * each year. Nothing is seeded: an administrator enters each year's days (see the README), so the platform
 * never relies on a guessed calendar.
 */
@Injectable()
export class CalendarService {
  constructor(
    private readonly days: CalendarRepository,
    private readonly deadlines: DeadlineRepository,
  ) {}

  list(year: number | null): Promise<CalendarDay[]> {
    return this.days.list(year);
  }

  async set(caller: Caller, input: CalendarDay): Promise<CalendarDay> {
    requireSysadmin(caller, 'forbidden.calendar');
    const problems = [];
    if (!/^\d{4}-\d{2}-\d{2}$/.test(input.day) || Number.isNaN(Date.parse(input.day))) problems.push(fieldError('day', 'input.notDate'));
    if (!input.name?.trim() || input.name.length > 100) problems.push(fieldError('name', 'calendar.nameNeeded'));
    if (problems.length) throw badInput(problems);
    const day = { day: input.day, working: input.working, name: input.name.trim() };
    await this.days.withTransaction(caller, async (tx) => {
      await this.days.upsert(day, tx);
      await this.moveWorkingDayDeadlines(tx);
    });
    return day;
  }

  async remove(caller: Caller, day: string): Promise<CalendarDay> {
    requireSysadmin(caller, 'forbidden.calendar');
    const listed = /^\d{4}-\d{2}-\d{2}$/.test(day) ? await this.days.find(day) : null;
    if (!listed) throw notFound('calendarDay', day);
    await this.days.withTransaction(caller, async (tx) => {
      await this.days.delete(day, tx);
      await this.moveWorkingDayDeadlines(tx);
    });
    return listed;
  }

  /** A holiday or make-up day moves the deadlines counted in working days. */
  private async moveWorkingDayDeadlines(tx: Tx): Promise<void> {
    await this.deadlines.refresh(await this.deadlines.datasetsCountingWorkingDays(tx), tx);
  }
}
