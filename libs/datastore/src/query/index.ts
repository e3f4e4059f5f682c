export * from './row-filter';
export * from './row-cursor';
export * from './row-query';
export * from './row-export';
export * from './datastore-search';
