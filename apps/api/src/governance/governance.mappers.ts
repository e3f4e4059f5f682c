import { DataRequest, Obligation, StoredNegativeRule } from '@opendata/catalog';
import { DataRequestModel, DataRequestStatusEnum, NegativeRuleKindEnum, NegativeRuleModel, ObligationKindEnum, ObligationModel } from './governance.models';

const DAY_MS = 86_400_000;

export function toRequestModel(r: DataRequest): DataRequestModel {
  return {
    ...r,
    status: r.status as DataRequestStatusEnum,
    redirectedToId: r.redirectedTo,
    responseDays: r.respondedAt ? Math.round(((r.respondedAt.getTime() - r.createdAt.getTime()) / DAY_MS) * 100) / 100 : null,
  };
}

/** A rule with its organization's id, for the organization field to resolve. */
export type RuleModel = NegativeRuleModel & { organizationId: string | null };

export function toRuleModel(r: StoredNegativeRule): RuleModel {
  return { ...r, kind: r.kind as NegativeRuleKindEnum, organization: null };
}

export function toObligationModel(o: Obligation): ObligationModel {
  return { ...o, kind: o.kind as ObligationKindEnum };
}
