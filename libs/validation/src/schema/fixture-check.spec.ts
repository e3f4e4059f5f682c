import { projectRoot } from '@opendata/common';
import { join } from 'node:path';
import { checkFixtures } from './fixture-check';
import { loadBuiltInSchemas } from './schema-loader';

describe('collection standards against their fixtures (npm run schemas:check)', () => {
  it('gives no error for valid files and exactly the expected errors for invalid ones', async () => {
    const results = await checkFixtures(loadBuiltInSchemas(), join(projectRoot(), 'schemas', 'fixtures'));
    expect(results.length).toBeGreaterThanOrEqual(8 * 5);
    expect(results.filter((r) => !r.ok)).toEqual([]);
  });
});
