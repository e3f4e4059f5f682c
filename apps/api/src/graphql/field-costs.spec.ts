import { RESOLVER_NAME_METADATA, RESOLVER_PROPERTY_METADATA, RESOLVER_TYPE_METADATA } from '@nestjs/graphql';
import { getNamedType, GraphQLNamedType, GraphQLSchema, isListType, isNonNullType, isObjectType, parse, GraphQLOutputType } from 'graphql';
import { FIELD_COSTS, VALUE_POINTS } from './field-costs';
import { buildPublicSchema, RESOLVERS } from './public-schema';
import { measureDocument } from './query-cost';
import { checkQueryLimits, DEFAULT_QUERY_LIMITS } from './query-limits';

/** `Type.field` of every method decorated with @ResolveField in the API's resolvers. */
function resolverFields(): string[] {
  const fields: string[] = [];
  for (const resolver of RESOLVERS) {
    const parent: string = Reflect.getMetadata(RESOLVER_TYPE_METADATA, resolver);
    for (const method of Object.getOwnPropertyNames(resolver.prototype)) {
      const handler: unknown = (resolver.prototype as unknown as Record<string, unknown>)[method];
      if (typeof handler !== 'function' || !Reflect.getMetadata(RESOLVER_PROPERTY_METADATA, handler)) continue;
      fields.push(`${parent}.${Reflect.getMetadata(RESOLVER_NAME_METADATA, handler) ?? method}`);
    }
  }
  return fields;
}

const isList = (type: GraphQLOutputType): boolean => isListType(isNonNullType(type) ? type.ofType : type);

/** Object types under which some field is priced per resolution (batched relations are not): lists above them multiply that price. */
function typesWithPricedFields(schema: GraphQLSchema): Set<string> {
  const priced = new Set<string>();
  const objects = Object.values(schema.getTypeMap()).filter((t) => isObjectType(t) && !t.name.startsWith('__')) as GraphQLNamedType[];
  for (let changed = true; changed; ) {
    changed = false;
    for (const type of objects) {
      if (priced.has(type.name) || !isObjectType(type)) continue;
      const fields = Object.values(type.getFields());
      const cost = (field: string) => FIELD_COSTS[`${type.name}.${field}`];
      if (fields.some((f) => (!cost(f.name)?.batched && (cost(f.name)?.points ?? 0) > 0) || priced.has(getNamedType(f.type).name))) {
        priced.add(type.name);
        changed = true;
      }
    }
  }
  return priced;
}

/** The portal's pages, as it asks for them. */
const PORTAL = {
  datasetPage: `query($slug: String) {
    dataset(slug: $slug) {
      id slug title titleEn description descriptionEn status modified issued updateFrequency openAttribute openCondition
      license { id title url } contactPoint { name email phone } spatial { name code } temporal { start end }
      organization { slug name nameEn } themes { code label labelEn } tags downloadCount
      signOff { approvedBy approvedAt sha256 reviewed }
      resources {
        id name description format mediaType byteSize rowCount schemaId version sha256 modified downloadUrl downloadCount
        report { valid rowCount errorCount encoding }
        versions { version fileName byteSize createdAt downloadUrl signOff { approvedAt sha256 } }
      }
    }
  }`,
  rowsPage: `query($id: ID!, $after: String) {
    resource(id: $id) {
      rows(first: 50, after: $after) {
        totalCount totalCountEstimated version
        nodes { ... on AirQualityHourlyRow { rowNumber station_name time aqi pm2_5 pm10 quality } ... on JsonRow { rowNumber values } }
        pageInfo { hasNextPage endCursor }
      }
    }
  }`,
  searchPage: `query($search: String, $filter: DatasetFilter, $after: String) {
    datasets(search: $search, filter: $filter, first: 20, after: $after) {
      totalCount
      edges { cursor node { slug title titleEn description modified organization { slug name } themes { code label } tags resources { format } } }
      pageInfo { hasNextPage endCursor }
      facets {
        organizations { key label count } themes { key label count } tags { key label count } formats { key label count }
      }
    }
  }`,
  organizationsPage: `{ organizations { slug name nameEn description datasetCount parent { slug name } } }`,
};

