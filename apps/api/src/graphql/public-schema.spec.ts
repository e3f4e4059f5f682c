import { projectRoot } from '@opendata/common';
import { GraphQLSchema, isEnumType, isInputObjectType, isObjectType } from 'graphql';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildPublicSchema, printPublicSchema } from './public-schema';

describe('public GraphQL schema', () => {
  let schema: GraphQLSchema;
  beforeAll(async () => {
    schema = await buildPublicSchema();
  });

  it('matches the committed apps/api/schema.gql (run `npm run schema:print` after changing the API)', async () => {
    const committed = readFileSync(join(projectRoot(), 'apps/api/schema.gql'), 'utf8');
    expect(await printPublicSchema()).toBe(committed);
  });

  it('describes every type, field, argument and enum value', () => {
    const missing: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith('__') || ['String', 'Int', 'Float', 'Boolean', 'ID'].includes(type.name)) continue;
      if (!type.description && type !== schema.getQueryType() && type !== schema.getMutationType()) missing.push(type.name);
      if (isObjectType(type) || isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) {
          if (!field.description) missing.push(`${type.name}.${field.name}`);
          for (const arg of 'args' in field ? field.args : []) {
            if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
          }
        }
      }
      if (isEnumType(type)) {
        for (const value of type.getValues()) if (!value.description && type.name !== 'OrderDirection') missing.push(`${type.name}.${value.name}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('serves the query and mutation names of the public contract', () => {
    const query = schema.getQueryType()!.getFields();
    for (const name of ['datasets', 'dataset', 'organizations', 'organization', 'resource']) expect(query[name]).toBeDefined();
    expect(query.datasets.args.map((a) => a.name).sort()).toEqual(['after', 'filter', 'first', 'orderBy', 'search']);
    const mutation = schema.getMutationType()!.getFields();
    for (const name of ['createDataset', 'updateDataset', 'deleteDataset', 'createOrganization']) expect(mutation[name]).toBeDefined();
  });

  it('serves the names the portal is built against', () => {
    const query = schema.getQueryType()!.getFields();
    expect(String(query.catalogStats.type)).toBe('CatalogStats!');
    expect(String(query.scoreboard.type)).toBe('[OrganizationScore!]!');
    const field = (type: string, name: string) => {
      const t = schema.getType(type);
      return isObjectType(t) ? String(t.getFields()[name]?.type) : undefined;
    };
    expect(field('Organization', 'score')).toBe('OrganizationScore!');
    expect(field('Dataset', 'planItem')).toBe('Int');
    const stats = { datasets: 'Int!', organizations: 'Int!', resources: 'Int!', rows: 'Float!', downloads: 'Float!' };
    for (const [name, type] of Object.entries(stats)) expect([name, field('CatalogStats', name)]).toEqual([name, type]);
    const score = {
      organization: 'Organization!', planItems: 'Int!', planItemsPublished: 'Int!', publishedDatasets: 'Int!', onTimeRate: 'Float',
      validationPassRate: 'Float', dataRequests: 'Int!', answeredRequests: 'Int!', medianResponseDays: 'Float', withdrawnDatasets: 'Int!',
    };
    for (const [name, type] of Object.entries(score)) expect([name, field('OrganizationScore', name)]).toEqual([name, type]);
  });
});
