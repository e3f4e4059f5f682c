export * from './message-types';
export * from './message';
export * from './entities';
export { MESSAGES } from './catalogue';
