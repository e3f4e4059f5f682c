import { message } from '@opendata/common';
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
      report.add({ type: 'negative-list', message: message('report.negativeCategory', { schema: this.schemaId!, rule: describeRule(category) }) });
    }
    cells.forEach((label, i) => {
      const rule = this.matcher.columnHit(label);
      if (rule) {
        report.add({ type: 'negative-list', fieldNumber: i + 1, fieldName: label, cell: label, message: message('report.negativeColumn', { label, rule: describeRule(rule) }) });
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
          message: message('report.negativeCell', { row: rowNumber, column: header[c] ?? c + 1, matched: hit.matched, rule: describeRule(hit.rule) }),
        });
      }
    }
  }
}
