import { demoSearchIndex } from './demo-search-index';
import { parseQuery } from './query-parser';
import { SearchEngine } from './search-engine';

export interface RelevanceOutcome {
  q: string;
  top: string[];
  answered: boolean;
  relaxed: boolean;
}

/** Runs queries on the demo catalogue as the public sees it; a query is answered when its first hit is relevant. */
export function runRelevance(queries: ReadonlyArray<{ q: string; relevant: readonly string[] }>): { share: number; outcomes: RelevanceOutcome[] } {
  const index = demoSearchIndex();
  const engine = new SearchEngine(index);
  const outcomes = queries.map(({ q, relevant }) => {
    const page = engine.search({
      parsed: parseQuery(q, index.pinyin, (word) => index.postings.has(word)),
      filter: {},
      visibility: { allUnpublished: false, organizationIds: [] },
      order: { field: 'RELEVANCE', direction: 'DESC' },
      first: 3,
      after: null,
      facets: [],
    });
    return { q, top: page.ids, answered: relevant.includes(page.ids[0]), relaxed: page.relaxed };
  });
  return { share: outcomes.filter((o) => o.answered).length / outcomes.length, outcomes };
}

export function relevanceReport(outcomes: RelevanceOutcome[]): string {
  return outcomes.map((o) => `${o.answered ? 'answered' : 'MISSED  '} ${o.q} -> ${o.top.join(', ') || '(nothing)'}${o.relaxed ? ' (relaxed)' : ''}`).join('\n');
}
