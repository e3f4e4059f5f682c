// Conformance suites: they read the real data and peers' fixtures in ../shared/data, which a fresh clone of
// this repository alone does not have; so they run separately (npm run test:conformance), never in npm test.
const base = require('./jest.config');

module.exports = {
  ...base,
  roots: ['<rootDir>/test/conformance'],
  testMatch: ['**/*.conformance-spec.ts'],
};
