import { InitialCatalogue1764000000000 } from './1764000000000-initial-catalogue';
import { Ingest1764100000000 } from './1764100000000-ingest';

/** Every migration, in order. Listed explicitly so that compiled code and tests load the same set. */
export const MIGRATIONS = [InitialCatalogue1764000000000, Ingest1764100000000];
