import { Injectable } from '@nestjs/common';
import { SqlRepository, Tx } from '@opendata/database';

export interface CalendarDay {
  day: string;
  working: boolean;
  name: string;
}

const COLUMNS = `to_char(day, 'YYYY-MM-DD') AS day, working, name`;

/** The statements on the working-day calendar (calendar_days: public holidays and make-up working days). */
@Injectable()
export class CalendarRepository extends SqlRepository {
  /** The listed days of a year (every year with null), in date order. */
  list(year: number | null): Promise<CalendarDay[]> {
    return this.db.query(`SELECT ${COLUMNS} FROM calendar_days WHERE $1::int IS NULL OR extract(year FROM day) = $1 ORDER BY day`, [year]);
  }

  async find(day: string): Promise<CalendarDay | null> {
    const rows: CalendarDay[] = await this.db.query(`SELECT ${COLUMNS} FROM calendar_days WHERE day = $1`, [day]);
    return rows[0] ?? null;
  }

  /** Lists a day, or changes the listed day. */
  async upsert(day: CalendarDay, tx?: Tx): Promise<void> {
    await this.on(tx).query(
      `INSERT INTO calendar_days (day, working, name) VALUES ($1, $2, $3)
       ON CONFLICT (day) DO UPDATE SET working = EXCLUDED.working, name = EXCLUDED.name`,
      [day.day, day.working, day.name],
    );
  }

  async delete(day: string, tx?: Tx): Promise<void> {
    await this.on(tx).query(`DELETE FROM calendar_days WHERE day = $1`, [day]);
  }
}
