/** Schema inference: a draft collection schema, with its evidence, from one streaming pass over a table. */
export { inferSchema, MAX_COLUMNS } from './infer-schema';
export type { InferSchemaOptions, InferenceEvidence, SchemaInference } from './infer-schema';
export type { ColumnEvidence } from './field-proposal';
export { DISTINCT_CAP, MISSING_MARKERS } from './column-profile';
