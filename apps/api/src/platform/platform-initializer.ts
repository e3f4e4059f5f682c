import { Inject, Injectable, Logger } from '@nestjs/common';
import { TokenService } from '@opendata/auth';
import { CatalogIndex, ThemeService } from '@opendata/catalog';
import { APP_CONFIG, AppConfig } from '@opendata/config';
import { DatabaseRepository } from '@opendata/database';
import { DemoSeeder } from '@opendata/demo';
import { PeriodicJobs } from '@opendata/jobs';

/** An arbitrary constant naming the advisory lock held during boot tasks (several API workers start at once). */
const BOOT_LOCK = 7_366_202_419;

/** Boot tasks after the migrations: vocabularies, the ADMIN_TOKEN account, the demo catalogue, then the search index. */
@Injectable()
export class PlatformInitializer {
  private readonly logger = new Logger('Platform');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly themes: ThemeService,
    private readonly tokens: TokenService,
    private readonly demo: DemoSeeder,
    private readonly database: DatabaseRepository,
    private readonly jobs: PeriodicJobs,
    private readonly searchIndex: CatalogIndex,
  ) {}

  async run(): Promise<void> {
    if (this.config.jobsInApi) this.jobs.startRegistered();
    await this.database.withLock(BOOT_LOCK, () => this.runTasks());
    // The search index loads in the background: the server answers at once, searches wait until it is ready.
    this.searchIndex.warmUp();
  }

  private async runTasks(): Promise<void> {
    await this.themes.syncVocabulary();
    if (this.config.adminToken) {
      await this.tokens.ensureAdminToken(this.config.adminToken);
      this.logger.log('ADMIN_TOKEN is a system-administrator token');
    }
    if (this.config.seedDemo) {
      const outcome = await this.demo.seedIfEmpty();
      if (outcome === 'already-loaded') this.logger.log('Demo catalogue: already loaded');
      if (outcome === 'not-empty') this.logger.log('Demo catalogue: not loaded, the database already holds a catalogue');
    }
  }
}
