export * from './app-error';
export * from './identifiers';
export * from './project-root';
export * from './text-input';
export * from './data-exception';
export * from './entity-key';
export * from './messages';
