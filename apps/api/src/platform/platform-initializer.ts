import { Inject, Injectable, Logger } from '@nestjs/common';
import { TokenService } from '@opendata/auth';
import { DemoSeeder, ThemeService } from '@opendata/catalog';
import { APP_CONFIG, AppConfig } from '@opendata/config';

/** Boot tasks after the migrations: vocabularies, the ADMIN_TOKEN account, the demo catalogue. */
@Injectable()
export class PlatformInitializer {
  private readonly logger = new Logger('Platform');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly themes: ThemeService,
    private readonly tokens: TokenService,
    private readonly demo: DemoSeeder,
  ) {}

  async run(): Promise<void> {
    await this.themes.syncVocabulary();
    if (this.config.adminToken) {
      await this.tokens.ensureAdminToken(this.config.adminToken);
      this.logger.log('ADMIN_TOKEN is a system-administrator token');
    }
    if (this.config.seedDemo) {
      const outcome = await this.demo.seedIfEmpty();
      if (outcome === 'already-loaded') this.logger.log('Demo catalogue: loaded on an earlier start');
      if (outcome === 'not-empty') this.logger.log('Demo catalogue: not loaded, the database already holds a catalogue');
    }
  }
}
