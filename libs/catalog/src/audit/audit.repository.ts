import { Injectable, OnModuleInit } from '@nestjs/common';
import { SqlRepository } from '@opendata/database';
import { SqlParams } from '../search/sql-params';
import { AuditActorSubscriber } from './audit-actor.subscriber';

export interface AuditEntry {
  id: string;
  at: Date;
  actorId: string | null;
  actorName: string;
  tableName: string;
  rowKey: string;
  operation: 'INSERT' | 'UPDATE' | 'DELETE';
  changed: string[];
  hashBefore: string | null;
  hashAfter: string | null;
  transactionId: string;
}

export interface AuditFilter {
  tables?: string[] | null;
  rowKey?: string | null;
  actorId?: string | null;
  actorName?: string | null;
  operations?: Array<AuditEntry['operation']> | null;
  from?: Date | null;
  to?: Date | null;
}

const COLUMNS = `id::text AS id, at, actor_id, actor_name, table_name, row_key, operation, changed, hash_before, hash_after, txid::text AS txid`;

/**
 * The statements on the audit trail (audit_log, written by the database trigger), and the subscriber that hands
 * the trigger the caller of every write.
 */
@Injectable()
export class AuditRepository extends SqlRepository implements OnModuleInit {
  onModuleInit(): void {
    if (!this.db.subscribers.some((s) => s instanceof AuditActorSubscriber)) this.db.subscribers.push(new AuditActorSubscriber());
  }

  /** Up to `limit` matching entries, newest first, older than the entry `beforeId` when given. */
  async newestFirst(filter: AuditFilter, beforeId: string | null, limit: number): Promise<AuditEntry[]> {
    const p = new SqlParams();
    const where = whereOf(filter, p);
    if (beforeId !== null) where.push(`id < ${p.add(beforeId)}::bigint`);
    const rows = await this.db.query(
      `SELECT ${COLUMNS} FROM audit_log ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY audit_log.id DESC LIMIT ${p.add(limit)}`,
      p.values,
    );
    return rows.map(entryFromRow);
  }

  /** Up to `limit` matching entries after the entry `afterId`, oldest first. */
  async oldestFirstAfter(filter: AuditFilter, afterId: string, limit: number): Promise<AuditEntry[]> {
    const p = new SqlParams();
    const where = [...whereOf(filter, p), `id > ${p.add(afterId)}::bigint`];
    const rows = await this.db.query(`SELECT ${COLUMNS} FROM audit_log WHERE ${where.join(' AND ')} ORDER BY audit_log.id LIMIT ${p.add(limit)}`, p.values);
    return rows.map(entryFromRow);
  }
}

function whereOf(filter: AuditFilter, p: SqlParams): string[] {
  const where: string[] = [];
  if (filter.tables?.length) where.push(`table_name = ANY(${p.add(filter.tables)}::text[])`);
  if (filter.rowKey) where.push(`row_key = ${p.add(filter.rowKey)}`);
  if (filter.actorId) where.push(`actor_id = ${p.add(filter.actorId)}::uuid`);
  if (filter.actorName) where.push(`actor_name = ${p.add(filter.actorName)}`);
  if (filter.operations?.length) where.push(`operation = ANY(${p.add(filter.operations)}::text[])`);
  if (filter.from) where.push(`at >= ${p.add(filter.from)}`);
  if (filter.to) where.push(`at < ${p.add(filter.to)}`);
  return where;
}

function entryFromRow(r: Record<string, unknown>): AuditEntry {
  return {
    id: r.id as string,
    at: r.at as Date,
    actorId: (r.actor_id as string | null) ?? null,
    actorName: r.actor_name as string,
    tableName: r.table_name as string,
    rowKey: r.row_key as string,
    operation: r.operation as AuditEntry['operation'],
    changed: r.changed as string[],
    hashBefore: (r.hash_before as string | null) ?? null,
    hashAfter: (r.hash_after as string | null) ?? null,
    transactionId: r.txid as string,
  };
}
