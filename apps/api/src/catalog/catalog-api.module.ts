import { Module } from '@nestjs/common';
import { CatalogModule } from '@opendata/catalog';
import { IngestModule } from '@opendata/ingest';
import { CatalogLoaderFactory } from '../graphql/catalog-loaders';
import { DatasetResolver } from './dataset.resolver';
import { OrganizationResolver } from './organization.resolver';
import { ResourceResolver } from './resource.resolver';
import { SuggestionResolver } from './suggestion.resolver';
import { VocabularyResolver } from './vocabulary.resolver';

@Module({
  imports: [CatalogModule, IngestModule],
  providers: [DatasetResolver, OrganizationResolver, ResourceResolver, SuggestionResolver, VocabularyResolver, CatalogLoaderFactory],
  exports: [CatalogLoaderFactory],
})
export class CatalogApiModule {}
