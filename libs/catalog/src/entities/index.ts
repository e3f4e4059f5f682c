import { DatasetEntity } from './dataset.entity';
import { OrganizationEntity } from './organization.entity';
import { ResourceVersionEntity } from './resource-version.entity';
import { ResourceEntity } from './resource.entity';
import { TagEntity } from './tag.entity';
import { ThemeEntity } from './theme.entity';

export { DatasetEntity, OrganizationEntity, ResourceEntity, ResourceVersionEntity, TagEntity, ThemeEntity };

export const CATALOG_ENTITIES = [
  OrganizationEntity,
  ThemeEntity,
  TagEntity,
  DatasetEntity,
  ResourceEntity,
  ResourceVersionEntity,
];
