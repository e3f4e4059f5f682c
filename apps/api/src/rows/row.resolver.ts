import { Args, Info, Int, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Caller } from '@opendata/auth';
import { badInput, fieldError } from '@opendata/common';
import { GraphQLResolveInfo } from 'graphql';
import { ResourceModel } from '../catalog/resource.models';
import { OrderDirectionEnum } from '../catalog/search.models';
import { requestedFields } from '../graphql/requested-fields';
import { CurrentCaller } from '../http/current-caller.decorator';
import { RowAccessService } from './row-access.service';
import { RowConditionInput, RowMetricInput, RowOrderInput } from './rows.inputs';
import { toFilter } from './rows.mappers';
import { RowConnectionModel, RowGroupModel } from './rows.models';
import { toRowNode } from './row-types';

/** GraphQL pages are smaller than the lib's maximum: a page is resolved field by field. */
export const MAX_GRAPHQL_ROWS = 500;

@Resolver(() => ResourceModel)
export class ResourceRowsResolver {
  constructor(private readonly access: RowAccessService) {}

  @ResolveField(() => RowConnectionModel, {
    description:
      'Validated rows of the latest version (or `version`), typed by collection standard: filter with `where`, sort with `orderBy`, page with `first` and `after` (keyset cursors: deep pages cost as little as the first).',
  })
  async rows(
    @CurrentCaller() caller: Caller,
    @Parent() resource: ResourceModel,
    @Info() info: GraphQLResolveInfo,
    @Args('version', { type: () => Int, nullable: true, description: 'Version number; the latest by default.' }) version: number | null,
    @Args('where', { type: () => [RowConditionInput], nullable: true, description: 'Conditions, all of which must hold.' }) where: RowConditionInput[] | null,
    @Args('orderBy', { type: () => [RowOrderInput], nullable: true, description: 'Sort keys (at most 3); file order by default.' }) orderBy: RowOrderInput[] | null,
    @Args('first', { type: () => Int, nullable: true, description: `Page size, 1 to ${MAX_GRAPHQL_ROWS} (default 20).` }) first: number | null,
    @Args('after', { type: () => String, nullable: true, description: 'Cursor of the last row of the previous page.' }) after: string | null,
  ): Promise<RowConnectionModel> {
    if (first !== null && (first < 1 || first > MAX_GRAPHQL_ROWS)) throw badInput([fieldError('first', 'input.range', { min: 1, max: MAX_GRAPHQL_ROWS })]);
    const rows = await this.access.rowsOf(caller, resource.id, version);
    const filter = toFilter(where);
    const wanted = new Set([...requestedFields(info, ['nodes']), ...requestedFields(info, ['edges', 'node'])]);
    // Only the columns the query selects are read (JsonRow's `values` needs them all).
    const fields = wanted.has('values') ? null : rows.fields.filter((f) => wanted.has(f.name)).map((f) => f.name);
    const page = await this.access.page(rows, {
      where: filter,
      orderBy: orderBy?.map((o) => ({ field: o.field, direction: o.direction === OrderDirectionEnum.DESC ? 'desc' : 'asc' })),
      first: first ?? 20,
      after,
      fields: fields?.length ? fields : null,
    });
    const edges = page.edges.map((e) => ({ cursor: e.cursor, node: toRowNode(rows.schemaId, e.row) }));
    return {
      edges,
      nodes: edges.map((e) => e.node),
      pageInfo: { hasNextPage: page.hasNextPage, hasPreviousPage: Boolean(after), startCursor: edges[0]?.cursor ?? null, endCursor: page.endCursor },
      version: rows.version,
      rows,
      where: filter,
    };
  }

  @ResolveField(() => [RowGroupModel], { description: 'Aggregates over the validated rows of the latest version (or `version`): count, sum, avg, min, max, grouped by fields.' })
  async aggregate(
    @CurrentCaller() caller: Caller,
    @Parent() resource: ResourceModel,
    @Args('metrics', { type: () => [RowMetricInput], description: 'The metrics to compute.' }) metrics: RowMetricInput[],
    @Args('groupBy', { type: () => [String], nullable: true, description: 'Fields to group by (at most 3); one group overall by default.' }) groupBy: string[] | null,
    @Args('where', { type: () => [RowConditionInput], nullable: true, description: 'Conditions on the rows aggregated.' }) where: RowConditionInput[] | null,
    @Args('version', { type: () => Int, nullable: true, description: 'Version number; the latest by default.' }) version: number | null,
    @Args('limit', { type: () => Int, nullable: true, description: 'Most groups returned, in group key order (1 to 1000, default 1000).' }) limit: number | null,
  ): Promise<RowGroupModel[]> {
    const rows = await this.access.rowsOf(caller, resource.id, version);
    const groups = await this.access.aggregate(rows, { where: toFilter(where), groupBy, metrics, limit });
    return groups.map((g) => ({
      key: g.key,
      metrics: metrics.map((m, i) => ({ fn: m.fn, field: m.field ?? null, value: g.values[i] })),
    }));
  }
}

@Resolver(() => RowConnectionModel)
export class RowConnectionResolver {
  constructor(private readonly access: RowAccessService) {}

  @ResolveField(() => Int, { description: 'How many rows match: exact up to 100,000, above that the query planner estimate (see totalCountEstimated).' })
  async totalCount(@Parent() connection: RowConnectionModel): Promise<number> {
    return (await this.counted(connection)).count;
  }

  @ResolveField(() => Boolean, { description: 'true when totalCount is an estimate.' })
  async totalCountEstimated(@Parent() connection: RowConnectionModel): Promise<boolean> {
    return (await this.counted(connection)).estimated;
  }

  private counted(connection: RowConnectionModel) {
    connection.count ??= this.access.count(connection.rows, connection.where);
    return connection.count;
  }
}
