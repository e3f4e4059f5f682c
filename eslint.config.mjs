// Lint: the recommended rules of ESLint and typescript-eslint, plus what this codebase relies on: the layers of
// the libraries, and statements only in repositories.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const SPECS = ['**/*.spec.ts', '**/*.int-spec.ts', '**/*.e2e-spec.ts', '**/*.conformance-spec.ts'];

/**
 * The libraries, lowest first: a lib imports only libs before it in this list (through their `@opendata/...`
 * alias), never one after it, never itself through its alias, never an app. README, Architecture.
 */
const LAYERS = ['common', 'config', 'database', 'storage', 'jobs', 'auth', 'validation', 'datastore', 'catalog', 'ingest', 'demo', 'platform'];

const LIB_BY_ALIAS = 'Import a lib through its @opendata/... alias, not by a relative path into its sources.';

/**
 * Technology in repositories, rules in services: the data source, entity managers, query runners and statements
 * are used only in `*.repository.ts` files and in libs/database (which defines the data source, migrations and
 * transactions); tests may use them to arrange and check data.
 */
const SQL_HOME = 'only *.repository.ts files and libs/database run statements: add a method to the repository of this feature';
const SQL_IMPORTS = [
  { name: 'typeorm', importNames: ['DataSource', 'EntityManager', 'QueryRunner'], message: SQL_HOME },
  { name: '@nestjs/typeorm', importNames: ['InjectDataSource'], message: SQL_HOME },
];
const SQL_CALLS = ['query', 'createQueryRunner', 'getRepository', 'createQueryBuilder'].map((method) => ({
  selector: `CallExpression[callee.type='MemberExpression'][callee.property.name='${method}']`,
  message: `.${method}(): ${SQL_HOME}`,
}));

/** Allowed for good: starting the embedded PostgreSQL server creates its database, before any data source exists. */
const SERVER_ADMINISTRATION = ['libs/platform/src/embedded/embedded-postgres.ts'];

/** Where statements may run, besides specs. */
const SQL_OWNERS = ['**/*.repository.ts', 'libs/database/**', ...SERVER_ADMINISTRATION];

/** One `no-restricted-imports` per file (a later one would replace, not add to, an earlier one). */
function importRule({ lib, specs, sql }) {
  const patterns = [];
  if (lib) {
    const below = LAYERS.slice(0, LAYERS.indexOf(lib));
    patterns.push(
      {
        regex: `^@opendata/(?!(${below.join('|') || '$'})$)`,
        message: `libs/${lib} may import only the libs below it (${below.join(', ') || 'none'}); move what both need down a layer.`,
      },
      { regex: '^(\\.\\./)+(libs/)?[a-z-]+/src(/|$)', message: LIB_BY_ALIAS },
      { regex: '(^|/)apps/', message: 'A lib never imports an app.' },
    );
    // Specs may use the shared test helpers (test/support); the lib's own code may not.
    if (!specs) patterns.push({ regex: '(^|/)test/', message: 'Only specs import test helpers.' });
  } else {
    patterns.push({ regex: '(^|/)libs/', message: LIB_BY_ALIAS });
  }
  return { 'no-restricted-imports': ['error', { patterns, ...(sql ? { paths: SQL_IMPORTS } : {}) }] };
}

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', '.data/**', '**/*.js', '**/*.mjs', 'apps/portal/src/gql/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      // Entities and ORM option types take Function; the decorators need it.
      '@typescript-eslint/no-unsafe-function-type': 'off',
      'no-console': 'error',
      eqeqeq: ['error', 'always'],
    },
  },
  {
    files: [...SPECS, 'test/**/*.ts', 'bench/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off', '@typescript-eslint/no-non-null-assertion': 'off', 'no-console': 'off' },
  },
  // Statements only in repositories.
  { files: ['apps/**/*.ts', 'libs/**/*.ts'], ignores: [...SPECS, ...SQL_OWNERS], rules: { 'no-restricted-syntax': ['error', ...SQL_CALLS] } },
  // Imports: the apps use libs by alias; each lib only the libs below it; no data source outside repositories.
  { files: ['apps/**/*.ts'], ignores: SPECS, rules: importRule({ sql: true }) },
  { files: SPECS.map((spec) => `apps/${spec}`), rules: importRule({}) },
  ...LAYERS.flatMap((lib) => [
    { files: [`libs/${lib}/**/*.ts`], ignores: SPECS, rules: importRule({ lib, specs: false, sql: lib !== 'database' }) },
    { files: SQL_OWNERS.filter((glob) => glob.startsWith('**') || glob.startsWith(`libs/${lib}/`)).map((glob) => (glob.startsWith('**') ? `libs/${lib}/${glob}` : glob)), ignores: SPECS, rules: importRule({ lib, specs: false, sql: false }) },
    { files: SPECS.map((spec) => `libs/${lib}/${spec}`), rules: importRule({ lib, specs: true }) },
  ]),
);
