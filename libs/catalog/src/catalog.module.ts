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
import { Clock } from './obligations/clock';
import { DeadlineRepository } from './obligations/deadline.repository';
import { UploadLimitService } from './quotas/upload-limit.service';
import { ReviewRepository } from './review/review.repository';
import { ReviewService } from './review/review.service';
import { AuditService } from './audit/audit.service';
import { DemoRepository } from './demo/demo.repository';
import { PlanItemRepository } from './plan/plan-item.repository';
import { PlanService } from './plan/plan.service';
import { ScoreboardRepository } from './scoreboard/scoreboard.repository';
import { ScoreboardService } from './scoreboard/scoreboard.service';

/** The openness plan, the scoreboard computed against it, and the demo's own statements. */
const PLAN_SERVICES = [PlanItemRepository, PlanService, ScoreboardRepository, ScoreboardService, DemoRepository];
import { NegativeListRepository } from './negative-list/negative-list.repository';
import { DataRequestRepository } from './requests/data-request.repository';
import { UploadLimitRepository } from './quotas/upload-limit.repository';
import { CalendarRepository } from './obligations/calendar.repository';
import { AuditRepository } from './audit/audit.repository';

/** The statements of the governance features (the services above keep the rules). */
const REPOSITORIES = [NegativeListRepository, DataRequestRepository, UploadLimitRepository, CalendarRepository, AuditRepository];

const SERVICES = [NegativeListService, DataRequestService, TimelinessService, DeadlineRepository, Clock, CalendarService, UploadLimitService, CatalogueChanges, SearchIndexRepository, CatalogueIndex, OrganizationService, DatasetService, DatasetSearchService, ResourceService, ThemeService, DemoSeeder, ReviewService, ReviewRepository, AuditService];

@Module({
  imports: [AuthModule],
  providers: [...SERVICES, ...PLAN_SERVICES, ...REPOSITORIES],
  exports: [...SERVICES, ...PLAN_SERVICES],
})
export class CatalogModule {}
