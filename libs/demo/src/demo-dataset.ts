import type { DatasetMetadata } from '@opendata/catalog';

/** The four datasets the demo ships with sample files and pages of their own. */
export type DemoFlagship = 'air-quality-hourly' | 'surface-water' | 'social-insurance' | 'housing-allocation';

/** A catalogue record of the demo, with the item of the 2017 plan (衡办发〔2017〕25号, 1-39) it answers. */
export type DemoDataset = Omit<DatasetMetadata, 'status'> & {
  status: 'published' | 'draft';
  planItem: number;
  flagship?: DemoFlagship;
};
