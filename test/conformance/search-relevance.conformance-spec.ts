import { readFileSync } from 'node:fs';
import { relevanceReport, runRelevance } from '../../libs/catalog/src/search/relevance-suite';
import { sharedData } from './shared-data';

/** The citizens' queries of the shared data set, searched on the demo catalogue as the public sees it. */
describe('search relevance: the shared citizens\' queries', () => {
  const { queries } = JSON.parse(readFileSync(sharedData('search', 'queries.json'), 'utf8')) as {
    queries: Array<{ q: string; relevant: string[] }>;
  };

  it('answers at least 24 of 25 with the first hit', () => {
    const { share, outcomes } = runRelevance(queries);
    const answered = outcomes.filter((o) => o.answered).length;
    process.stdout.write(`shared queries: first hit answers ${answered} of ${outcomes.length}\n${relevanceReport(outcomes)}\n`);
    expect(answered).toBeGreaterThanOrEqual(Math.ceil(queries.length * 0.96));
    expect(share).toBeGreaterThanOrEqual(0.96);
  });
});
