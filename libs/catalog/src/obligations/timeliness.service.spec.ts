import { ANONYMOUS } from '@opendata/auth';
import { notFound } from '@opendata/common';
import { DatasetService } from '../dataset.service';
import { DatasetEntity } from '../entities';
import { Clock } from './clock';
import { DeadlineFacts, Obligation } from './dataset-deadlines';
import { DeadlineRepository, OrganizationDeadlineRow, OverdueRow } from './deadline.repository';
import { TimelinessService } from './timeliness.service';
import { FAKE_TX, FakeTransactions, badFields, codeOf, fakeOrganizations, signedIn } from '../../../../test/support/unit-fakes';

const ORG = 'org-env';
const DATASET = { id: 'ds-air', organizationId: ORG, slug: 'air' } as DatasetEntity;
const OBLIGATION_ID = '00000000-0000-4000-8000-000000000001';
const NOW = new Date('2026-06-15T04:00:00Z');

/** Obligations and stored-deadline answers in memory, with the methods TimelinessService uses. */
class FakeDeadlines extends FakeTransactions {
  readonly obligations: Obligation[] = [];
  readonly refreshed: Array<{ ids: readonly string[] | null; tx: unknown }> = [];
  readonly writes: unknown[] = [];
  stored: DeadlineFacts[] = [];
  overdueRows: OverdueRow[] = [];
  totals: OrganizationDeadlineRow[] = [];
  readonly asOf: Date[] = [];

  async ensureCurrentRules(): Promise<boolean> {
    return false;
  }

  async obligationsOf(ids: readonly string[]): Promise<Obligation[]> {
    return this.obligations.filter((o) => ids.includes(o.datasetId));
  }

  async obligation(id: string): Promise<Obligation | null> {
    return this.obligations.find((o) => o.id === id) ?? null;
  }

  async insertObligation(o: Omit<Obligation, 'id'>, _createdBy: string | null, tx?: unknown): Promise<Obligation> {
    this.writes.push(tx);
    const added = { ...o, id: OBLIGATION_ID };
    this.obligations.push(added);
    return added;
  }

  async deleteObligation(id: string, tx?: unknown): Promise<void> {
    this.writes.push(tx);
    this.obligations.splice(this.obligations.findIndex((o) => o.id === id), 1);
  }

  async refresh(ids: readonly string[] | null, tx?: unknown): Promise<number> {
    this.refreshed.push({ ids, tx });
    return 1;
  }

  async facts(): Promise<DeadlineFacts[]> {
    return this.stored;
  }

  async calendar(): Promise<Map<string, boolean>> {
    return new Map();
  }

  async overdue(now: Date): Promise<OverdueRow[]> {
    this.asOf.push(now);
    return this.overdueRows;
  }

  async organizationTotals(now: Date): Promise<OrganizationDeadlineRow[]> {
    this.asOf.push(now);
    return this.totals;
  }
}

const datasets = {
  get: async (_caller: unknown, key: { id?: string | null }) => {
    if (key.id !== DATASET.id) throw notFound('dataset', String(key.id));
    return DATASET;
  },
  findByIds: async (ids: readonly string[]) => (ids.includes(DATASET.id) ? [DATASET] : []),
} as unknown as DatasetService;

const organizations = fakeOrganizations(
  { id: 'org-a', slug: 'a', name: '甲局' },
  { id: ORG, slug: 'env-bureau', name: '环保局' },
  { id: 'org-idle', slug: 'idle', name: '无数据局' },
);

