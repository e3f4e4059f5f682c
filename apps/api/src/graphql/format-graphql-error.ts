import { unwrapResolverError } from '@apollo/server/errors';
import { Logger } from '@nestjs/common';
import { fromDataException, isAppError, message } from '@opendata/common';
import { GraphQLFormattedError } from 'graphql';

const logger = new Logger('GraphQL');

/** Figures a refused query carries for clients that adjust themselves (cost and budget, depth, field count). */
const LIMIT_FIGURES = ['cost', 'maxCost', 'depth', 'maxDepth', 'fields', 'maxFields', 'width', 'maxWidth'];

/**
 * What graphql-js and Apollo say of a malformed request is English only: it is quoted in a message of the
 * catalogue, by the code they give it (the code itself is kept for clients).
 */
type QuotingKey = 'graphql.parseFailed' | 'graphql.validationFailed' | 'graphql.badInput' | 'graphql.badRequest';

const LIBRARY_MESSAGES: Record<string, QuotingKey> = {
  GRAPHQL_PARSE_FAILED: 'graphql.parseFailed',
  GRAPHQL_VALIDATION_FAILED: 'graphql.validationFailed',
  BAD_USER_INPUT: 'graphql.badInput',
};

/** The message and key of an error that did not come from the catalogue, or of one that did, as it is. */
function libraryMessage(formatted: GraphQLFormattedError, code: string): { message: string; messageKey: string } {
  const given = formatted.extensions?.messageKey;
  if (typeof given === 'string') return { message: formatted.message, messageKey: given };
  const key = LIBRARY_MESSAGES[code] ?? 'graphql.badRequest';
  return { message: message(key, { reason: formatted.message }), messageKey: key };
}

/**
 * The one place GraphQL errors get their public shape: the domain's stable code (and the field paths of
 * BAD_USER_INPUT), the codes Apollo gives to malformed queries, and for anything unexpected a generic message.
 * Stack traces and internal details never leave the server; unexpected errors are logged.
 */
export function formatGraphqlError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const unwrapped = unwrapResolverError(error);
  const original = fromDataException(unwrapped) ?? unwrapped;
  const base = { locations: formatted.locations, path: formatted.path };
  if (isAppError(original)) {
    const fields = original.details?.fields;
    return { ...base, message: original.message, extensions: { code: original.code, messageKey: original.messageKey, ...(fields ? { fields } : {}) } };
  }
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && code !== 'INTERNAL_SERVER_ERROR') {
    const figures = LIMIT_FIGURES.filter((name) => typeof formatted.extensions?.[name] === 'number').map((name) => [name, formatted.extensions![name]]);
    // The edge check (text-input.plugin.ts) names the variable or argument as BAD_USER_INPUT does.
    const fields = formatted.extensions?.fields;
    const { message: said, messageKey } = libraryMessage(formatted, code);
    return { ...base, message: said, extensions: { code, messageKey, ...Object.fromEntries(figures), ...(Array.isArray(fields) ? { fields } : {}) } };
  }
  logger.error(original instanceof Error ? (original.stack ?? original.message) : String(original));
  return { ...base, message: message('error.internal'), extensions: { code: 'INTERNAL_SERVER_ERROR', messageKey: 'error.internal' } };
}
