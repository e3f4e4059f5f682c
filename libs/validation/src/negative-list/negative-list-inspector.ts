import { ReportBuilder } from '../report/report-builder';
import { TableInspector } from '../validate-table';
import { NegativeListMatcher, describeRule } from './negative-list-matcher';

/**
 * The negative list applied to an upload as it streams: the schema (data category) and the header once, each
 * cell of each row with the matcher's one combined expression. Every hit becomes a `negative-list` error that
 * names the rule, the row and the field; the report shows the matched fragment only, never the whole cell.
 */
export class NegativeListInspector implements TableInspector {
  constructor(
    private readonly matcher: NegativeListMatcher,
    private readonly schemaId: string | null,
  ) {}

  header(cells: string[], report: ReportBuilder): void {
    const category = this.schemaId ? this.matcher.schemaHit(this.schemaId) : null;
    if (category) {
      report.add({ type: 'negative-list', message: `数据类别「${this.schemaId}」在${describeRule(category)}中，不得发布 (this data category is on the negative list)` });
    }
    cells.forEach((label, i) => {
      const rule = this.matcher.columnHit(label);
      if (rule) {
        report.add({ type: 'negative-list', fieldNumber: i + 1, fieldName: label, cell: label, message: `列名「${label}」命中${describeRule(rule)} (column name on the negative list)` });
      }
    });
  }

  rows(batch: { firstRowNumber: number; rows: string[][] }, header: string[], report: ReportBuilder): void {
    if (!this.matcher.scansText) return;
    for (let r = 0; r < batch.rows.length; r++) {
      const row = batch.rows[r];
      for (let c = 0; c < row.length; c++) {
        const hit = this.matcher.textHit(row[c]);
        if (!hit) continue;
        const rowNumber = batch.firstRowNumber + r;
        report.add({
          type: 'negative-list',
          rowNumber,
          fieldNumber: c + 1,
          fieldName: header[c],
          cell: hit.matched,
          message: `第 ${rowNumber} 行「${header[c] ?? c + 1}」含「${hit.matched}」，命中${describeRule(hit.rule)} (row ${rowNumber} holds a negative-list item)`,
        });
      }
    }
  }
}
