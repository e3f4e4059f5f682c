export * from './migrations';
export * from './data-source-options';
export * from './database.module';
