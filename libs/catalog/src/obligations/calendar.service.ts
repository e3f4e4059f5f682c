import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Caller, requireSysadmin } from '@opendata/auth';
import { badInput, notFound } from '@opendata/common';
import { DataSource, EntityManager } from 'typeorm';
import { writeAs } from '../negative-list/actor';
import { DeadlineRepository } from './deadline.repository';

export interface CalendarDay {
  day: string;
  working: boolean;
  name: string;
}

/**
 * The working-day calendar: public holidays and make-up working days (调休), which the State Council announces
 * each year. Nothing is seeded: an administrator enters each year's days (see the README), so the platform
 * never relies on a guessed calendar.
 */
@Injectable()
export class CalendarService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly deadlines: DeadlineRepository,
  ) {}

  async list(year: number | null): Promise<CalendarDay[]> {
    const rows = await this.db.query(
      `SELECT to_char(day, 'YYYY-MM-DD') AS day, working, name FROM calendar_days
       WHERE $1::int IS NULL OR extract(year FROM day) = $1 ORDER BY day`,
      [year],
    );
    return rows;
  }

  async set(caller: Caller, input: CalendarDay): Promise<CalendarDay> {
    requireSysadmin(caller, 'change the working-day calendar');
    const problems = [];
    if (!/^\d{4}-\d{2}-\d{2}$/.test(input.day) || Number.isNaN(Date.parse(input.day))) problems.push({ path: 'day', message: 'must be a date YYYY-MM-DD' });
    if (!input.name?.trim() || input.name.length > 100) problems.push({ path: 'name', message: 'name the holiday or make-up day (1-100 characters)' });
    if (problems.length) throw badInput(problems);
    await writeAs(this.db, caller, async (manager) => {
      await manager.query(
        `INSERT INTO calendar_days (day, working, name) VALUES ($1, $2, $3)
         ON CONFLICT (day) DO UPDATE SET working = EXCLUDED.working, name = EXCLUDED.name`,
        [input.day, input.working, input.name.trim()],
      );
      await this.moveWorkingDayDeadlines(manager);
    });
    return { day: input.day, working: input.working, name: input.name.trim() };
  }

  async remove(caller: Caller, day: string): Promise<CalendarDay> {
    requireSysadmin(caller, 'change the working-day calendar');
    const rows: CalendarDay[] = /^\d{4}-\d{2}-\d{2}$/.test(day)
      ? await this.db.query(`SELECT to_char(day, 'YYYY-MM-DD') AS day, working, name FROM calendar_days WHERE day = $1`, [day])
      : [];
    if (!rows.length) throw notFound('Calendar day', day);
    await writeAs(this.db, caller, async (manager) => {
      await manager.query(`DELETE FROM calendar_days WHERE day = $1`, [day]);
      await this.moveWorkingDayDeadlines(manager);
    });
    return rows[0];
  }

  /** A holiday or make-up day moves the deadlines counted in working days. */
  private async moveWorkingDayDeadlines(manager: EntityManager): Promise<void> {
    await this.deadlines.refresh(manager, await this.deadlines.datasetsCountingWorkingDays(manager));
  }
}
