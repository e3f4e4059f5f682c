import { InitialCatalogue1764000000000 } from './1764000000000-initial-catalogue';

/** Every migration, in order. Listed explicitly so that compiled code and tests load the same set. */
export const MIGRATIONS = [InitialCatalogue1764000000000];
