/**
 * Government-data terms that Intl.Segmenter's general dictionary splits apart (公积金 -> 公|积|金,
 * 公租房 -> 公租|房). Searching needs them whole: a query for 公积金 must not degrade to three single
 * characters matched anywhere. Add terms here when users' searches show a need; then run `reindex`.
 */
export const DOMAIN_TERMS: readonly string[] = [
  // housing
  '公租房', '廉租房', '保障房', '保障性住房', '棚户区', '棚改', '住房公积金', '公积金', '缴存', '提取',
  '配租', '轮候', '征地', '一书四方案', '安居工程',
  // social security
  '社保', '医保', '低保', '参保', '社会保险', '养老保险', '失业保险', '工伤保险', '生育保险', '医疗保险',
  '特困人员', '临时救助', '医疗救助',
  // finance and accountability
  '预决算', '预算', '决算', '三公经费', '政府采购', '购买服务', '双公示', '双随机', '行政处罚', '行政许可',
  '建议提案', '人大建议', '政协提案', '权力清单', '责任清单', '负面清单',
  // hotline
  '12345热线', '受理量', '办理量', '满意率', '办结率',
  // environment
  '空气质量', '空气质量指数', '首要污染物', '细颗粒物', '可吸入颗粒物', '臭氧', '二氧化硫', '二氧化氮',
  '一氧化碳', '地表水', '水质', '水质类别', '饮用水源', '水源地', '污染源', '氨氮', '总磷', '总氮', '溶解氧',
  '高锰酸盐指数', '断面',
  // gazetteer: the city and its county-level divisions (GB/T 2260), so that 衡阳县 does not match 衡南县
  '衡阳市', '珠晖区', '雁峰区', '石鼓区', '蒸湘区', '南岳区', '衡阳县', '衡南县', '衡山县', '衡东县', '祁东县',
  '耒阳市', '常宁市', '湘江', '耒水', '蒸水', '南岳',
  // agencies (short forms people type)
  '环保局', '人社局', '住建局', '财政局', '统计局', '民政局', '教育局', '卫计委', '发改委', '国土局',
  '公共资源交易', '政务服务', '扶贫', '精准扶贫',
];
