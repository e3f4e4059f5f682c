export * from './migrations';
export * from './data-source-options';
export * from './database.module';
export * from './sql-repository';
export * from './database.repository';
export type { Actor, ChangeFeed, Queryable, Tx } from './transaction';
export { Transaction, actorName, auditActorSetting, namesItsActor, openedByWithTransaction, setAuditActor } from './transaction';
export * from './entity-rows';
export * from './create-database';
