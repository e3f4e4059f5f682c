export * from './row-table';
export * from './row-load.repository';
export * from './row-table.repository';
export * from './copy-text';
export * from './key-check';
export * from './query';
export * from './datastore.module';
