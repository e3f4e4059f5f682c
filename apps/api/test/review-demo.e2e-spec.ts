import { DataSource } from 'typeorm';
import { DEMO_DATASETS } from '@opendata/demo';
import { TestApp, startTestApp } from '../../../test/support/test-app';

describe('the demo catalogue under review before publication', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ seedDemo: true });
  });
  afterAll(() => t.close());

  it('is published with the system\'s sign-off on every published record and file', async () => {
    const published = DEMO_DATASETS.filter((d) => d.status === 'published').length;
    const res = await t.gql(`{ datasets(first: 100) { totalCount edges { node { slug signOff { approvedBy reviewed }
      resources { versions { signOff { approvedBy } } } } } } }`);
    expect(res.body.errors).toBeUndefined();
    const nodes = res.body.data?.datasets.edges.map((e: { node: unknown }) => e.node) as Array<{
      signOff: { approvedBy: string; reviewed: boolean } | null;
      resources: Array<{ versions: Array<{ signOff: { approvedBy: string } | null }> }>;
    }>;
    expect(res.body.data?.datasets.totalCount).toBe(published);
    expect(nodes.every((n) => n.signOff?.approvedBy === 'system' && n.signOff.reviewed)).toBe(true);
    const versions = nodes.flatMap((n) => n.resources.flatMap((r) => r.versions));
    expect(versions.length).toBeGreaterThan(0);
    expect(versions.every((v) => v.signOff?.approvedBy === 'system')).toBe(true);
    // Nothing of the demo is left waiting for a reviewer.
    const [{ pending }] = await t.app.get(DataSource).query(
      `SELECT count(*)::int AS pending FROM resource_versions v
       WHERE NOT EXISTS (SELECT 1 FROM review_events e WHERE e.version_id = v.id AND e.action IN ('approve', 'publish'))`,
    );
    expect(pending).toBe(0);
  });
});
