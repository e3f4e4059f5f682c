export * from './ingest.service';
export * from './schema-registry.service';
export * from './upload-reports.service';
export * from './cleanup.service';
export * from './ingest.module';
export * from './platform-modules';
export * from './semaphore';
