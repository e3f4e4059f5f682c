import { Injectable, Logger } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import { SYSTEM } from '@opendata/auth';
import { Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import { DatasetService } from '../dataset.service';
import { DatasetEntity, OrganizationEntity } from '../entities';
import { OrganizationService } from '../organization.service';
import { PlanService } from '../plan/plan.service';
import { ResourceService } from '../resource.service';
import { DEMO_DATASETS } from './demo-datasets';
import { DEMO_FILE_PUBLISHER, DemoFilePublisher } from './demo-file-publisher';
import { DEMO_ORGANIZATIONS } from './demo-organizations';
import { demoPlanLeads } from './demo-plan-leads';
import { DEMO_FILES } from './files';

const STATE_KEY = 'demo_catalogue';
/** An arbitrary constant naming the advisory lock held while seeding (api and worker may start together). */
const SEED_LOCK = 7_366_202_418;

/**
 * Loads the demo catalogue into an empty installation, once. Seeding is idempotent (each organization, dataset
 * and file is ensured by its slug), so a start interrupted half-way completes on the next start; an
 * installation that already holds real data is never touched.
 */
@Injectable()
export class DemoSeeder {
  private readonly logger = new Logger('DemoSeeder');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly modules: ModuleRef,
    private readonly organizations: OrganizationService,
    private readonly datasets: DatasetService,
    private readonly resources: ResourceService,
    private readonly plan: PlanService,
  ) {}

  async seedIfEmpty(): Promise<'seeded' | 'already-loaded' | 'not-empty'> {
    const lock = this.db.createQueryRunner();
    await lock.connect();
    try {
      await lock.query('SELECT pg_advisory_lock($1)', [SEED_LOCK]);
      const [state] = await this.db.query(`SELECT value->>'status' AS status FROM platform_state WHERE key = $1`, [STATE_KEY]);
      if (state?.status === 'done') return 'already-loaded';
      if (!state) {
        const [{ n }] = await this.db.query(
          `SELECT (SELECT count(*) FROM organizations) + (SELECT count(*) FROM datasets) AS n`,
        );
        if (Number(n) > 0) return 'not-empty';
        await this.setState('started');
      }
      await this.seed();
      await this.setState('done');
      return 'seeded';
    } finally {
      await lock.query('SELECT pg_advisory_unlock($1)', [SEED_LOCK]).catch(() => undefined);
      await lock.release();
    }
  }

  private async seed(): Promise<void> {
    const started = Date.now();
    for (const org of DEMO_ORGANIZATIONS) {
      if (await this.db.getRepository(OrganizationEntity).existsBy({ slug: org.slug })) continue;
      const { parentSlug, ...fields } = org;
      await this.organizations.create(SYSTEM, { ...fields, parentSlug });
    }
    for (const { planItem, organizations } of demoPlanLeads()) await this.plan.setLeads(SYSTEM, planItem, organizations);
    let files = 0;
    for (const demo of DEMO_DATASETS) {
      const { flagship, ...record } = demo;
      let dataset = await this.db.getRepository(DatasetEntity).findOneBy({ slug: record.slug });
      dataset ??= await this.datasets.create(SYSTEM, record);
      if (flagship && (await this.resources.resourcesOf([dataset.id])).size === 0) {
        await this.attachFile(dataset.id, flagship);
        files++;
      }
    }
    this.logger.log(
      `Demo catalogue loaded: ${DEMO_ORGANIZATIONS.length} organizations, ${DEMO_DATASETS.length} datasets, ${files} files (${Date.now() - started} ms)`,
    );
  }

  private async attachFile(datasetId: string, key: string): Promise<void> {
    const file = DEMO_FILES.find((f) => f.key === key);
    if (!file) throw new Error(`no demo file ${key}`);
    // The demo files go through the ingest pipeline like any upload: validated against their standard (the
    // key is the schema id), stored, and loaded as rows.
    const publisher = this.modules.get<DemoFilePublisher>(DEMO_FILE_PUBLISHER, { strict: false });
    await publisher.publish({
      datasetId,
      name: file.fileName.replace(/\.csv$/, ''),
      schemaId: file.key,
      fileName: file.fileName,
      body: () => Readable.from([Buffer.from(file.generate(), 'utf8')]),
    });
  }

  private async setState(status: 'started' | 'done'): Promise<void> {
    await this.db.query(
      `INSERT INTO platform_state (key, value) VALUES ($1, jsonb_build_object('status', $2::text))
       ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = now()`,
      [STATE_KEY, status],
    );
  }
}
