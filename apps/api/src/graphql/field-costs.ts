import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, MAX_SUGGESTIONS } from '@opendata/catalog';
import { MAX_GRAPHQL_ROWS } from '../rows/row.resolver';

/**
 * What a GraphQL query costs, declared field by field beside the schema. A point is about one simple indexed SQL
 * statement. A query's cost adds up, over every field it writes (aliases and repeated fields each count):
 * - the field's points times the number of times it may resolve: the product of the item counts of the lists
 *   above it;
 * - for a relation loaded through a per-request DataLoader (`batched`), its points once wherever it is written,
 *   since one statement serves every item of the page;
 * - VALUE_POINTS for each value the field resolves (times the same product): building and sending the answer.
 * Fields not listed cost only their values: they are read from an object already loaded. A test fails when a
 * root field or a resolver field has no entry, and when a list above a priced field has no item count.
 */
export interface FieldCost {
  /** Points each time the field resolves (for a batched relation: each place the query writes it). */
  points: number;
  /** Resolved through a per-request DataLoader: `points` count once wherever the field is written, not per item. */
  batched?: boolean;
  /** A list: how many items it may hold, from its own page argument or, without one, a length assumed. */
  items?: number | PageArgument;
  /** A connection: the page argument that sizes its `edges` and `nodes` (the fields marked `pageItems`). */
  page?: PageArgument;
  /** The edges or nodes of a connection: one item per item of the page asked for on the connection field. */
  pageItems?: boolean;
}

/** A page-size argument: its value when given (a variable counts as its value in the request), else `default`; never above `max`. */
export interface PageArgument {
  arg: string;
  default: number;
  max: number;
}

/** Each value in the answer: a thousand values cost a point. */
export const VALUE_POINTS = 0.001;

/** Every mutation writes in a transaction, with its audit trail and, for datasets, a search re-index. */
const MUTATION: FieldCost = { points: 10 };
const BATCHED: FieldCost = { points: 1, batched: true };

/** Keys are `Type.field` as the schema names them (apps/api/schema.gql). */
export const FIELD_COSTS: Readonly<Record<string, FieldCost>> = {
  // Catalogue search: one statement finds the page, the total and the facets asked for; each adds to its work.
  'Query.datasets': { points: 5, page: { arg: 'first', default: DEFAULT_PAGE_SIZE, max: MAX_PAGE_SIZE } },
  'DatasetConnection.totalCount': { points: 1 },
  'DatasetConnection.edges': { points: 0, pageItems: true },
  'DatasetFacets.organizations': { points: 1 },
  'DatasetFacets.themes': { points: 1 },
  'DatasetFacets.tags': { points: 1 },
  'DatasetFacets.formats': { points: 1 },
  'DatasetFacets.openAttributes': { points: 1 },
  'DatasetFacets.priorityDomains': { points: 1 },

  // Catalogue records.
  // Suggestions come from the in-memory search index: one statement (the index's generation) per request.
  'Query.suggest': { points: 1, items: { arg: 'first', default: 8, max: MAX_SUGGESTIONS } },
  'Query.dataset': { points: 1 },
  'Query.organization': { points: 1 },
  'Query.organizations': { points: 1, items: 200 }, // the city's agencies, with room to grow
  'Query.resource': { points: 1 },
  'Query.themes': { points: 1 },
  'Query.licences': { points: 0 }, // a constant list
  'Query.schema': { points: 1 },
  'Query.schemas': { points: 2 },
  'Query.uploadReport': { points: 1 },
  'Dataset.organization': BATCHED,
  'Dataset.themes': BATCHED,
  'Dataset.tags': BATCHED,
  'Dataset.resources': { points: 2, batched: true, items: 20 }, // resources, then their latest versions
  'Dataset.downloadCount': BATCHED,
  'Dataset.signOff': BATCHED,
  'Dataset.review': { points: 3 }, // history, pending versions and version keys, for each dataset
  'Organization.datasetCount': BATCHED,
  'Organization.parent': BATCHED,
  'Resource.report': BATCHED,
  'Resource.versions': { points: 1, batched: true, items: 20 },
  'Resource.downloadCount': BATCHED,
  'ResourceVersion.signOff': BATCHED,
  'ResourceVersion.report': BATCHED,

  // Rows: a keyset page is cheap; an exact count or an aggregate reads every matching row.
  'Resource.rows': { points: 2, page: { arg: 'first', default: 20, max: MAX_GRAPHQL_ROWS } },
  'RowConnection.edges': { points: 0, pageItems: true },
  'RowConnection.nodes': { points: 0, pageItems: true },
  'RowConnection.totalCount': { points: 10 },
  'RowConnection.totalCountEstimated': { points: 10 },
  'Resource.aggregate': { points: 10 },

  // Governance.
  'Query.auditLog': { points: 2, page: { arg: 'first', default: 50, max: 500 } },
  'AuditLogConnection.edges': { points: 0, pageItems: true },
  'Query.dataRequest': { points: 1 },
  'Query.dataRequestContact': { points: 1 },
  // Openness figures: one statement per figure over every organization (about six in all), and the plan's items.
  'Query.scoreboard': { points: 6, items: 200 },
  'Organization.score': { points: 6, batched: true },
  'Query.catalogStats': { points: 2 },
  'Query.planItems': { points: 1, items: 39 },
  'PlanItem.leads': BATCHED,
  'Query.dataRequests': { points: 1, items: { arg: 'first', default: 50, max: 200 } },
  'DataRequest.organization': BATCHED,
  'DataRequest.redirectedTo': BATCHED,
  'Query.datasetTimeliness': { points: 1 },
  'Query.obligations': { points: 1 },
  'Query.holidays': { points: 1 },
  'Query.negativeList': { points: 1, items: 200 },
  'NegativeRule.organization': BATCHED,
  'Query.organizationTimeliness': { points: 2, items: 200 }, // one per organization
  'Query.overdueDatasets': { points: 2, items: { arg: 'first', default: 100, max: 500 } },
  'Query.reviewQueue': { points: 2, items: 20 }, // a reviewer's queue, rarely longer
  'Query.uploadLimit': { points: 1 },

  'Mutation.addNegativeRule': MUTATION,
  'Mutation.addObligation': MUTATION,
  'Mutation.approveDataset': MUTATION,
  'Mutation.createDataset': MUTATION,
  'Mutation.createOrganization': MUTATION,
  'Mutation.deleteDataset': MUTATION,
  'Mutation.registerSchema': MUTATION,
  'Mutation.removeCalendarDay': MUTATION,
  'Mutation.removeNegativeRule': MUTATION,
  'Mutation.removeObligation': MUTATION,
  'Mutation.requestData': MUTATION,
  'Mutation.respondToDataRequest': MUTATION,
  'Mutation.returnDataset': MUTATION,
  'Mutation.setCalendarDay': MUTATION,
  'Mutation.setOrganizationReviewRequired': MUTATION,
  'Mutation.setPlanItemLeads': MUTATION,
  'Mutation.setUploadLimit': MUTATION,
  'Mutation.submitDataset': MUTATION,
  'Mutation.updateDataset': MUTATION,
  'Mutation.withdrawDataset': MUTATION,
};
