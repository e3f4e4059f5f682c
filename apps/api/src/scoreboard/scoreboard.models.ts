import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { OrganizationModel } from '../catalog/models/organization.model';

@ObjectType('CatalogStats', { description: 'Totals of the public catalogue, as anyone sees it (the portal\'s home page).' })
export class CatalogStatsModel {
  @Field(() => Int, { description: 'Published datasets (live, status PUBLISHED).' })
  datasets: number;

  @Field(() => Int, { description: 'Organizations publishing at least one published dataset.' })
  organizations: number;

  @Field(() => Int, { description: 'Files of published datasets that have a released (approved) version.' })
  resources: number;

  @Field(() => Float, { description: 'Validated rows of those files: the row counts of the latest released version of each, summed.' })
  rows: number;

  @Field(() => Float, { description: 'Downloads of the files and row exports of published datasets, all versions, since the platform began counting.' })
  downloads: number;
}

@ObjectType('OrganizationScore', {
  description:
    'An organization\'s openness figures, the ones the 2017 plan (衡办发〔2017〕25号, 五(三) 强化监督考核) asks agencies to be evaluated by, computed from what the platform records. Rates are 0..1, null when there is nothing to rate.',
})
export class OrganizationScoreModel {
  @Field(() => OrganizationModel, { description: 'The organization.' })
  organization: OrganizationModel;

  @Field(() => Int, { description: 'Items of the plan (1-39) the organization leads (牵头), as assigned in this installation (see planItems).' })
  planItems: number;

  @Field(() => Int, { description: 'Of the items it leads, those for which the organization itself has at least one published dataset (Dataset.planItem).' })
  planItemsPublished: number;

  @Field(() => [Int], { description: 'The numbers of the items it leads.' })
  ledPlanItems: number[];

  @Field(() => [Int], { description: 'The numbers of the led items it has published a dataset for.' })
  publishedPlanItems: number[];

  @Field(() => Int, { description: 'Its published datasets (live, status PUBLISHED).' })
  publishedDatasets: number;

  @Field(() => Float, {
    nullable: true,
    description: 'On-time rate (按时更新率): deadlines met / deadlines counted over its published datasets, each due one 更新周期 after its last publication plus its statutory obligations (the timeliness service, as organizationTimeliness reports it); null before any deadline has come.',
  })
  onTimeRate: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Validation pass rate (校验通过率): uploads to its datasets whose validation report was valid (published as resource versions) / all its uploads, rejected ones included (their outcomes are kept after the reports expire); null before any upload.',
  })
  validationPassRate: number | null;

  @Field(() => Int, { description: 'Uploads ever validated for its datasets (the denominator of validationPassRate).' })
  uploads: number;

  @Field(() => Int, { description: 'Data requests (依申请公开) addressed to it, whatever their state; a redirected request counts for the organization it was sent on to as a new request.' })
  dataRequests: number;

  @Field(() => Int, { description: 'Of those, the requests it has answered (accepted, declined or redirected).' })
  answeredRequests: number;

  @Field(() => Float, { nullable: true, description: 'Median time from request to answer over the answered requests, in days (two decimals); null before the first answer.' })
  medianResponseDays: number | null;

  @Field(() => Int, { description: 'Its datasets ever withdrawn after publication (withdrawDataset), including those published again or deleted since.' })
  withdrawnDatasets: number;
}

@ObjectType('PlanItem', { description: 'An item of the city\'s 2017 government-openness plan (衡办发〔2017〕25号), who leads it here, and what is published for it.' })
export class PlanItemModel {
  @Field(() => Int, { description: 'Item number, 1-39.' })
  number: number;

  @Field({ description: 'The item\'s heading, e.g. 环境保护监管信息公开.' })
  title: string;

  @Field({ description: 'The section of the plan, e.g. 三、推进政务运行全过程公开 （三）全面推进管理公开.' })
  section: string;

  @Field(() => [String], { description: 'Lead units (牵头单位) as the plan names them (市环保局 ...); empty where it names none.' })
  leadUnits: string[];

  @Field(() => Int, { description: 'Published datasets answering the item, from any organization.' })
  publishedDatasets: number;

  leadOrganizationIds: string[];
}
