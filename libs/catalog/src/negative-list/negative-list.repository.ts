import { Injectable } from '@nestjs/common';
import { SqlRepository, Tx } from '@opendata/database';
import { NegativeRule, NegativeRuleKind } from '@opendata/validation';

export interface StoredNegativeRule extends NegativeRule {
  createdAt: Date;
}

const COLUMNS = `id, organization_id, kind, value, reason, created_at`;

/** The statements on negative list rules (city-wide ones have no organization). */
@Injectable()
export class NegativeListRepository extends SqlRepository {
  /** City-wide rules and the organization's own (none with null): city-wide first, then by kind and value. */
  async listFor(organizationId: string | null): Promise<StoredNegativeRule[]> {
    const rows = await this.db.query(
      `SELECT ${COLUMNS} FROM negative_list_rules
       WHERE organization_id IS NULL OR organization_id = $1 ORDER BY organization_id NULLS FIRST, kind, value`,
      [organizationId],
    );
    return rows.map(ruleFromRow);
  }

  /** The rules in force for an organization, in no particular order. */
  async inForce(organizationId: string): Promise<StoredNegativeRule[]> {
    const rows = await this.db.query(`SELECT ${COLUMNS} FROM negative_list_rules WHERE organization_id IS NULL OR organization_id = $1`, [organizationId]);
    return rows.map(ruleFromRow);
  }

  async findById(id: string): Promise<StoredNegativeRule | null> {
    const rows = await this.db.query(`SELECT ${COLUMNS} FROM negative_list_rules WHERE id = $1`, [id]);
    return rows.length ? ruleFromRow(rows[0]) : null;
  }

  /** Adds a rule; null when the same rule is already on that list. */
  async insert(rule: Omit<NegativeRule, 'id'> & { createdBy: string | null }, tx?: Tx): Promise<StoredNegativeRule | null> {
    const rows = await this.on(tx).query(
      `INSERT INTO negative_list_rules (organization_id, kind, value, reason, created_by) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT DO NOTHING RETURNING ${COLUMNS}`,
      [rule.organizationId, rule.kind, rule.value, rule.reason, rule.createdBy],
    );
    return rows.length ? ruleFromRow(rows[0]) : null;
  }

  async delete(id: string, tx?: Tx): Promise<void> {
    await this.on(tx).query(`DELETE FROM negative_list_rules WHERE id = $1`, [id]);
  }
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
