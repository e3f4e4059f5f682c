export * from './service-endpoints';
export * from './startup-error';
export * from './platform-modules';
export { runS3rver } from './embedded/embedded-s3';
export { startEmbeddedPostgres } from './embedded/embedded-postgres';
export type { ServiceLog } from './embedded/service-log';
export { freePort } from './embedded/free-port';
