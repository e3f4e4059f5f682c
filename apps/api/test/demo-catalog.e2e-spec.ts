import { DEMO_DATASETS, DEMO_FILES } from '@opendata/demo';
import { TEST_ADMIN_TOKEN, TestApp, startTestApp } from '../../../test/support/test-app';

interface ResourceNode {
  name: string;
  description: string | null;
  schemaId: string;
  rowCount: number;
  report: { valid: boolean; errorCount: number };
}

describe('the demo catalogue as seeded', () => {
  let t: TestApp;
  let datasets: Array<{ slug: string; status: string; planItem: number; organization: { slug: string }; resources: ResourceNode[] }>;

  beforeAll(async () => {
    t = await startTestApp({ seedDemo: true });
    const res = await t.gql(
      `{ datasets(first: 100) { totalCount edges { node { slug status planItem organization { slug }
        resources { name description schemaId rowCount report { valid errorCount } } } } } }`,
      {},
      TEST_ADMIN_TOKEN,
    );
    expect(res.body.errors).toBeUndefined();
    datasets = res.body.data?.datasets.edges.map((e: { node: unknown }) => e.node);
  }, 120_000);
  afterAll(() => t.close());

  it('gives every demo dataset its plan item and at least one validated file with rows, labelled 示例数据', () => {
    expect(datasets).toHaveLength(DEMO_DATASETS.length);
    for (const demo of DEMO_DATASETS) {
      const dataset = datasets.find((d) => d.slug === demo.slug)!;
      expect({ slug: demo.slug, planItem: dataset.planItem }).toEqual({ slug: demo.slug, planItem: demo.planItem });
      const expected = DEMO_FILES.filter((f) => f.dataset === demo.slug).map((f) => f.fileName.replace(/\.csv$/, ''));
      expect({ slug: demo.slug, files: dataset.resources.map((r) => r.name).sort() }).toEqual({ slug: demo.slug, files: expected.sort() });
      for (const resource of dataset.resources) {
        expect({ name: resource.name, valid: resource.report.valid, errors: resource.report.errorCount }).toEqual({ name: resource.name, valid: true, errors: 0 });
        expect(resource.rowCount).toBeGreaterThanOrEqual(10);
        expect(resource.name).toContain('示例数据');
        expect(resource.description).toMatch(/^示例数据：/);
      }
    }
  });

  it('validates files without a standard against their organization\'s own schema, registered through the registry', async () => {
    const res = await t.gql(`{ schemas { id organization } }`);
    const owners = new Map(res.body.data?.schemas.map((s: { id: string; organization: string | null }) => [s.id, s.organization]));
    for (const file of DEMO_FILES.filter((f) => f.schema)) {
      const dataset = datasets.find((d) => d.slug === file.dataset)!;
      expect({ schema: file.schemaId, owner: owners.get(file.schemaId) }).toEqual({ schema: file.schemaId, owner: dataset.organization.slug });
    }
    // Registered schemas keep their fields in the order they were written (the order of the file's columns).
    const outlets = DEMO_FILES.find((f) => f.schemaId === 'hy-service-utility-outlets')!;
    const registered = await t.gql(`{ schema(id: "hy-service-utility-outlets") { fields { name } } }`);
    expect(registered.body.data?.schema.fields.map((f: { name: string }) => f.name)).toEqual(Object.keys(outlets.schema!.properties as object));
    const standards = new Set(DEMO_FILES.filter((f) => !f.schema).map((f) => f.schemaId));
    expect([...standards].sort()).toEqual(['administrative-penalty', 'air-quality-daily', 'air-quality-hourly', 'budget-final-accounts', 'hotline-12345', 'housing-allocation', 'social-insurance', 'surface-water']);
  });

  it('carries coordinates where the rows can have them, for the portal\'s map', async () => {
    const hourly = datasets.find((d) => d.slug === 'hengyang-air-quality-hourly')!;
    const daily = (await t.gql(`{ dataset(slug: "hengyang-air-quality-hourly") { resources { id schemaId } } }`)).body.data?.dataset.resources.find((r: { schemaId: string }) => r.schemaId === 'air-quality-daily');
    expect(hourly.resources.map((r) => r.schemaId).sort()).toEqual(['air-quality-daily', 'air-quality-hourly']);
    const rows = await t.http.get(`/api/v1/resources/${daily.id}/data.json?fields=station_code,longitude,latitude`);
    expect(rows.status).toBe(200);
    expect(rows.body.length).toBe(180);
    for (const row of rows.body as Array<{ longitude: number; latitude: number }>) {
      expect(row.longitude).toBeGreaterThan(111.9);
      expect(row.longitude).toBeLessThan(113.3);
      expect(row.latitude).toBeGreaterThan(26.1);
      expect(row.latitude).toBeLessThan(27.4);
    }
  });

  it('adds up in catalogStats and the scoreboard', async () => {
    const published = datasets.filter((d) => d.status === 'PUBLISHED');
    const stats = (await t.gql(`{ catalogStats { datasets organizations resources rows } }`)).body.data?.catalogStats;
    expect(stats).toEqual({
      datasets: published.length,
      organizations: new Set(published.map((d) => d.organization.slug)).size,
      resources: published.reduce((n, d) => n + d.resources.length, 0),
      rows: published.reduce((n, d) => n + d.resources.reduce((m, r) => m + r.rowCount, 0), 0),
    });
    const board = (await t.gql(`{ scoreboard { organization { slug } planItems planItemsPublished publishedDatasets uploads validationPassRate dataRequests answeredRequests medianResponseDays } }`)).body.data?.scoreboard;
    const of = (slug: string) => board.find((s: { organization: { slug: string } }) => s.organization.slug === slug);
    // hy-env-bureau: 8 files and one broken first attempt; two data requests, one answered after 3 days.
    expect(of('hy-env-bureau')).toEqual({
      organization: { slug: 'hy-env-bureau' }, planItems: 1, planItemsPublished: 1, publishedDatasets: 6, uploads: 9, validationPassRate: 8 / 9,
      dataRequests: 2, answeredRequests: 1, medianResponseDays: 3.21,
    });
    expect(of('hy-finance-bureau')).toMatchObject({ uploads: 3, validationPassRate: 1, dataRequests: 1, answeredRequests: 1 });
    // A redirected request is answered where it was filed, and pending where it was sent.
    expect(of('hy-land-resources-bureau')).toMatchObject({ dataRequests: 1, answeredRequests: 1 });
    expect(of('hy-housing-construction-bureau')).toMatchObject({ dataRequests: 2, answeredRequests: 1 });
    expect(of('hy-press-office')).toMatchObject({ planItems: 3, planItemsPublished: 0, publishedDatasets: 0, validationPassRate: null, dataRequests: 0, medianResponseDays: null });
    expect(of('hy-gov-service-centre')).toMatchObject({ planItems: 7, planItemsPublished: 5 });
  });
});
