// Lint: the recommended rules of ESLint and typescript-eslint, plus what this codebase relies on.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const SPECS = ['**/*.spec.ts', '**/*.int-spec.ts', '**/*.e2e-spec.ts', '**/*.conformance-spec.ts'];

/**
 * The libraries, lowest first: a lib imports only libs before it in this list (through their `@opendata/...`
 * alias), never one after it, never itself through its alias, never an app. README, Architecture.
 */
const LAYERS = ['common', 'config', 'database', 'storage', 'jobs', 'auth', 'validation', 'datastore', 'catalog', 'ingest', 'demo', 'platform'];

const LIB_BY_ALIAS = 'Import a lib through its @opendata/... alias, not by a relative path into its sources.';

function layerRule(lib, { specs }) {
  const below = LAYERS.slice(0, LAYERS.indexOf(lib));
  const patterns = [
    {
      regex: `^@opendata/(?!(${below.join('|') || '$'})$)`,
      message: `libs/${lib} may import only the libs below it (${below.join(', ') || 'none'}); move what both need down a layer.`,
    },
    { regex: '^(\\.\\./)+(libs/)?[a-z-]+/src(/|$)', message: LIB_BY_ALIAS },
    { regex: '(^|/)apps/', message: 'A lib never imports an app.' },
  ];
  // Specs may use the shared test helpers (test/support); the lib's own code may not.
  if (!specs) patterns.push({ regex: '(^|/)test/', message: 'Only specs import test helpers.' });
  return { 'no-restricted-imports': ['error', { patterns }] };
}

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', '.data/**', '**/*.js', '**/*.mjs'] },
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
  {
    files: ['apps/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ regex: '(^|/)libs/', message: LIB_BY_ALIAS }] }] },
  },
  ...LAYERS.flatMap((lib) => [
    { files: [`libs/${lib}/**/*.ts`], ignores: SPECS, rules: layerRule(lib, { specs: false }) },
    { files: SPECS.map((spec) => `libs/${lib}/${spec}`), rules: layerRule(lib, { specs: true }) },
  ]),
);
