import { OrganizationScoreModel } from './scoreboard.models';

type Cell = string | number | null;

/** The columns of scoreboard.csv: Chinese headers, the same figures as the GraphQL scoreboard. */
const COLUMNS: Array<[header: string, value: (s: OrganizationScoreModel) => Cell]> = [
  ['机构名称', (s) => s.organization.name],
  ['机构标识', (s) => s.organization.slug],
  ['牵头计划事项数', (s) => s.planItems],
  ['已有数据发布的牵头事项数', (s) => s.planItemsPublished],
  ['牵头计划事项', (s) => s.ledPlanItems.join(';')],
  ['已有数据发布的牵头事项', (s) => s.publishedPlanItems.join(';')],
  ['已发布数据集数', (s) => s.publishedDatasets],
  ['按时更新率', (s) => rate(s.onTimeRate)],
  ['校验通过率', (s) => rate(s.validationPassRate)],
  ['上传校验次数', (s) => s.uploads],
  ['依申请公开申请数', (s) => s.dataRequests],
  ['已答复申请数', (s) => s.answeredRequests],
  ['答复用时中位数(天)', (s) => s.medianResponseDays],
  ['撤回数据集数', (s) => s.withdrawnDatasets],
];

/** Rates as in GraphQL (0..1), to four decimals; an empty cell when there is nothing to rate. */
function rate(value: number | null): Cell {
  return value === null ? null : Math.round(value * 10_000) / 10_000;
}

/**
 * RFC 4180 quoting; a text beginning with = + - @ is prefixed with an apostrophe so that spreadsheet programs
 * show it instead of running it as a formula (organization names come from administrators, but still).
 */
function csvCell(cell: Cell): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return String(cell);
  const text = /^[=+\-@]/.test(cell) ? `'${cell}` : cell;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The whole file: header line, one line per organization, CRLF line ends (as spreadsheet programs write). */
export function scoreboardCsv(scores: OrganizationScoreModel[], bom: boolean): string {
  const lines = [COLUMNS.map(([header]) => header), ...scores.map((s) => COLUMNS.map(([, value]) => csvCell(value(s))))];
  return `${bom ? '\uFEFF' : ''}${lines.map((line) => line.join(',')).join('\r\n')}\r\n`;
}
