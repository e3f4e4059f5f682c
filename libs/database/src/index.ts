export * from './migrations';
export * from './data-source-options';
export * from './database.module';
export * from './sql-repository';
export * from './database.repository';