describe('field costs', () => {
  let schema: GraphQLSchema;
  beforeAll(async () => {
    schema = await buildPublicSchema();
  });

  it('declares a cost for every root field: a new query or mutation without one fails here', () => {
    const roots = [schema.getQueryType()!, schema.getMutationType()!].flatMap((type) => Object.keys(type.getFields()).map((field) => `${type.name}.${field}`));
    expect(roots.length).toBeGreaterThan(40);
    expect(roots.filter((field) => !(field in FIELD_COSTS))).toEqual([]);
  });

  it('declares a cost for every resolver field, even one that reads nothing (points: 0)', () => {
    const fields = resolverFields();
    expect(fields).toEqual(expect.arrayContaining(['Dataset.organization', 'Resource.rows', 'RowConnection.totalCount', 'Dataset.review']));
    expect(fields.filter((field) => !(field in FIELD_COSTS))).toEqual([]);
  });

  it('names only fields the schema has', () => {
    for (const key of Object.keys(FIELD_COSTS)) {
      const [type, field] = key.split('.');
      const parent = schema.getType(type);
      expect(parent && isObjectType(parent) && parent.getFields()[field] ? key : `${key} is not in the schema`).toBe(key);
    }
  });

  it('gives an item count to every list above a priced field, and a page argument to every connection', () => {
    const priced = typesWithPricedFields(schema);
    const missing: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith('__')) continue;
      for (const field of Object.values(type.getFields())) {
        const key = `${type.name}.${field.name}`;
        const itemType = getNamedType(field.type);
        if (isList(field.type) && priced.has(itemType.name) && !FIELD_COSTS[key]?.items && !FIELD_COSTS[key]?.pageItems) missing.push(`${key} (items)`);
        const connection = isObjectType(itemType) && Object.keys(itemType.getFields()).some((f) => FIELD_COSTS[`${itemType.name}.${f}`]?.pageItems);
        if (connection && !FIELD_COSTS[key]?.page) missing.push(`${key} (page)`);
      }
    }
    expect(missing).toEqual([]);
  });

  it.each(Object.entries(PORTAL))('keeps the portal %s well inside the budget', (_, query) => {
    const measured = checkQueryLimits(schema, parse(query), { slug: 'x', id: 'x' }, DEFAULT_QUERY_LIMITS);
    const [page] = measured.operations.values();
    expect(page.cost).toBeGreaterThan(0);
    expect(page.cost).toBeLessThanOrEqual(DEFAULT_QUERY_LIMITS.maxCost / 10);
  });

  it('prices what the pages read: a search with four facets, a rows page with its count, a dataset page', () => {
    const cost = (query: string) => [...measureDocument(schema, parse(query)).operations.values()][0].cost;
    const v = VALUE_POINTS;
    // search 5 + total 1 + 4 facets + batched relations (organization, themes, tags 1 each, resources 2); and 742
    // values: 36 a result (20 resources assumed, one value each) and 22 around the results.
    expect(cost(PORTAL.searchPage)).toBeCloseTo(5 + 1 + 4 + 5 + 742 * v, 6);
    // resource 1 + rows page 2 + exact count 10 + estimate flag 10; 508 values: 10 a row (both row types asked) and 8.
    expect(cost(PORTAL.rowsPage)).toBeCloseTo(23 + 508 * v, 6);
    // dataset 1 + batched: organization, themes, tags, download count, sign-off 1 each, resources 2, and per
    // resource report, versions, their sign-offs, download count 1 each; 3,623 values: 179 a resource (20 assumed,
    // with 20 versions each) and 43 around them.
    expect(cost(PORTAL.datasetPage)).toBeCloseTo(1 + 5 + 2 + 4 + 3623 * v, 6);
    expect(cost('{ a: datasets(search: "x", first: 1) { totalCount } b: datasets(search: "y", first: 1) { totalCount } }')).toBeCloseTo(12 + 4 * v, 6);
  });
});
