export * from './periodic-jobs';
export * from './jobs.module';
