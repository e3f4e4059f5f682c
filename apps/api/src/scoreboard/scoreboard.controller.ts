import { Controller, Get, Query, Res } from '@nestjs/common';
import { ScoreboardService } from '@opendata/catalog';
import { Response } from 'express';
import { attachment } from '../rows/row-export.controller';
import { scoreboardCsv } from './scoreboard-csv';
import { toScoreModel } from './scoreboard.mappers';

/** The openness scoreboard as a spreadsheet: UTF-8 CSV, `bom=1` for Excel (like the row exports). */
@Controller('api/v1')
export class ScoreboardController {
  constructor(private readonly scoreboard: ScoreboardService) {}

  @Get('scoreboard.csv')
  async csv(@Query('bom') bom: string | undefined, @Res() res: Response): Promise<void> {
    const scores = (await this.scoreboard.scoreboard()).map(toScoreModel);
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', attachment('政务公开考核指标_scoreboard.csv'));
    res.setHeader('Cache-Control', 'no-cache');
    res.send(scoreboardCsv(scores, ['1', 'true'].includes(bom ?? '')));
  }
}
