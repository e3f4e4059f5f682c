import { Injectable } from '@nestjs/common';
import { Caller, requireSysadmin } from '@opendata/auth';
import { FieldError, badInput, fieldError } from '@opendata/common';
import { AuditEntry, AuditFilter, AuditRepository } from './audit.repository';

export type { AuditEntry, AuditFilter } from './audit.repository';

export const MAX_AUDIT_PAGE = 500;
const EXPORT_BATCH = 2000;

/**
 * The audit trail: every write to the audited tables, as recorded by the database trigger (who, when, which
 * row, which columns, the SHA-256 of the row before and after). Read by system administrators only, newest
 * first, in pages; exported oldest first in bounded batches.
 */
@Injectable()
export class AuditService {
  constructor(private readonly log: AuditRepository) {}

  async list(caller: Caller, filter: AuditFilter, first = 50, after?: string | null): Promise<{ entries: AuditEntry[]; hasNextPage: boolean }> {
    requireSysadmin(caller, 'forbidden.readAudit');
    const problems: FieldError[] = [];
    if (!Number.isInteger(first) || first < 0 || first > MAX_AUDIT_PAGE) problems.push(fieldError('first', 'input.between', { min: 0, max: MAX_AUDIT_PAGE }));
    const cursor = after ? decodeAuditCursor(after) : null;
    if (after && cursor === null) problems.push(fieldError('after', 'audit.notCursor'));
    if (problems.length) throw badInput(problems);
    // One entry more than asked tells whether there is a next page.
    const entries = await this.log.newestFirst(filter, cursor, first + 1);
    return { entries: entries.slice(0, first), hasNextPage: entries.length > first };
  }

  /**
   * Every matching entry, oldest first, handed to `write` one batch at a time (keyset pagination, so memory
   * stays bounded however long the log is); `write` resolves when the consumer is ready for more.
   */
  async export(caller: Caller, filter: AuditFilter, write: (entries: AuditEntry[]) => Promise<void>): Promise<number> {
    requireSysadmin(caller, 'forbidden.exportAudit');
    let last = '0';
    let total = 0;
    for (;;) {
      const entries = await this.log.oldestFirstAfter(filter, last, EXPORT_BATCH);
      if (entries.length === 0) return total;
      await write(entries);
      total += entries.length;
      last = entries[entries.length - 1].id;
      if (entries.length < EXPORT_BATCH) return total;
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
