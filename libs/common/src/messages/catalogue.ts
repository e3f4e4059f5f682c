import { AUTH_MESSAGES } from './auth.messages';
import { CATALOG_MESSAGES } from './catalog.messages';
import { COMMON_MESSAGES } from './common.messages';
import { READING_MESSAGES } from './reading.messages';
import { REVIEW_MESSAGES } from './review.messages';
import { VALIDATION_MESSAGES } from './validation.messages';

/**
 * The catalogue of client-facing messages: one table per area, merged here. A key names one message for good
 * (clients receive it as `messageKey`); its texts may be improved, its meaning not.
 */
export const MESSAGES = {
  ...COMMON_MESSAGES,
  ...AUTH_MESSAGES,
  ...REVIEW_MESSAGES,
  ...CATALOG_MESSAGES,
  ...READING_MESSAGES,
  ...VALIDATION_MESSAGES,
} as const;
