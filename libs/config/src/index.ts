export * from './app-config';
export * from './service-endpoints';
export * from './config.module';
export * from './startup-error';
export { runS3rver } from './embedded/embedded-s3';
export { startEmbeddedPostgres } from './embedded/embedded-postgres';
export type { ServiceLog } from './embedded/service-log';
