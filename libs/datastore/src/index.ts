export * from './row-table';
export * from './copy-text';
export * from './copy-writer';
export * from './key-check';
export * from './query';
