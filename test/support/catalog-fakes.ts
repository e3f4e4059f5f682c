import { Caller } from '@opendata/auth';
import type {
  DatasetColumns,
  DatasetEntity,
  DatasetRepository,
  DeadlineRepository,
  NegativeListService,
  NewReviewEvent,
  OrganizationEntity,
  OrganizationRepository,
  PendingVersion,
  ResourceVersionEntity,
  ReviewEvent,
  ReviewRepository,
  ThemeEntity,
  ThemeRepository,
} from '@opendata/catalog';
import { SlugTaken } from '@opendata/catalog';
import { FieldError } from '@opendata/common';
import { FakeTransaction, RecordedTransactions } from './unit-fakes';

/**
 * An in-memory catalogue behind fake repositories, for the unit specs of the catalogue's services. Writes apply
 * at once and are undone when their transaction rolls back (as PostgreSQL would); every write is logged with
 * the transaction it ran in, so that a spec can say what was written together.
 */

/** The description of seeded datasets (long enough for the catalogue schema). */
export const STORED_DESCRIPTION = '已存储的数据集记录，供单元测试使用。';

/** A stored file of a dataset; released once an approve or publish event names it. */
export interface FakeVersion {
  id: string;
  datasetId: string;
  resourceId: string;
  resourceName: string;
  sha256: string;
  createdBy: string | null;
}

export interface LoggedWrite {
  what: string;
  datasetId: string;
  tx: FakeTransaction;
}

interface State {
  datasets: Map<string, DatasetEntity>;
  themes: Map<string, string[]>;
  tags: Map<string, string[]>;
  events: ReviewEvent[];
}

export class FakeCatalog extends RecordedTransactions {
  state: State = { datasets: new Map(), themes: new Map(), tags: new Map(), events: [] };
  readonly versions: FakeVersion[] = [];
  readonly writes: LoggedWrite[] = [];
  /** Problems the negative list finds in every record it is asked about. */
  negativeListProblems: FieldError[] = [];
  /** Set to make the next insert fail as a concurrent insert of the same slug would. */
  slugRace = false;
  private ids = 0;

  constructor(readonly organizations: OrganizationEntity[]) {
    super();
  }

  override async withTransaction<T>(actor: Caller, work: (tx: never) => Promise<T>): Promise<T> {
    const before = structuredClone(this.state);
    try {
      return await super.withTransaction(actor, work);
    } catch (error) {
      this.state = before;
      throw error;
    }
  }

  nextId(prefix: string): string {
    return `${prefix}-${++this.ids}`;
  }

  /** Writes of committed transactions, as `what dataset`. */
  committedWrites(): string[] {
    return this.writes.filter((w) => w.tx.outcome === 'committed').map((w) => `${w.what} ${w.datasetId}`);
  }

  /** Events of the committed state, as `action`, or `action file` for a version's. */
  eventsOf(datasetId: string): string[] {
    return this.state.events.filter((e) => e.datasetId === datasetId).map((e) => (e.versionId ? `${e.action} ${e.versionId}` : e.action));
  }

  /** Adds a stored dataset as it would be after earlier requests. */
  seed(dataset: Partial<DatasetEntity> & Pick<DatasetEntity, 'id' | 'slug' | 'organizationId' | 'status'>, themes: string[] = [], tags: string[] = []): void {
    const stored = { title: dataset.slug, description: STORED_DESCRIPTION, license: 'CC-BY-4.0', openAttribute: '无条件开放', shareAttribute: '无条件共享', updateFrequency: '每日', deletedAt: null, ...dataset } as DatasetEntity;
    this.state.datasets.set(dataset.id, stored);
    this.state.themes.set(dataset.id, themes);
    this.state.tags.set(dataset.id, tags);
  }

  log(what: string, datasetId: string, tx: unknown): void {
    this.writes.push({ what, datasetId, tx: tx as FakeTransaction });
  }

  isReleased(versionId: string): boolean {
    return this.state.events.some((e) => e.versionId === versionId && (e.action === 'approve' || e.action === 'publish'));
  }

  organizationOf(datasetId: string): OrganizationEntity {
    const dataset = this.state.datasets.get(datasetId);
    return this.organizations.find((o) => o.id === dataset?.organizationId) as OrganizationEntity;
  }
}

