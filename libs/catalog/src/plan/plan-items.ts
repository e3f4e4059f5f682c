/**
 * The 39 items of the city's 2017 government-openness plan (衡办发〔2017〕25号, 关于全面推进政务公开工作的实施意见),
 * with their headings and the lead units (牵头单位) the plan names, in its own wording (市环保局 ...). Items 2, 3,
 * 11, 16, 27, 28 and 32 name no lead unit, only the units responsible (各县市区政府、市政府相关部门).
 *
 * Which organization of an installation leads an item is data (plan_item_leads), because organizations are;
 * the demo catalogue maps these names onto its organizations.
 */
export interface PlanItem {
  number: number;
  /** The item's heading, e.g. 环境保护监管信息公开. */
  title: string;
  /** The section of the plan it belongs to. */
  section: string;
  /** Lead units as the plan names them; empty where the plan names none. */
  leadUnits: readonly string[];
}

const DECISION = '（一）加快推进决策公开';
const EXECUTION = '（二）全面推进执行公开';
const MANAGEMENT = '（三）全面推进管理公开';
const SERVICE = '（四）全面推进服务公开';
const RESULTS = '（五）全面推进结果公开';
const CAPACITY = '四、不断提升政务公开能力';

type Row = [title: string, section: string, leads: string];

const ROWS: Row[] = [
  ['健全行政决策法定程序', DECISION, '市政府法制办'],
  ['推行重大行政决策预公开制度', DECISION, ''],
  ['完善行政决策多方参与机制', DECISION, ''],
  ['行政权力运行公开', EXECUTION, '市编办、市政府法制办'],
  ['行政审批信息公开', EXECUTION, '市发改委、市政务服务中心、市政府法制办'],
  ['重大建设项目信息公开', EXECUTION, '市发改委'],
  ['土地、房屋征收和保障性住房信息公开', EXECUTION, '市国土资源局、市住建局'],
  ['基层事务公开', EXECUTION, '市民政局'],
  ['安全生产监管信息公开', MANAGEMENT, '市安监局'],
  ['环境保护监管信息公开', MANAGEMENT, '市环保局'],
  ['市场监管信息公开', MANAGEMENT, ''],
  ['国有企业监管信息公开', MANAGEMENT, '市国资委'],
  ['扶贫领域信息公开', MANAGEMENT, '市农委'],
  ['企业信用信息公开', MANAGEMENT, '市发改委、市工商局'],
  ['公共资源交易信息公开', MANAGEMENT, '市公共资源交易中心'],
  ['行政机关内部事务公开', MANAGEMENT, ''],
  ['公共企事业单位办事公开', SERVICE, '市政务服务中心'],
  ['社会组织和中介服务公开', SERVICE, '市政务服务中心、市民政局、市工商局'],
  ['教育招考服务公开', SERVICE, '市教育局'],
  ['医疗卫生服务公开', SERVICE, '市卫计委'],
  ['科技项目服务公开', SERVICE, '市科技局'],
  ['社会保障服务公开', SERVICE, '市人社局、市民政局、市住房公积金中心'],
  ['政务服务事项公开', SERVICE, '市政务服务中心、市电子政务办'],
  ['政府购买服务公开', SERVICE, '市财政局'],
  ['热线电话、公开信箱办理情况公开', SERVICE, '市电子政务办'],
  ['财政资金信息公开', RESULTS, '市财政局'],
  ['政策文件公开', RESULTS, ''],
  ['重大决策、重要政策落实情况公开', RESULTS, ''],
  ['行政处罚结果公开', RESULTS, '市政府法制办'],
  ['建议和提案办理结果公开', RESULTS, '市政府办'],
  ['完善制度规范', CAPACITY, '市政务服务中心、市电子政务办'],
  ['建立政务公开负面清单', CAPACITY, ''],
  ['健全公开前保密审查机制', CAPACITY, '市保密局'],
  ['推进政府数据开放共享', CAPACITY, '市统计局、市电子政务办、市委网信办'],
  ['提高信息化水平', CAPACITY, '市电子政务办、市政务服务中心'],
  ['完善公开载体', CAPACITY, '市政府办、市政府新闻办、市电子政务办'],
  ['重视和发挥媒体作用', CAPACITY, '市政府新闻办、市委网信办'],
  ['打造政务新媒体平台', CAPACITY, '市政府新闻办、市电子政务办'],
  ['加强基层便民服务中心建设', CAPACITY, '市政务服务中心、市民政局'],
];

export const PLAN_ITEMS: readonly PlanItem[] = ROWS.map(([title, section, leads], i) => ({
  number: i + 1,
  title,
  section: i < 30 ? `三、推进政务运行全过程公开 ${section}` : section,
  leadUnits: leads ? leads.split('、') : [],
}));

export const PLAN_DOCUMENT = '衡办发〔2017〕25号 关于全面推进政务公开工作的实施意见';

export function isPlanItem(value: unknown): value is number {
  return Number.isInteger(value) && (value as number) >= 1 && (value as number) <= PLAN_ITEMS.length;
}
