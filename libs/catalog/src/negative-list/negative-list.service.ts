import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Caller, requireOrganizationAdmin, requireSysadmin } from '@opendata/auth';
import { FieldError, badInput, notFound } from '@opendata/common';
import { NEGATIVE_RULE_KINDS, NegativeListMatcher, NegativeRule, NegativeRuleKind, describeRule, ruleProblem } from '@opendata/validation';
import { DataSource } from 'typeorm';
import { OrganizationEntity } from '../entities';
import { writeAs } from './actor';

export interface NegativeRuleInput {
  /** Organization slug; absent for a city-wide rule. */
  organization?: string | null;
  kind: NegativeRuleKind;
  value: string;
  reason: string;
}

export interface StoredNegativeRule extends NegativeRule {
  createdAt: Date;
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
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** City-wide rules, and with an organization slug that organization's own rules too. */
  async list(organizationSlug: string | null): Promise<StoredNegativeRule[]> {
    const organizationId = organizationSlug ? (await this.organization(organizationSlug)).id : null;
    const rows = await this.db.query(
      `SELECT id, organization_id, kind, value, reason, created_at FROM negative_list_rules
       WHERE organization_id IS NULL OR organization_id = $1 ORDER BY organization_id NULLS FIRST, kind, value`,
      [organizationId],
    );
    return rows.map(ruleFromRow);
  }

  async add(caller: Caller, input: NegativeRuleInput): Promise<StoredNegativeRule> {
    const organizationId = await this.requireManager(caller, input.organization ?? null);
    const problems: FieldError[] = [];
    if (!NEGATIVE_RULE_KINDS.includes(input.kind)) problems.push({ path: 'kind', message: `must be one of ${NEGATIVE_RULE_KINDS.join(', ')}` });
    const valueProblem = ruleProblem(input.kind, input.value);
    if (valueProblem) problems.push({ path: 'value', message: valueProblem });
    if (!input.reason?.trim() || input.reason.length > 500) problems.push({ path: 'reason', message: 'give the reason (1-500 characters), shown with every hit' });
    if (problems.length) throw badInput(problems);
    const rows = await writeAs(this.db, caller, (manager) => manager.query(
      `INSERT INTO negative_list_rules (organization_id, kind, value, reason, created_by) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT DO NOTHING RETURNING id, organization_id, kind, value, reason, created_at`,
      [organizationId, input.kind, input.value, input.reason.trim(), caller.userId],
    ));
    if (!rows.length) throw badInput([{ path: 'value', message: 'is already on this negative list' }]);
    return ruleFromRow(rows[0]);
  }

  async remove(caller: Caller, id: string): Promise<StoredNegativeRule> {
    const rows = /^[0-9a-f-]{36}$/i.test(id)
      ? await this.db.query(`SELECT id, organization_id, kind, value, reason, created_at FROM negative_list_rules WHERE id = $1`, [id])
      : [];
    if (!rows.length) throw notFound('Negative list rule', id);
    const rule = ruleFromRow(rows[0]);
    if (rule.organizationId) requireOrganizationAdmin(caller, rule.organizationId);
    else requireSysadmin(caller, 'change the city-wide negative list');
    await writeAs(this.db, caller, (manager) => manager.query(`DELETE FROM negative_list_rules WHERE id = $1`, [id]));
    return rule;
  }

  /** The rules in force for an organization: city-wide ones and its own (uploads apply them as they stream). */
  async rulesFor(organizationId: string): Promise<NegativeRule[]> {
    const rows = await this.db.query(
      `SELECT id, organization_id, kind, value, reason, created_at FROM negative_list_rules WHERE organization_id IS NULL OR organization_id = $1`,
      [organizationId],
    );
    return rows.map(ruleFromRow);
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
      if (hit) problems.push({ path, message: `contains「${hit.matched}」: ${describeRule(hit.rule)}` });
    };
    for (const field of TEXT_FIELDS) text(field, record[field]);
    asStrings(record.tags).forEach((tag, i) => text(`tags.${i}`, tag));
    asStrings(record.themes).forEach((code, i) => {
      const rule = matcher.themeHit(code);
      if (rule) problems.push({ path: `themes.${i}`, message: `theme ${code} is a forbidden data category: ${describeRule(rule)}` });
    });
    return problems;
  }

  private async requireManager(caller: Caller, organizationSlug: string | null): Promise<string | null> {
    if (!organizationSlug) {
      requireSysadmin(caller, 'change the city-wide negative list');
      return null;
    }
    const organization = await this.organization(organizationSlug);
    requireOrganizationAdmin(caller, organization.id);
    return organization.id;
  }

  private async organization(slug: string): Promise<OrganizationEntity> {
    const organization = await this.db.getRepository(OrganizationEntity).findOneBy({ slug });
    if (!organization) throw notFound('Organization', slug);
    return organization;
  }
}

function asStrings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function ruleFromRow(row: Record<string, unknown>): StoredNegativeRule {
  return {
    id: row.id as string,
    organizationId: (row.organization_id as string | null) ?? null,
    kind: row.kind as NegativeRuleKind,
    value: row.value as string,
    reason: row.reason as string,
    createdAt: row.created_at as Date,
  };
}
