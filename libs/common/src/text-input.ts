import { FieldError } from './app-error';
import { MessageText, bilingual, messageText } from './messages/message';

/**
 * What every text a client sends must satisfy before any service sees it. PostgreSQL refuses the NUL
 * character in text (`invalid byte sequence for encoding "UTF8": 0x00`) and in jsonb; an unpaired UTF-16
 * surrogate (`"\ud800"` in JSON) has no UTF-8 form and would be stored as U+FFFD, silently changed; and
 * recursive code (JSON.stringify, validators, the GraphQL executor) overflows the stack on values nested
 * thousands of levels deep. Records, filters and schema documents nest a few levels; 64 is far beyond them.
 */
export const MAX_INPUT_DEPTH = 64;


// Node 20 has String.prototype.isWellFormed (ES2024); the compiler's library stops at ES2023.
const isWellFormed = (String.prototype as unknown as { isWellFormed(this: string): boolean }).isWellFormed;

/** Why one text cannot be taken, or null: NUL characters and unpaired surrogates. */
export function textProblem(value: string): MessageText | null {
  if (value.indexOf('\u0000') >= 0) return messageText('input.nul');
  if (!isWellFormed.call(value)) return messageText('input.surrogate');
  return null;
}

/**
 * The first problem in a client's value (a parameter, a JSON body, GraphQL variables), with the dotted path of
 * where it is (`filters.station.0`; object keys are checked too). Iterative, so a value nested 100,000 levels
 * deep is refused at MAX_INPUT_DEPTH rather than overflowing the stack here.
 */
export function findInputProblem(value: unknown, path: string, maxDepth = MAX_INPUT_DEPTH): FieldError | null {
  const pending: Array<{ value: unknown; path: string; depth: number }> = [{ value, path, depth: 0 }];
  while (pending.length) {
    const item = pending.pop()!;
    if (typeof item.value === 'string') {
      const problem = textProblem(item.value);
      if (problem) return { path: item.path, message: bilingual(problem) };
      continue;
    }
    if (item.value === null || typeof item.value !== 'object') continue;
    if (item.depth >= maxDepth) return { path: item.path, message: bilingual(messageText('input.tooDeep', { max: maxDepth })) };
    const entries = Array.isArray(item.value) ? item.value.map((v, i) => [String(i), v] as const) : Object.entries(item.value);
    for (const [key] of entries) {
      const keyProblem = textProblem(key);
      if (keyProblem) return { path: joinPath(item.path, JSON.stringify(key)), message: bilingual(keyProblem) };
    }
    // Reversed, so that the first problem in document order is the one reported.
    for (let i = entries.length - 1; i >= 0; i--) pending.push({ value: entries[i][1], path: joinPath(item.path, entries[i][0]), depth: item.depth + 1 });
  }
  return null;
}

function joinPath(parent: string, key: string): string {
  return parent ? `${parent}.${key}` : key;
}
