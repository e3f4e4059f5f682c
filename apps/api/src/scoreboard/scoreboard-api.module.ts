import { Module } from '@nestjs/common';
import { CatalogModule } from '@opendata/catalog';
import { ScoreLoaders } from './score-loaders';
import { ScoreboardController } from './scoreboard.controller';
import { OrganizationScoreResolver, PlanItemResolver, ScoreboardResolver } from './scoreboard.resolver';

/** The catalogue's public totals, the openness plan and the scoreboard (GraphQL and CSV). */
@Module({
  imports: [CatalogModule],
  controllers: [ScoreboardController],
  providers: [ScoreboardResolver, PlanItemResolver, OrganizationScoreResolver, ScoreLoaders],
})
export class ScoreboardApiModule {}
