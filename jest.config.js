// One configuration for every tier: unit specs beside the code (*.spec.ts), integration specs on the real
// PostgreSQL and S3 endpoint (*.int-spec.ts) and HTTP end-to-end specs (*.e2e-spec.ts). The global setup
// starts one embedded PostgreSQL cluster and one embedded S3 endpoint for the whole run; each suite then
// creates its own database (real migrations) and bucket, so suites never share state.
const { readFileSync } = require('node:fs');

const swc = JSON.parse(readFileSync(`${__dirname}/.swcrc`, 'utf8'));
delete swc.exclude;
swc.module = { ...swc.module, ignoreDynamic: false };

// Nest 12 and a few of its dependencies ship ES modules only; jest on Node 20 must transpile them.
const esmPackages = [
  '@nestjs',
  'file-type',
  'strtok3',
  'token-types',
  '@tokenizer',
  '@borewit',
  'uint8array-extras',
  'load-esm',
];

module.exports = {
  rootDir: __dirname,
  testEnvironment: 'node',
  roots: ['<rootDir>/apps', '<rootDir>/libs', '<rootDir>/test'],
  testMatch: ['**/*.spec.ts', '**/*.int-spec.ts', '**/*.e2e-spec.ts'],
  transform: { '^.+\\.(t|j|mj)s$': ['@swc/jest', { ...swc, swcrc: false }] },
  transformIgnorePatterns: [`/node_modules/(?!(${esmPackages.join('|')})/)`],
  moduleNameMapper: {
    '^@opendata/([a-z-]+)$': '<rootDir>/libs/$1/src/index.ts',
  },
  globalSetup: '<rootDir>/test/global-setup.ts',
  globalTeardown: '<rootDir>/test/global-teardown.ts',
  testTimeout: 30000,
};
