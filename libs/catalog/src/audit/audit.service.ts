import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Caller, requireSysadmin } from '@opendata/auth';
import { FieldError, badInput } from '@opendata/common';
import { DataSource } from 'typeorm';
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

export const MAX_AUDIT_PAGE = 500;
const EXPORT_BATCH = 2000;

const COLUMNS = `id::text AS id, at, actor_id, actor_name, table_name, row_key, operation, changed, hash_before, hash_after, txid::text AS txid`;

/**
 * The audit trail: every write to the audited tables, as recorded by the database trigger (who, when, which
 * row, which columns, the SHA-256 of the row before and after). Read by system administrators only, newest
 * first, in pages; exported oldest first in bounded batches.
 */
@Injectable()
export class AuditService implements OnModuleInit {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  onModuleInit(): void {
    if (!this.db.subscribers.some((s) => s instanceof AuditActorSubscriber)) this.db.subscribers.push(new AuditActorSubscriber());
  }

  async list(caller: Caller, filter: AuditFilter, first = 50, after?: string | null): Promise<{ entries: AuditEntry[]; hasNextPage: boolean }> {
    requireSysadmin(caller, 'read the audit log');
    const problems: FieldError[] = [];
    if (!Number.isInteger(first) || first < 0 || first > MAX_AUDIT_PAGE) problems.push({ path: 'first', message: `must be between 0 and ${MAX_AUDIT_PAGE}` });
    const cursor = after ? decodeAuditCursor(after) : null;
    if (after && cursor === null) problems.push({ path: 'after', message: 'is not a cursor of this list' });
    if (problems.length) throw badInput(problems);
    const p = new SqlParams();
    const where = whereOf(filter, p);
    if (cursor !== null) where.push(`id < ${p.add(cursor)}::bigint`);
    const rows = await this.db.query(
      `SELECT ${COLUMNS} FROM audit_log ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY audit_log.id DESC LIMIT ${p.add(first + 1)}`,
      p.values,
    );
    return { entries: rows.slice(0, first).map(entryFromRow), hasNextPage: rows.length > first };
  }

  /**
   * Every matching entry, oldest first, handed to `write` one batch at a time (keyset pagination, so memory
   * stays bounded however long the log is); `write` resolves when the consumer is ready for more.
   */
  async export(caller: Caller, filter: AuditFilter, write: (entries: AuditEntry[]) => Promise<void>): Promise<number> {
    requireSysadmin(caller, 'export the audit log');
    let last = '0';
    let total = 0;
    for (;;) {
      const p = new SqlParams();
      const where = [...whereOf(filter, p), `id > ${p.add(last)}::bigint`];
      const rows = await this.db.query(
        `SELECT ${COLUMNS} FROM audit_log WHERE ${where.join(' AND ')} ORDER BY audit_log.id LIMIT ${p.add(EXPORT_BATCH)}`,
        p.values,
      );
      if (rows.length === 0) return total;
      const entries = rows.map(entryFromRow);
      await write(entries);
      total += entries.length;
      last = entries[entries.length - 1].id;
      if (rows.length < EXPORT_BATCH) return total;
    }
  }
}

export function encodeAuditCursor(id: string): string {
  return Buffer.from(`audit:${id}`).toString('base64url');
}

function decodeAuditCursor(cursor: string): string | null {
  const match = /^audit:(\d{1,19})$/.exec(Buffer.from(cursor, 'base64url').toString());
  return match ? match[1] : null;
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
