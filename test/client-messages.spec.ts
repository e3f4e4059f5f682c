import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Client-facing messages come from the catalogue (libs/common/src/messages), Chinese first with the English
 * after it. The error helpers take a catalogue key, so a typed call cannot pass a text of its own; this scan
 * keeps the untyped ways out as well: a string literal given as an error's message, a field problem or a CKAN
 * envelope's text, anywhere in apps/ and libs/ outside the catalogue and the tests.
 */
const ROOT = join(__dirname, '..');
const CATALOG = join('libs', 'common', 'src', 'messages');

/** A string literal in quotes or a template string, captured. */
const LITERAL = String.raw`('[^']*'|"[^"]*"|\x60[^\x60]*\x60)`;
const RULES: { what: string; pattern: RegExp }[] = [
  { what: 'an AppError built from a text', pattern: new RegExp(String.raw`new AppError\(\s*[^,()]+,\s*${LITERAL}`) },
  { what: 'an error helper given a text', pattern: new RegExp(String.raw`\b(?:badInput|notFound|forbidden|conflict|ckanNotFound|ckanSearchQueryError)\(\s*\[?\s*${LITERAL}`) },
  { what: 'a thrown error of the API given a text', pattern: new RegExp(String.raw`new (?:GraphQLError|HttpException|[A-Z][A-Za-z]*Exception|SolrQueryError)\(\s*${LITERAL}`) },
  { what: 'a message written in place', pattern: new RegExp(String.raw`\bmessage:\s*${LITERAL}`) },
  { what: 'a CKAN field problem written in place', pattern: new RegExp(String.raw`ckanValidation\(\{\s*[^:}]+:\s*${LITERAL}`) },
];

/**
 * Whether a literal is a text for people rather than a catalogue key (`'forbidden.review'`), an entity
 * (`'dataset'`) or a composition of values (`${id}@${version}`): words of its own, with a space, a Han
 * character or a capital to start.
 */
export function isText(literal: string): boolean {
  const own = literal.slice(1, -1).replace(/\$\{[^}]*\}/g, '');
  return /[A-Za-z\u3400-\u9fff]/.test(own) && (/[\s\u3400-\u9fff]/.test(own) || /^[A-Z]/.test(own));
}

function sourcesUnder(dir: string): string[] {
  return (readdirSync(join(ROOT, dir), { recursive: true }) as string[])
    .map((name) => join(dir, name))
    .filter((path) => path.endsWith('.ts') && !/\.(spec|int-spec|e2e-spec)\.ts$/.test(path))
    .filter((path) => !path.split(/[\\/]/).some((part) => part === 'node_modules' || part === '__fixtures__') && !path.startsWith(CATALOG));
}

/** Each line of a source that breaks a rule, as `file:line: what`. */
export function literalMessages(path: string, source: string): string[] {
  return source.split('\n').flatMap((line, i) =>
    RULES.filter(({ pattern }) => {
      const literal = pattern.exec(line)?.[1];
      return literal !== undefined && isText(literal);
    }).map(({ what }) => `${path}:${i + 1}: ${what}: ${line.trim()}`),
  );
}

describe('client-facing messages come from the catalogue', () => {
  it('recognises a message written in place, and not one taken from the catalogue', () => {
    const planted = [
      "throw new AppError('NOT_FOUND', 'Dataset not found');",
      'throw badInput([{ path: "slug", message: `taken: ${slug}` }]);',
      "throw new GraphQLError('Query too deep');",
      "throw new NotFoundException('No such page');",
      "throw ckanValidation({ rows: 'Invalid integer' });",
      "problems.push({ path: 'first', message: 'Required' });",
    ];
    expect(planted.map((line) => literalMessages('x.ts', line).length)).toEqual([1, 1, 1, 1, 1, 1]);
    const fine = [
      "throw appError('CONFLICT', 'user.exists', { username });",
      "throw badInput([fieldError('slug', 'input.empty')]);",
      "throw notFound('dataset', slug);",
      "throw ckanValidation({ rows: message('ckan.invalidInteger') });",
      "throw new GraphQLError(bilingual(text), { extensions });",
      "throw notFound('resourceVersion', `${resourceId}@${version}`);",
      "throw forbidden('forbidden.review');",
      "throw ckanValidation({ q: `${message('ckan.queryTooLarge')}: ${bound.message}` });",
    ];
    expect(fine.flatMap((line) => literalMessages('x.ts', line))).toEqual([]);
  });

  it('finds none in apps/ and libs/', () => {
    const files = [...sourcesUnder('apps'), ...sourcesUnder('libs')];
    expect(files.length).toBeGreaterThan(100);
    expect(files.flatMap((path) => literalMessages(path, readFileSync(join(ROOT, path), 'utf8')))).toEqual([]);
  });
});
