import { Module } from '@nestjs/common';
import { AuthModule } from '@opendata/auth';
import { DatasetSearchService } from './dataset-search.service';
import { DatasetService } from './dataset.service';
import { DemoSeeder } from './demo/demo-seeder';
import { OrganizationService } from './organization.service';
import { ResourceService } from './resource.service';
import { CatalogueChanges } from './search/catalogue-changes';
import { CatalogueIndex } from './search/catalogue-index';
import { SearchIndexRepository } from './search/search-index.repository';
import { ThemeService } from './theme.service';
import { NegativeListService } from './negative-list/negative-list.service';
import { DataRequestService } from './requests/data-request.service';
import { TimelinessService } from './obligations/timeliness.service';
import { CalendarService } from './obligations/calendar.service';
import { TimelinessJob } from './obligations/timeliness.job';
import { UploadLimitService } from './quotas/upload-limit.service';
import { ReviewService } from './review/review.service';
import { AuditService } from './audit/audit.service';
import { PlanItemRepository } from './plan/plan-item.repository';
import { PlanService } from './plan/plan.service';
import { ScoreboardRepository } from './scoreboard/scoreboard.repository';
import { ScoreboardService } from './scoreboard/scoreboard.service';

/** The openness plan and the scoreboard computed against it. */
const PLAN_SERVICES = [PlanItemRepository, PlanService, ScoreboardRepository, ScoreboardService];

const SERVICES = [NegativeListService, DataRequestService, TimelinessService, TimelinessJob, CalendarService, UploadLimitService, CatalogueChanges, SearchIndexRepository, CatalogueIndex, OrganizationService, DatasetService, DatasetSearchService, ResourceService, ThemeService, DemoSeeder, ReviewService, AuditService];

@Module({
  imports: [AuthModule],
  providers: [...SERVICES, ...PLAN_SERVICES],
  exports: [...SERVICES, ...PLAN_SERVICES],
})
export class CatalogModule {}
