export * from './periodic-jobs';
