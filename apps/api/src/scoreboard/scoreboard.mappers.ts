import { OrganizationScore, PlanItemStatus } from '@opendata/catalog';
import { toOrganizationModel } from '../catalog/catalog.mappers';
import { OrganizationScoreModel, PlanItemModel } from './scoreboard.models';

export function toScoreModel(score: OrganizationScore): OrganizationScoreModel {
  return {
    organization: toOrganizationModel(score.organization),
    planItems: score.ledPlanItems.length,
    planItemsPublished: score.publishedPlanItems.length,
    ledPlanItems: score.ledPlanItems,
    publishedPlanItems: score.publishedPlanItems,
    publishedDatasets: score.publishedDatasets,
    onTimeRate: score.onTimeRate,
    validationPassRate: score.validationPassRate,
    uploads: score.uploads,
    dataRequests: score.dataRequests,
    answeredRequests: score.answeredRequests,
    medianResponseDays: score.medianResponseDays,
    withdrawnDatasets: score.withdrawnDatasets,
  };
}

export function toPlanItemModel(item: PlanItemStatus): PlanItemModel {
  return {
    number: item.number,
    title: item.title,
    section: item.section,
    leadUnits: [...item.leadUnits],
    publishedDatasets: item.publishedDatasets,
    leadOrganizationIds: item.leadOrganizationIds,
  };
}