/** The dataset statements over a FakeCatalog. */
export function fakeDatasetRepository(c: FakeCatalog): DatasetRepository {
  const live = (d: DatasetEntity | undefined) => (d && !d.deletedAt ? d : null);
  const fake = {
    withTransaction: c.withTransaction.bind(c),
    findLive: async (key: { id?: string; slug?: string }) =>
      live([...c.state.datasets.values()].find((d) => (key.id ? d.id === key.id : d.slug === key.slug) && !d.deletedAt)),
    find: async (id: string) => {
      const found = c.state.datasets.get(id);
      if (!found) throw new Error(`no dataset ${id}`);
      return { ...found };
    },
    findByIds: async (ids: readonly string[]) => ids.map((id) => live(c.state.datasets.get(id))).filter(Boolean),
    themeCodesOf: async (ids: readonly string[]) => new Map(ids.map((id) => [id, c.state.themes.get(id) ?? []])),
    tagsOf: async (ids: readonly string[]) => new Map(ids.map((id) => [id, c.state.tags.get(id) ?? []])),
    idsWithSlug: async (slug: string) => [...c.state.datasets.values()].filter((d) => d.slug === slug && !d.deletedAt).map((d) => d.id),
    insert: async (columns: DatasetColumns, tx: unknown) => {
      if (c.slugRace) throw new SlugTaken();
      const id = c.nextId('ds');
      c.state.datasets.set(id, { ...columns, id, deletedAt: null } as DatasetEntity);
      c.log('insert', id, tx);
      return id;
    },
    update: async (id: string, columns: DatasetColumns, tx: unknown) => {
      c.state.datasets.set(id, { ...(c.state.datasets.get(id) as DatasetEntity), ...columns });
      c.log('update', id, tx);
    },
    softDelete: async (id: string, deletedAt: Date, tx: unknown) => {
      c.state.datasets.set(id, { ...(c.state.datasets.get(id) as DatasetEntity), deletedAt });
      c.log('delete', id, tx);
    },
    saveRelations: async (id: string, themes: readonly string[], tags: readonly string[], tx: unknown) => {
      c.state.themes.set(id, [...themes]);
      c.state.tags.set(id, [...tags]);
      c.log('relations', id, tx);
    },
    reindex: async (id: string, tx: unknown) => c.log('reindex', id, tx),
  };
  return fake as unknown as DatasetRepository;
}

/** The organizations of a FakeCatalog. */
export function fakeOrganizationRepository(c: FakeCatalog): OrganizationRepository {
  const fake = {
    findBySlug: async (slug: string) => c.organizations.find((o) => o.slug === slug) ?? null,
    get: async (id: string) => c.organizations.find((o) => o.id === id) as OrganizationEntity,
  };
  return fake as unknown as OrganizationRepository;
}

export function fakeThemeRepository(codes: string[]): ThemeRepository {
  const vocabulary = new Map(codes.map((code, sortOrder) => [code, { code, sortOrder } as ThemeEntity]));
  return { vocabulary: async () => vocabulary } as unknown as ThemeRepository;
}

export function fakeNegativeList(c: FakeCatalog): NegativeListService {
  return { checkMetadata: async () => c.negativeListProblems.map((p) => ({ ...p })) } as unknown as NegativeListService;
}

/** The review statements over a FakeCatalog: the row lock, unreleased files, the review history. */
export function fakeReviewRepository(c: FakeCatalog): ReviewRepository {
  const lastEvent = (versionId: string) => c.state.events.filter((e) => e.versionId === versionId).at(-1);
  const unreleasedOf = async (ids: readonly string[]) =>
    new Map(
      ids.map((id) => [
        id,
        c.versions
          .filter((v) => v.datasetId === id && !c.isReleased(v.id))
          .map(
            (v): PendingVersion => ({
              datasetId: id,
              resourceName: v.resourceName,
              version: { id: v.id, resourceId: v.resourceId, sha256: v.sha256, createdBy: v.createdBy } as ResourceVersionEntity,
              lastAction: lastEvent(v.id)?.action ?? null,
              submittedBy: lastEvent(v.id)?.action === 'submit' ? (lastEvent(v.id)?.actorId ?? null) : null,
            }),
          ),
      ]),
    );
  const fake = {
    withTransaction: c.withTransaction.bind(c),
    lockDataset: async (id: string, tx: unknown) => {
      const dataset = c.state.datasets.get(id);
      if (!dataset) return null;
      c.log('lock', id, tx);
      const organization = c.organizationOf(id);
      return { subject: { organizationId: organization.id, reviewRequired: organization.reviewRequired }, status: dataset.status, deleted: dataset.deletedAt !== null };
    },
    unreleasedOf,
    setStatus: async (id: string, status: DatasetEntity['status'], tx: unknown) => {
      c.state.datasets.set(id, { ...(c.state.datasets.get(id) as DatasetEntity), status });
      c.log(`status ${status}`, id, tx);
    },
    record: async (caller: Caller, events: readonly NewReviewEvent[], tx: unknown) => {
      for (const e of events) {
        c.state.events.push({ id: String(c.state.events.length + 1), versionId: null, comment: null, sha256: null, ...e, actorId: caller.userId, actorName: caller.username ?? 'anonymous', createdAt: new Date() });
        c.log(`event ${e.action}`, e.datasetId, tx);
      }
    },
    datasetSignOffs: async (ids: readonly string[]) =>
      ids.flatMap((id) => c.state.events.filter((e) => e.datasetId === id && !e.versionId && (e.action === 'approve' || e.action === 'publish')).slice(-1)),
    lastRecordSubmitter: async (id: string) => c.state.events.filter((e) => e.datasetId === id && !e.versionId && e.action === 'submit').at(-1)?.actorId ?? null,
  };
  return fake as unknown as ReviewRepository;
}

/** Deadlines: only that they were refreshed, and in which transaction. */
export function fakeDeadlineRepository(c: FakeCatalog): DeadlineRepository {
  const fake = {
    refresh: async (ids: readonly string[], tx: unknown) => {
      for (const id of ids) c.log('deadlines', id, tx);
      return ids.length;
    },
  };
  return fake as unknown as DeadlineRepository;
}
