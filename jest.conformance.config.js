// Conformance suites: they read the real data and peers' fixtures in ../shared/data, which a fresh clone of
// this repository alone does not have; so they run separately (npm run test:conformance), never in npm test.
const base = require('./jest.config');

// rdf-validate-shacl (the DCAT-AP SHACL suite) and its RDF/JS dependencies ship ES modules only.
const rdfEsmPackages = ['rdf-validate-shacl', 'rdf-validate-datatype', '@rdfjs', '@vocabulary', 'clownface', '@tpluscode', '@zazuko', '@digitalbazaar', 'ky'];

module.exports = {
  ...base,
  transformIgnorePatterns: base.transformIgnorePatterns.map((p) => p.replace('(?!(', `(?!(${rdfEsmPackages.join('|')}|`)),
  roots: ['<rootDir>/test/conformance'],
  testMatch: ['**/*.conformance-spec.ts'],
};