describe('TimelinessService', () => {
  let deadlines: FakeDeadlines;
  let service: TimelinessService;
  const editor = signedIn('ed', { [ORG]: 'editor' });
  const budget = { datasetId: DATASET.id, kind: 'within-days' as const, days: 20, eventOn: '2026-03-01', label: ' 预算批准后20日内公开 ' };

  beforeEach(() => {
    deadlines = new FakeDeadlines();
    const clock = { now: () => NOW } as Clock;
    service = new TimelinessService(deadlines as unknown as DeadlineRepository, datasets, organizations, clock);
  });

  describe('addObligation', () => {
    it("is for the dataset's editors and admins", async () => {
      expect(await codeOf(service.addObligation(ANONYMOUS, budget))).toBe('UNAUTHENTICATED');
      expect(await codeOf(service.addObligation(signedIn('m', { [ORG]: 'member' }), budget))).toBe('FORBIDDEN');
      expect(await codeOf(service.addObligation(signedIn('x', { 'org-other': 'admin' }), budget))).toBe('FORBIDDEN');
      expect(deadlines.obligations).toEqual([]);
    });

    it("stores the obligation and refreshes the dataset's deadlines in one transaction naming the caller", async () => {
      const added = await service.addObligation(editor, { ...budget, basis: ' 第26项 ' });
      expect(added).toMatchObject({ datasetId: DATASET.id, kind: 'within-days', days: 20, eventOn: '2026-03-01', label: '预算批准后20日内公开', basis: '第26项' });
      expect(deadlines.actors).toEqual([editor]);
      expect(deadlines.writes).toEqual([FAKE_TX]);
      expect(deadlines.refreshed).toEqual([{ ids: [DATASET.id], tx: FAKE_TX }]);
    });

    it('keeps no event date for a monthly rule, and allows days of the month up to 31', async () => {
      await service.addObligation(editor, { ...budget, kind: 'monthly-by-day', days: 31, eventOn: '2026-03-01', label: '每月31日前' });
      expect(deadlines.obligations[0]).toMatchObject({ kind: 'monthly-by-day', days: 31, eventOn: null });
      expect(await badFields(service.addObligation(editor, { ...budget, kind: 'monthly-by-day', days: 32, eventOn: null }))).toEqual(['days']);
    });

    it('names every invalid field and stores nothing', async () => {
      expect(await badFields(service.addObligation(editor, { ...budget, kind: 'yearly' as never, days: 0, eventOn: '2026-02-31x', label: '' }))).toEqual([
        'kind',
        'days',
        'eventOn',
        'label',
      ]);
      expect(await badFields(service.addObligation(editor, { ...budget, days: 367 }))).toEqual(['days']);
      expect(await badFields(service.addObligation(editor, { ...budget, days: 1.5 }))).toEqual(['days']);
      expect(await badFields(service.addObligation(editor, { ...budget, eventOn: null }))).toEqual(['eventOn']);
      expect(await badFields(service.addObligation(editor, { ...budget, kind: 'within-working-days', eventOn: '2026-13-01' }))).toEqual(['eventOn']);
      expect(await badFields(service.addObligation(editor, { ...budget, label: 'x'.repeat(201) }))).toEqual(['label']);
      expect(deadlines.obligations).toEqual([]);
      expect(deadlines.refreshed).toEqual([]);
    });
  });

  describe('removeObligation', () => {
    beforeEach(() => service.addObligation(editor, budget));

    it('removes it and refreshes the deadlines, for writers of the dataset only', async () => {
      expect(await codeOf(service.removeObligation(signedIn('m', { [ORG]: 'member' }), OBLIGATION_ID))).toBe('FORBIDDEN');
      expect(deadlines.obligations).toHaveLength(1);
      await expect(service.removeObligation(editor, OBLIGATION_ID)).resolves.toMatchObject({ id: OBLIGATION_ID });
      expect(deadlines.obligations).toEqual([]);
      expect(deadlines.refreshed.at(-1)).toEqual({ ids: [DATASET.id], tx: FAKE_TX });
    });

    it('says a malformed or unknown id was not found', async () => {
      expect(await codeOf(service.removeObligation(editor, 'budget'))).toBe('NOT_FOUND');
      expect(await codeOf(service.removeObligation(editor, OBLIGATION_ID.replace(/1$/, '2')))).toBe('NOT_FOUND');
      expect(deadlines.obligations).toHaveLength(1);
    });
  });

  it('lists overdue datasets as of the clock, leaving out those no longer found', async () => {
    const due = new Date('2026-06-01T00:00:00Z');
    deadlines.overdueRows = [
      { datasetId: DATASET.id, dueAt: due },
      { datasetId: 'ds-deleted', dueAt: due },
    ];
    await expect(service.overdue(null, 10)).resolves.toEqual([{ dataset: DATASET, nextDueAt: due }]);
    expect(deadlines.asOf).toEqual([NOW]);
  });

  it('rates organizations with published datasets, on time over counted periods', async () => {
    deadlines.totals = [
      { organizationId: ORG, datasets: 3, overdue: 1, periods: 8, onTime: 6 },
      { organizationId: 'org-a', datasets: 1, overdue: 0, periods: 0, onTime: 0 },
    ];
    const rates = await service.organizationRates();
    expect(rates.map((r) => [r.organization.slug, r.datasets, r.overdue, r.onTimeRate])).toEqual([
      ['a', 1, 0, null],
      ['env-bureau', 3, 1, 0.75],
    ]);
    expect(deadlines.asOf).toEqual([NOW]);
  });

  it("computes a dataset's record as of the clock", async () => {
    // A monthly dataset created in January and never published: every month since is a late period.
    deadlines.stored = [{ id: DATASET.id, organizationId: ORG, updateFrequency: '每月', createdAt: new Date('2026-01-10T00:00:00Z'), publishedAt: [] }];
    const record = await service.recordOf(editor, DATASET.id);
    expect(record).toMatchObject({ datasetId: DATASET.id, overdue: true, onTimeCount: 0, onTimeRate: 0 });
    expect(record.nextDueAt!.getTime()).toBeLessThan(NOW.getTime());
    deadlines.stored = [{ ...deadlines.stored[0], updateFrequency: '不定期' }];
    await expect(service.recordOf(editor, DATASET.id)).resolves.toMatchObject({ overdue: false, nextDueAt: null, periods: [] });
  });
});
