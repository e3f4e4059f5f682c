import { CatalogIndex } from './catalog-index';
import { IndexedDataset, IndexedOrganization } from './search-index';
import { CatalogSnapshot, SearchIndexRepository } from './search-index.repository';

/** The repository's statements over a catalogue in memory, with a change log, counting the full loads. */
class FakeRepository {
  generationNo = 1;
  loads = 0;
  readonly datasets = new Map<string, IndexedDataset>();
  private readonly log: Array<{ generation: number; id: string }> = [];
  private readonly organizations: IndexedOrganization[] = [{ id: 'org', slug: 'env', name: '衡阳市生态环境局', nameEn: null }];
  /** Resolves when a load has read its snapshot and waits before its last page, when set. */
  pauseLoad: { reached: () => void; resume: Promise<void> } | null = null;

  write(dataset: IndexedDataset): void {
    this.datasets.set(dataset.id, dataset);
    this.log.push({ generation: ++this.generationNo, id: dataset.id });
  }

  forget(): void {
    this.log.length = 0;
  }

  async generation(): Promise<number> {
    return this.generationNo;
  }

  async loadAll(onOrganizations: (o: IndexedOrganization[]) => void, onPage: (d: IndexedDataset[]) => Promise<void>): Promise<number> {
    this.loads++;
    const generation = this.generationNo;
    const snapshot = [...this.datasets.values()];
    onOrganizations(this.organizations);
    if (this.pauseLoad) {
      this.pauseLoad.reached();
      await this.pauseLoad.resume;
    }
    await onPage(snapshot);
    return generation;
  }

  async changesSince(generation: number): Promise<CatalogSnapshot | null> {
    if (this.log.length && this.log[0].generation > generation + 1) return null;
    if (!this.log.length && this.generationNo > generation) return null;
    const ids = new Set(this.log.filter((c) => c.generation > generation).map((c) => c.id));
    return { generation: this.generationNo, organizations: this.organizations, datasets: [...ids].map((id) => this.datasets.get(id)!) };
  }

  async downloads(): Promise<Array<{ id: string; n: number }>> {
    return [];
  }
}

const dataset = (n: number, title: string): IndexedDataset => ({
  id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  slug: `d-${n}`,
  organizationId: 'org',
  status: 'published',
  deleted: false,
  title,
  titleEn: null,
  description: '示例。',
  descriptionEn: null,
  tags: [],
  themes: [],
  formats: [],
  openAttribute: '无条件开放',
  priorityDomain: null,
  spatial: null,
  modified: n,
  issued: null,
});

async function titles(catalog: CatalogIndex, word: string): Promise<string[]> {
  const { index } = await catalog.current();
  const found: string[] = [];
  for (let doc = 0; doc < index.size; doc++) if (index.live[doc] && index.titles[doc].includes(word)) found.push(index.slugs[doc]);
  return found.sort();
}

describe('the catalogue index of a process', () => {
  it('loads once, then applies only what changed before each search', async () => {
    const repository = new FakeRepository();
    repository.write(dataset(1, '空气质量日报'));
    const catalog = new CatalogIndex(repository as unknown as SearchIndexRepository);
    catalog.warmUp();
    expect(await titles(catalog, '空气')).toEqual(['d-1']);
    repository.write(dataset(2, '空气质量月报'));
    repository.write({ ...dataset(1, '水质日报') });
    expect(await titles(catalog, '空气')).toEqual(['d-2']);
    expect(await titles(catalog, '水质')).toEqual(['d-1']);
    expect(repository.loads).toBe(1);
  });

  it('reloads when it is further behind than the change log reaches', async () => {
    const repository = new FakeRepository();
    const catalog = new CatalogIndex(repository as unknown as SearchIndexRepository);
    await catalog.current();
    repository.write(dataset(1, '空气质量日报'));
    repository.forget();
    expect(await titles(catalog, '空气')).toEqual(['d-1']);
    expect(repository.loads).toBe(2);
  });

  it('compacts a fragmented index in the background, keeping every change made meanwhile', async () => {
    const repository = new FakeRepository();
    for (let n = 0; n < 1200; n++) repository.write(dataset(n, `空气质量第${n}期`));
    const catalog = new CatalogIndex(repository as unknown as SearchIndexRepository);
    await catalog.current();
    for (let n = 0; n < 1200; n++) repository.write(dataset(n, `空气质量第${n}期修订`));
    const before = (await catalog.current()).index;
    expect(before.fragmented).toBe(true);

    // The next check starts a compaction; it reads its snapshot, then waits while the catalogue changes.
    let reached = () => undefined as void;
    let resume = () => undefined as void;
    const snapshotRead = new Promise<void>((r) => (reached = r));
    repository.pauseLoad = { reached, resume: new Promise<void>((r) => (resume = r)) };
    repository.write(dataset(2020, '水质月报'));
    expect(await titles(catalog, '水质')).toEqual(['d-2020']);
    await snapshotRead;
    repository.pauseLoad = null;
    repository.write(dataset(2021, '水质年报'));
    expect(await titles(catalog, '水质')).toEqual(['d-2020', 'd-2021']);
    resume();
    for (let i = 0; i < 100 && (await catalog.current()).index === before; i++) await new Promise((r) => setTimeout(r, 10));

    repository.write(dataset(2022, '水质季报'));
    const after = await catalog.current();
    expect(after.index).not.toBe(before);
    expect(after.index.fragmented).toBe(false);
    expect(await titles(catalog, '水质')).toEqual(['d-2020', 'd-2021', 'd-2022']);
    expect(await titles(catalog, '修订')).toHaveLength(1200);
  });
});
