import { InitialCatalogue1764000000000 } from './1764000000000-initial-catalogue';
import { Ingest1764100000000 } from './1764100000000-ingest';
import { StagingUploads1764150000000 } from './1764150000000-staging-uploads';
import { DownloadCounts1764200000000 } from './1764200000000-download-counts';
import { ReviewAndAudit1764300000000 } from './1764300000000-review-and-audit';
import { Governance1764400000000 } from './1764400000000-governance';
import { SearchChanges1765400000000 } from './1765400000000-search-changes';
import { PlanAndScoreboard1765500000000 } from './1765500000000-plan-and-scoreboard';

/** Every migration, in order. Listed explicitly so that compiled code and tests load the same set. */
export const MIGRATIONS = [InitialCatalogue1764000000000, Ingest1764100000000, StagingUploads1764150000000, DownloadCounts1764200000000, ReviewAndAudit1764300000000, Governance1764400000000, SearchChanges1765400000000, PlanAndScoreboard1765500000000];
