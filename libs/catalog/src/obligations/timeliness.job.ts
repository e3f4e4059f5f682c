import { Injectable, OnModuleInit, Optional } from '@nestjs/common';
import { PeriodicJob, PeriodicJobs } from '@opendata/jobs';
import { TimelinessService } from './timeliness.service';

/** Recomputes every dataset's deadlines once a day, so overdue lists and on-time rates follow the calendar. */
@Injectable()
export class TimelinessJob implements PeriodicJob, OnModuleInit {
  readonly name = 'timeliness';
  readonly everyMs = 24 * 3600_000;

  constructor(
    private readonly timeliness: TimelinessService,
    // Absent in processes that run no jobs (the CLI).
    @Optional() private readonly jobs?: PeriodicJobs,
  ) {}

  onModuleInit(): void {
    this.jobs?.register(this);
  }

  async run(): Promise<string> {
    const { datasets, overdue } = await this.timeliness.recompute();
    return `${datasets} datasets checked, ${overdue} overdue`;
  }
}
