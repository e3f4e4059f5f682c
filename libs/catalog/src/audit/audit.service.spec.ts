import { ANONYMOUS } from '@opendata/auth';
import { AuditEntry, AuditFilter, AuditRepository } from './audit.repository';
import { AuditService, encodeAuditCursor } from './audit.service';
import { badFields, codeOf, signedIn, sysadmin } from '../../../../test/support/unit-fakes';

const entry = (id: number): AuditEntry => ({
  id: String(id),
  at: new Date(),
  actorId: null,
  actorName: 'system',
  tableName: 'datasets',
  rowKey: `row-${id}`,
  operation: 'UPDATE',
  changed: ['title'],
  hashBefore: null,
  hashAfter: null,
  transactionId: '1',
});

/** An audit log of `size` entries with ids 1..size, read as the repository reads it. */
class FakeLog {
  readonly reads: Array<{ filter: AuditFilter; from: string | null; limit: number }> = [];
  constructor(private readonly size: number) {}

  async newestFirst(filter: AuditFilter, beforeId: string | null, limit: number): Promise<AuditEntry[]> {
    this.reads.push({ filter, from: beforeId, limit });
    const top = beforeId === null ? this.size : Number(beforeId) - 1;
    return Array.from({ length: Math.max(0, Math.min(limit, top)) }, (_, i) => entry(top - i));
  }

  async oldestFirstAfter(filter: AuditFilter, afterId: string, limit: number): Promise<AuditEntry[]> {
    this.reads.push({ filter, from: afterId, limit });
    const first = Number(afterId) + 1;
    return Array.from({ length: Math.max(0, Math.min(limit, this.size - first + 1)) }, (_, i) => entry(first + i));
  }
}

describe('AuditService', () => {
  it('is read and exported by system administrators only', async () => {
    const audit = new AuditService(new FakeLog(3) as unknown as AuditRepository);
    expect(await codeOf(audit.list(ANONYMOUS, {}))).toBe('UNAUTHENTICATED');
    expect(await codeOf(audit.list(signedIn('boss', { 'org-1': 'admin' }), {}))).toBe('FORBIDDEN');
    expect(await codeOf(audit.export(signedIn('boss', { 'org-1': 'admin' }), {}, async () => undefined))).toBe('FORBIDDEN');
  });

  it('pages newest first with cursors, and says whether more follow', async () => {
    const log = new FakeLog(5);
    const audit = new AuditService(log as unknown as AuditRepository);
    const first = await audit.list(sysadmin(), { tables: ['datasets'] }, 2);
    expect(first.entries.map((e) => e.id)).toEqual(['5', '4']);
    expect(first.hasNextPage).toBe(true);
    const last = await audit.list(sysadmin(), { tables: ['datasets'] }, 3, encodeAuditCursor('4'));
    expect(last.entries.map((e) => e.id)).toEqual(['3', '2', '1']);
    expect(last.hasNextPage).toBe(false);
    expect(log.reads.map((r) => [r.from, r.limit])).toEqual([[null, 3], ['4', 4]]);
    expect(log.reads[1].filter).toEqual({ tables: ['datasets'] });
  });

  it('refuses page sizes out of bounds and cursors of other lists', async () => {
    const audit = new AuditService(new FakeLog(5) as unknown as AuditRepository);
    expect(await badFields(audit.list(sysadmin(), {}, 501))).toEqual(['first']);
    expect(await badFields(audit.list(sysadmin(), {}, -1, Buffer.from('dataset:1').toString('base64url')))).toEqual(['first', 'after']);
    await expect(audit.list(sysadmin(), {}, 0)).resolves.toEqual({ entries: [], hasNextPage: true });
  });

  it('exports every entry oldest first, in bounded batches', async () => {
    const log = new FakeLog(4500);
    const audit = new AuditService(log as unknown as AuditRepository);
    const batches: string[][] = [];
    const total = await audit.export(sysadmin(), {}, async (entries) => void batches.push(entries.map((e) => e.id)));
    expect(total).toBe(4500);
    expect(batches.map((b) => b.length)).toEqual([2000, 2000, 500]);
    expect(batches.flat()).toEqual(Array.from({ length: 4500 }, (_, i) => String(i + 1)));
    expect(log.reads.map((r) => r.from)).toEqual(['0', '2000', '4000']);
  });
});
