import { Module } from '@nestjs/common';
import { AuthModule } from '@opendata/auth';
import { DatasetSearchService } from './search/dataset-search.service';
import { DatasetService } from './dataset.service';
import { OrganizationService } from './organization.service';
import { ResourceService } from './resource.service';
import { CatalogChanges } from './search/catalog-changes';
import { DatasetRepository } from './dataset.repository';
import { DownloadCountRepository } from './downloads/download-count.repository';
import { OrganizationRepository } from './organization.repository';
import { ResourceRepository } from './resource.repository';
import { ThemeRepository } from './theme.repository';
import { WorkflowSteps } from './review/publication';
import { CatalogIndex } from './search/catalog-index';
import { SearchIndexRepository } from './search/search-index.repository';
import { SearchDocumentRepository } from './search/search-document.repository';
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
import { PlanItemRepository } from './plan/plan-item.repository';
import { PlanService } from './plan/plan.service';
import { ScoreboardRepository } from './scoreboard/scoreboard.repository';
import { ScoreboardService } from './scoreboard/scoreboard.service';

/** The openness plan and the scoreboard computed against it. */
const PLAN_SERVICES = [PlanItemRepository, PlanService, ScoreboardRepository, ScoreboardService];
import { NegativeListRepository } from './negative-list/negative-list.repository';
import { DataRequestRepository } from './requests/data-request.repository';
import { UploadLimitRepository } from './quotas/upload-limit.repository';
import { CalendarRepository } from './obligations/calendar.repository';
import { AuditRepository } from './audit/audit.repository';

/** The statements of the governance features (the services above keep the rules). */
const REPOSITORIES = [NegativeListRepository, DataRequestRepository, UploadLimitRepository, CalendarRepository, AuditRepository, SearchDocumentRepository];

/** The statements of the catalogue itself; exported for the API's readers (download counts, DataLoaders). */
const CATALOG_REPOSITORIES = [OrganizationRepository, ThemeRepository, DatasetRepository, ResourceRepository, DownloadCountRepository];

const SERVICES = [NegativeListService, DataRequestService, TimelinessService, DeadlineRepository, Clock, CalendarService, UploadLimitService, CatalogChanges, SearchIndexRepository, CatalogIndex, OrganizationService, DatasetService, DatasetSearchService, ResourceService, ThemeService, ReviewService, ReviewRepository, WorkflowSteps, AuditService];

@Module({
  imports: [AuthModule],
  providers: [...SERVICES, ...PLAN_SERVICES, ...REPOSITORIES, ...CATALOG_REPOSITORIES],
  exports: [...SERVICES, ...PLAN_SERVICES, ...CATALOG_REPOSITORIES],
})
export class CatalogModule {}
