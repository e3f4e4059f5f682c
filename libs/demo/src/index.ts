export * from './demo.module';
export * from './demo-seeder';
export * from './demo-dataset';
export * from './demo-datasets';
export * from './demo-organizations';
export * from './files';
export { airQualityHourlyCsv } from './files/air-quality-hourly';
export { relevanceReport, runRelevance } from './search-relevance/relevance-suite';
