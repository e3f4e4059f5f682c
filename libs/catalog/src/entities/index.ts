import { DATASET_ROWS, DatasetEntity } from './dataset.entity';
import { ORGANIZATION_ROWS, OrganizationEntity } from './organization.entity';
import { VERSION_ROWS, ResourceVersionEntity } from './resource-version.entity';
import { RESOURCE_ROWS, ResourceEntity } from './resource.entity';
import { TagEntity } from './tag.entity';
import { ThemeEntity } from './theme.entity';

export { DatasetEntity, OrganizationEntity, ResourceEntity, ResourceVersionEntity, TagEntity, ThemeEntity };
export { DATASET_ROWS, ORGANIZATION_ROWS, RESOURCE_ROWS, VERSION_ROWS };

export const CATALOG_ENTITIES = [
  OrganizationEntity,
  ThemeEntity,
  TagEntity,
  DatasetEntity,
  ResourceEntity,
  ResourceVersionEntity,
];
