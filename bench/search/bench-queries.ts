/** What people type into a city portal's search box: agencies' data, in Chinese, and some English. */
export const SEARCHES = [
  '空气质量', '公租房', '公积金', '社保', '双公示', '预决算', '12345热线', '水质', '行政处罚', '招生计划',
  '扶贫资金', '养老保险', '医疗服务价格', '衡阳县', '政府采购', '低保', '棚户区改造', '企业信用', '价格监测', '人口统计',
  'air quality', 'housing', '耒阳市 公租房', '2019年 空气质量', '安全生产事故', '科技项目', '三公经费', '征地', '传染病', '12345',
];

/** What people type, keystroke by keystroke: characters, pinyin (full and initials), English. */
export const PREFIXES = [
  '空', '空气', '空气质', '公', '公租', '公积金', '社', '社保', '水质', '行政', '医疗', '预算', '12345', '衡阳县', '扶贫',
  'k', 'kq', 'kqzl', 'kongqi', 'gongzufang', 'gzf', 'shebao', 'yiliao', 'air', 'hous', 'water q', 'pension', 'budget', '环境', '招生',
];
