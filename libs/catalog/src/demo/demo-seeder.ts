import { Inject, Injectable, Logger } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import { SYSTEM } from '@opendata/auth';
import { APP_CONFIG, AppConfig } from '@opendata/config';
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
import { DemoFile, demoFilesOf } from './files';

const STATE_KEY = 'demo_catalogue';
/** An arbitrary constant naming the advisory lock held while seeding (api and worker may start together). */
const SEED_LOCK = 7_366_202_418;
/** Demo files uploaded at once (never more than the upload slots of the process). */
const DEMO_UPLOADS_AT_ONCE = 3;

interface PendingFile {
  datasetId: string;
  organization: string;
  file: DemoFile;
}

/** A demo file's resource is named after the file; seeding again skips files whose resource exists. */
function resourceName(file: DemoFile): string {
  return file.fileName.replace(/\.csv$/, '');
}

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
    @Inject(APP_CONFIG) private readonly config: AppConfig,
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
    const pending: PendingFile[] = [];
    for (const demo of DEMO_DATASETS) {
      const { flagship: _flagship, ...record } = demo;
      let dataset = await this.db.getRepository(DatasetEntity).findOneBy({ slug: record.slug });
      dataset ??= await this.datasets.create(SYSTEM, record);
      const existing = new Set((await this.resources.resourcesOf([dataset.id])).get(dataset.id)?.map((r) => r.name));
      for (const file of demoFilesOf(record.slug)) {
        if (!existing.has(resourceName(file))) pending.push({ datasetId: dataset.id, organization: record.organization, file });
      }
    }
    const records = Date.now();
    await this.publishFiles(pending);
    this.logger.log(
      `Demo catalogue loaded: ${DEMO_ORGANIZATIONS.length} organizations, ${DEMO_DATASETS.length} datasets, ${pending.length} files ` +
        `(${Date.now() - started} ms: records ${records - started} ms, files ${Date.now() - records} ms)`,
    );
  }

  /**
   * The demo files go through the ingest pipeline like any upload: validated against their standard or their
   * organization's own schema (registered first, through the schema registry), stored, and loaded as rows. A
   * few datasets at a time (reading one file overlaps with another's COPY and commit, within the upload
   * slots), the files of one dataset one after the other: concurrent uploads to one dataset would wait on
   * each other's lock of the dataset row.
   */
  private async publishFiles(pending: PendingFile[]): Promise<void> {
    const publisher = this.modules.get<DemoFilePublisher>(DEMO_FILE_PUBLISHER, { strict: false });
    for (const { organization, file } of pending) if (file.schema) await publisher.ensureSchema(organization, file.schema);
    const byDataset = new Map<string, PendingFile[]>();
    for (const item of pending) byDataset.set(item.datasetId, [...(byDataset.get(item.datasetId) ?? []), item]);
    const queue = [...byDataset.values()];
    const worker = async (): Promise<void> => {
      for (let files = queue.shift(); files; files = queue.shift()) {
        for (const { datasetId, file } of files) {
          await publisher.publish({
            datasetId,
            name: resourceName(file),
            description: file.description,
            schemaId: file.schemaId,
            fileName: file.fileName,
            body: () => Readable.from([Buffer.from(file.generate(), 'utf8')]),
          });
        }
      }
    };
    const parallel = Math.max(1, Math.min(DEMO_UPLOADS_AT_ONCE, this.config.uploadConcurrency));
    await Promise.all(Array.from({ length: parallel }, worker));
  }

  private async setState(status: 'started' | 'done'): Promise<void> {
    await this.db.query(
      `INSERT INTO platform_state (key, value) VALUES ($1, jsonb_build_object('status', $2::text))
       ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = now()`,
      [STATE_KEY, status],
    );
  }
}
