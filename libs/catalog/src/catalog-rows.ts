import { DATASET_ROWS } from './entities';

/**
 * The names the search service reads datasets by. The mapping itself is the entity's (DATASET_ROWS, derived
 * from its column decorators); these go once search reads through its repository.
 */
export const DATASET_COLUMNS = DATASET_ROWS.columns;
export const datasetFromRow = DATASET_ROWS.from;
