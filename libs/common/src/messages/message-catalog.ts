import { API_MESSAGES } from './api.messages';
import { AUTH_MESSAGES } from './auth.messages';
import { CATALOG_MESSAGES } from './catalog.messages';
import { CKAN_MESSAGES } from './ckan.messages';
import { COMMON_MESSAGES } from './common.messages';
import { INGEST_MESSAGES } from './ingest.messages';
import { READING_MESSAGES } from './reading.messages';
import { REVIEW_MESSAGES } from './review.messages';
import { ROWS_MESSAGES } from './rows.messages';
import { VALIDATION_MESSAGES } from './validation.messages';

/** Every table of the catalogue, one per area; a key may stand in one table only (a test checks it). */
export const MESSAGE_TABLES = {
  common: COMMON_MESSAGES,
  auth: AUTH_MESSAGES,
  review: REVIEW_MESSAGES,
  catalog: CATALOG_MESSAGES,
  reading: READING_MESSAGES,
  validation: VALIDATION_MESSAGES,
  rows: ROWS_MESSAGES,
  ingest: INGEST_MESSAGES,
  api: API_MESSAGES,
  ckan: CKAN_MESSAGES,
} as const;

/**
 * The catalogue of client-facing messages: the tables above, merged. A key names one message for good
 * (clients receive it as `messageKey`); its texts may be improved, its meaning not.
 */
export const MESSAGES = {
  ...COMMON_MESSAGES,
  ...AUTH_MESSAGES,
  ...REVIEW_MESSAGES,
  ...CATALOG_MESSAGES,
  ...READING_MESSAGES,
  ...VALIDATION_MESSAGES,
  ...ROWS_MESSAGES,
  ...INGEST_MESSAGES,
  ...API_MESSAGES,
  ...CKAN_MESSAGES,
} as const;
