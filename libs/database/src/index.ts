export * from './migrations';
export * from './data-source-options';
