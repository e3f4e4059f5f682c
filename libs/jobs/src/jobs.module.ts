import { Global, Module } from '@nestjs/common';
import { PeriodicJobs } from './periodic-jobs';

/** One job runner per process, whichever modules register jobs with it. */
@Global()
@Module({ providers: [PeriodicJobs], exports: [PeriodicJobs] })
export class JobsModule {}
