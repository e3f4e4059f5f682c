/**
 * What happened on the demo platform besides publishing, so that the requests page and the scoreboard have
 * something to show: data requests (依申请公开) filed over the last two months, most of them answered after a
 * few days, and a few uploads that failed validation. All of it is demo data: the requesters are anonymous
 * and invented, the texts made up.
 */

export interface DemoRequest {
  organization: string;
  title: string;
  description: string;
  /** Filed this many days before seeding. */
  daysAgo: number;
  /** How and how many days after filing it was answered; absent while pending. */
  answer?: { afterDays: number; action: 'accept' | 'decline' | 'redirect'; response?: string; link?: string; redirectTo?: string };
}

export const DEMO_REQUESTS: readonly DemoRequest[] = [
  { organization: 'hy-env-bureau', title: '公开各空气质量监测站点的经纬度', description: '希望在站点小时数据中附上各监测站点的经纬度，便于在地图上查看。', daysAgo: 58,
    answer: { afterDays: 3, action: 'accept', response: '已在空气质量日数据中增加站点经纬度。', link: '/datasets/hengyang-air-quality-hourly' } },
  { organization: 'hy-env-bureau', title: '城区功能区声环境质量监测数据', description: '请公开各功能区噪声监测点位的季度监测结果。', daysAgo: 9 },
  { organization: 'hy-housing-construction-bureau', title: '公租房轮候人员名单', description: '请公开全市公租房轮候家庭的完整名单及排序。', daysAgo: 51,
    answer: { afterDays: 6, action: 'decline', response: '轮候名单包含申请人个人信息，依法不予公开；已公开脱敏后的配租结果和房源情况。' } },
  { organization: 'hy-finance-bureau', title: '市直部门项目支出绩效评价结果', description: '请公开2025年度市直部门项目支出绩效评价结果。', daysAgo: 47,
    answer: { afterDays: 9, action: 'accept', response: '绩效评价结果将随部门决算一并公开。', link: '/datasets/hengyang-government-budget-final-accounts' } },
  { organization: 'hy-hr-social-security-bureau', title: '各县市区失业保险金领取人数', description: '请按县市区公开每月失业保险金领取人数。', daysAgo: 40,
    answer: { afterDays: 12, action: 'accept', response: '已纳入社会保险统计数据集，按年度更新。', link: '/datasets/hengyang-social-insurance-statistics' } },
  { organization: 'hy-education-bureau', title: '普通高中录取最低控制分数线', description: '请公开近三年各普通高中的录取最低控制分数线。', daysAgo: 33,
    answer: { afterDays: 4, action: 'accept', response: '将在普通高中招生计划数据集中增加录取分数线。', link: '/datasets/hengyang-high-school-enrolment-plans' } },
  { organization: 'hy-health-family-planning-commission', title: '各公立医院开放床位数', description: '请公开全市各公立医院的核定床位和实际开放床位数。', daysAgo: 21 },
  { organization: 'hy-e-government-office', title: '12345热线工单明细', description: '请公开12345热线逐条工单的内容和办理结果。', daysAgo: 29,
    answer: { afterDays: 5, action: 'decline', response: '工单含来电人个人信息，不予公开逐条明细；受理量、办结率和满意率等统计数据已按月公开。' } },
  { organization: 'hy-food-drug-administration', title: '不合格食品的核查处置情况', description: '请公开抽检不合格食品的后续核查处置结果。', daysAgo: 18,
    answer: { afterDays: 7, action: 'accept', response: '已在抽检结果中标注不合格项目，处置结果将按月补充。', link: '/datasets/hengyang-food-safety-sampling' } },
  { organization: 'hy-housing-provident-fund-centre', title: '住房公积金贷款平均审批时长', description: '请公开住房公积金个人住房贷款从受理到放款的平均用时。', daysAgo: 14,
    answer: { afterDays: 2, action: 'accept', response: '平均审批时长将纳入住房公积金运行情况数据集。', link: '/datasets/hengyang-housing-provident-fund-operations' } },
  { organization: 'hy-land-resources-bureau', title: '棚户区改造房屋征收补偿标准', description: '请公开城区棚户区改造项目的房屋征收补偿标准。', daysAgo: 12,
    answer: { afterDays: 3, action: 'redirect', response: '棚户区改造房屋征收补偿由市住建局负责，已转办。', redirectTo: 'hy-housing-construction-bureau' } },
  { organization: 'hy-civil-affairs-bureau', title: '社区养老服务设施分布', description: '请公开各社区日间照料中心等养老服务设施的位置和床位数。', daysAgo: 6 },
];

/** A flawed file an organization uploaded before the good one: what its validation report caught. */
export interface DemoRejectedUpload {
  /** The demo file it is a broken copy of. */
  fileKey: string;
  fileName: string;
  /** Breaks the file the way agencies' files break. */
  spoil: (csv: string) => string;
}

const lines = (csv: string) => csv.trimEnd().split('\n');

export const DEMO_REJECTED_UPLOADS: readonly DemoRejectedUpload[] = [
  {
    fileKey: 'key-pollution-sources',
    fileName: '重点排污单位日均排放数据_初稿.csv',
    // Text where a number belongs: a value below the detection limit written as words.
    spoil: (csv) => lines(csv).map((line, i) => (i === 5 ? line.replace(/,([\d.]+),(mg\/)/, ',未检出,$2') : line)).join('\n') + '\n',
  },
  {
    fileKey: 'daily-necessities-prices',
    fileName: '价格监测周报_导出.csv',
    // A column renamed in the spreadsheet: the header no longer names the field.
    spoil: (csv) => csv.replace('零售均价', '均价(元)'),
  },
  {
    fileKey: 'minimum-living-allowance',
    fileName: '低保统计_含联系人.csv',
    // A contact's mobile number left in a cell: the personal-data scan stops it.
    spoil: (csv) => lines(csv).map((line, i) => (i === 3 ? line.replace(/,([^,]+?[区县市]),/, ',$1（联系人手机13807341526）,') : line)).join('\n') + '\n',
  },
  {
    fileKey: 'employment-subsidies',
    fileName: '就业补贴发放汇总.csv',
    // The same quarter, county and subsidy twice: the primary key repeats.
    spoil: (csv) => `${csv}${lines(csv)[1]}\n`,
  },
];
