export * from './schema/table-schema';
export * from './schema/schema-loader';
export * from './report/validation-report';
export * from './report/report-builder';
export * from './check/cell-readers';
export * from './check/table-validator';
export * from './validate-table';
