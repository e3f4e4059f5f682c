import { RELEVANCE_QUERIES } from './relevance-queries';
import { relevanceReport, runRelevance } from './relevance-suite';

describe('search relevance on the demo catalogue', () => {
  it('answers at least 95% of what people type with its first hit', () => {
    expect(RELEVANCE_QUERIES.length).toBeGreaterThanOrEqual(60);
    const { share, outcomes } = runRelevance(RELEVANCE_QUERIES);
    process.stdout.write(`relevance: first hit answers ${(share * 100).toFixed(1)}% of ${outcomes.length} queries\n`);
    if (share < 0.95) process.stdout.write(`${relevanceReport(outcomes.filter((o) => !o.answered))}\n`);
    expect(share).toBeGreaterThanOrEqual(0.95);
  });
});
