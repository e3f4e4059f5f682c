import { Injectable } from '@nestjs/common';
import { Caller, requireOrganizationAdmin, requireSysadmin } from '@opendata/auth';
import { FieldError, badInput, bilingual, fieldError, isEntityId, notFound } from '@opendata/common';
import { NEGATIVE_RULE_KINDS, NegativeListMatcher, NegativeRule, NegativeRuleKind, describeRule, ruleProblem } from '@opendata/validation';
import { OrganizationService } from '../organization.service';
import { NegativeListRepository, StoredNegativeRule } from './negative-list.repository';

export type { StoredNegativeRule } from './negative-list.repository';

export interface NegativeRuleInput {
  /** Organization slug; absent for a city-wide rule. */
  organization?: string | null;
  kind: NegativeRuleKind;
  value: string;
  reason: string;
}

/** Metadata text fields checked against terms and patterns, with the names the caller knows. */
const TEXT_FIELDS = ['title', 'titleEn', 'description', 'descriptionEn', 'openCondition', 'shareCondition'] as const;

/**
 * Reading and managing the negative list (public to read, plan item 4: 负面清单公开), and applying it to
 * dataset metadata and to uploads. Changes are written with their actor, so the audit trail records them. Rules are read afresh for every check (one small query), so a change is
 * in force at once in every API process.
 */
@Injectable()
export class NegativeListService {
  constructor(
    private readonly rules: NegativeListRepository,
    private readonly organizations: OrganizationService,
  ) {}

  /** City-wide rules, and with an organization slug that organization's own rules too. */
  async list(organizationSlug: string | null): Promise<StoredNegativeRule[]> {
    const organizationId = organizationSlug ? (await this.organizations.getBySlug(organizationSlug)).id : null;
    return this.rules.listFor(organizationId);
  }

  async add(caller: Caller, input: NegativeRuleInput): Promise<StoredNegativeRule> {
    const organizationId = await this.requireManager(caller, input.organization ?? null);
    const problems: FieldError[] = [];
    if (!NEGATIVE_RULE_KINDS.includes(input.kind)) problems.push(fieldError('kind', 'input.oneOf', { values: NEGATIVE_RULE_KINDS.join(', ') }));
    const valueProblem = ruleProblem(input.kind, input.value);
    if (valueProblem) problems.push({ path: 'value', message: bilingual(valueProblem) });
    if (!input.reason?.trim() || input.reason.length > 500) problems.push(fieldError('reason', 'negativeList.reasonNeeded'));
    if (problems.length) throw badInput(problems);
    const rule = { organizationId, kind: input.kind, value: input.value, reason: input.reason.trim(), createdBy: caller.userId };
    const added = await this.rules.withTransaction(caller, (tx) => this.rules.insert(rule, tx));
    if (!added) throw badInput([fieldError('value', 'negativeList.duplicate')]);
    return added;
  }

  async remove(caller: Caller, id: string): Promise<StoredNegativeRule> {
    const rule = isEntityId(id) ? await this.rules.findById(id) : null;
    if (!rule) throw notFound('negativeListRule', id);
    if (rule.organizationId) requireOrganizationAdmin(caller, rule.organizationId);
    else requireSysadmin(caller, 'forbidden.cityNegativeList');
    await this.rules.withTransaction(caller, (tx) => this.rules.delete(id, tx));
    return rule;
  }

  /** The rules in force for an organization: city-wide ones and its own (uploads apply them as they stream). */
  rulesFor(organizationId: string): Promise<NegativeRule[]> {
    return this.rules.inForce(organizationId);
  }

  async matcherFor(organizationId: string): Promise<NegativeListMatcher> {
    return new NegativeListMatcher(await this.rulesFor(organizationId));
  }

  /** Field errors for metadata that names a listed term, pattern or theme; empty when the record is clean. */
  async checkMetadata(organizationId: string, record: Record<string, unknown>): Promise<FieldError[]> {
    const matcher = await this.matcherFor(organizationId);
    if (matcher.empty) return [];
    const problems: FieldError[] = [];
    const text = (path: string, value: unknown) => {
      const hit = typeof value === 'string' ? matcher.textHit(value) : null;
      if (hit) problems.push(fieldError(path, 'negativeList.textHit', { matched: hit.matched, rule: describeRule(hit.rule) }));
    };
    for (const field of TEXT_FIELDS) text(field, record[field]);
    asStrings(record.tags).forEach((tag, i) => text(`tags.${i}`, tag));
    asStrings(record.themes).forEach((code, i) => {
      const rule = matcher.themeHit(code);
      if (rule) problems.push(fieldError(`themes.${i}`, 'negativeList.themeHit', { code, rule: describeRule(rule) }));
    });
    return problems;
  }

  private async requireManager(caller: Caller, organizationSlug: string | null): Promise<string | null> {
    if (!organizationSlug) {
      requireSysadmin(caller, 'forbidden.cityNegativeList');
      return null;
    }
    const organization = await this.organizations.getBySlug(organizationSlug);
    requireOrganizationAdmin(caller, organization.id);
    return organization.id;
  }
}

function asStrings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}
