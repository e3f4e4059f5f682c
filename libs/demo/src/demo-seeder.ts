import { Inject, Injectable, Logger } from '@nestjs/common';
import { ANONYMOUS, SYSTEM } from '@opendata/auth';
import { DataRequestService, DatasetService, OrganizationService, PlanService, ResourceService, ThemeService } from '@opendata/catalog';
import { APP_CONFIG, AppConfig } from '@opendata/config';
import { DatabaseRepository } from '@opendata/database';
import { Readable } from 'node:stream';
import { DEMO_REJECTED_UPLOADS, DEMO_REQUESTS } from './demo-activity';
import { DEMO_DATASETS } from './demo-datasets';
import { DemoFilePublisher } from './demo-file-publisher';
import { DEMO_ORGANIZATIONS } from './demo-organizations';
import { demoPlanLeads } from './demo-plan-leads';
import { DemoRepository } from './demo.repository';
import { DemoFile, demoFilesOf } from './files';

/** An arbitrary constant naming the advisory lock held while seeding (api and worker may start together). */
const SEED_LOCK = 7_366_202_418;
const DAY_MS = 86_400_000;
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
    private readonly database: DatabaseRepository,
    private readonly publisher: DemoFilePublisher,
    private readonly organizations: OrganizationService,
    private readonly datasets: DatasetService,
    private readonly resources: ResourceService,
    private readonly plan: PlanService,
    private readonly requests: DataRequestService,
    private readonly themes: ThemeService,
    private readonly demo: DemoRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  seedIfEmpty(): Promise<'seeded' | 'already-loaded' | 'not-empty'> {
    return this.database.withLock(SEED_LOCK, async () => {
      const state = await this.demo.seedingState();
      if (state === 'done') return 'already-loaded';
      if (!state) {
        if (await this.demo.holdsCatalog()) return 'not-empty';
        await this.demo.setSeedingState('started');
      }
      // The records name themes of the vocabulary, which the API's boot mirrors into the database: the CLI may
      // seed a database that no server has started on yet.
      await this.themes.syncVocabulary();
      await this.seed();
      await this.demo.setSeedingState('done');
      return 'seeded';
    });
  }

  private async seed(): Promise<void> {
    const started = Date.now();
    for (const org of DEMO_ORGANIZATIONS) {
      if (await this.demo.organizationExists(org.slug)) continue;
      const { parentSlug, ...fields } = org;
      await this.organizations.create(SYSTEM, { ...fields, parentSlug });
    }
    for (const { planItem, organizations } of demoPlanLeads()) await this.plan.setLeads(SYSTEM, planItem, organizations);
    const pending: PendingFile[] = [];
    for (const demo of DEMO_DATASETS) {
      const { flagship: _flagship, ...record } = demo;
      let dataset = await this.demo.datasetWithSlug(record.slug);
      dataset ??= await this.datasets.create(SYSTEM, record);
      const existing = new Set((await this.resources.resourcesOf([dataset.id])).get(dataset.id)?.map((r) => r.name));
      for (const file of demoFilesOf(record.slug)) {
        if (!existing.has(resourceName(file))) pending.push({ datasetId: dataset.id, organization: record.organization, file });
      }
    }
    const records = Date.now();
    const firstSeeding = !(await this.demo.hasDataRequests());
    if (firstSeeding) await this.rejectedUploads(pending);
    await this.publishFiles(pending);
    if (firstSeeding) await this.dataRequests();
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
    for (const { organization, file } of pending) if (file.schema) await this.publisher.ensureSchema(organization, file.schema);
    const byDataset = new Map<string, PendingFile[]>();
    for (const item of pending) byDataset.set(item.datasetId, [...(byDataset.get(item.datasetId) ?? []), item]);
    const queue = [...byDataset.values()];
    const worker = async (): Promise<void> => {
      for (let files = queue.shift(); files; files = queue.shift()) {
        for (const { datasetId, file } of files) {
          const outcome = await this.publisher.publish({
            datasetId,
            name: resourceName(file),
            description: file.description,
            schemaId: file.schemaId,
            fileName: file.fileName,
            body: () => Readable.from([Buffer.from(file.generate(), 'utf8')]),
          });
          if (!outcome.published) throw new Error(`demo file ${file.fileName} was rejected: ${outcome.errors.join('; ')}`);
        }
      }
    };
    const parallel = Math.max(1, Math.min(DEMO_UPLOADS_AT_ONCE, this.config.uploadConcurrency));
    await Promise.all(Array.from({ length: parallel }, worker));
  }

  /** Broken copies of a few files, uploaded first and rejected, as agencies' first attempts are. */
  private async rejectedUploads(pending: PendingFile[]): Promise<void> {
    for (const upload of DEMO_REJECTED_UPLOADS) {
      const target = pending.find((p) => p.file.key === upload.fileKey);
      if (!target) continue;
      if (target.file.schema) await this.publisher.ensureSchema(target.organization, target.file.schema);
      const outcome = await this.publisher.publish({
        datasetId: target.datasetId,
        name: upload.fileName.replace(/\.csv$/, ''),
        description: target.file.description,
        schemaId: target.file.schemaId,
        fileName: upload.fileName,
        body: () => Readable.from([Buffer.from(upload.spoil(target.file.generate()), 'utf8')]),
      });
      if (outcome.published) throw new Error(`the broken demo file ${upload.fileName} passed validation`);
    }
  }

  /** The demo's data requests, filed and answered on the days they say. */
  private async dataRequests(): Promise<void> {
    const now = Date.now();
    for (const [i, demo] of DEMO_REQUESTS.entries()) {
      // Anonymous requesters, each from an address of their own (requests are limited per requester and day).
      const origin = { ip: `demo-requester-${i}` };
      const request = await this.requests.submit(ANONYMOUS, { organization: demo.organization, title: demo.title, description: demo.description, contact: 'requester@example.org' }, origin);
      const createdAt = new Date(now - demo.daysAgo * DAY_MS + (i % 5) * 3_600_000);
      if (demo.answer) await this.requests.respond(SYSTEM, request.id, demo.answer);
      const respondedAt = demo.answer ? new Date(createdAt.getTime() + demo.answer.afterDays * DAY_MS + 5 * 3_600_000) : null;
      await this.demo.backdateRequest(request.id, createdAt, respondedAt);
    }
  }
}
