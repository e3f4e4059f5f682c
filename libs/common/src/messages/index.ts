export * from './message-types';
export * from './message';
export * from './entities';
export { MESSAGES, MESSAGE_TABLES } from './message-catalog';
