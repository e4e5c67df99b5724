/**
 * Queries people type into the search box of a 绩效自评报告 site: topics (充电桩, 城市更新),
 * place names pagefind's dictionary does not know (琶洲), terms of the evaluation forms
 * (采购管理, 预算执行率) and figures (145.92, 98.0%, 28,239.16). Used with the corpus of
 * generate-reports.ts, where most of them are planted in chosen reports.
 */
export const SEARCH_QUERIES = [
  '充电桩', '电动汽车充电', '琶洲', '智算中心', '算力', '城市更新', '老旧小区改造', '垃圾分类', '河长制', '乡村振兴',
  '家庭医生签约', '海绵城市', '适老化改造', '食品安全抽检', '人才公寓', '营商环境', '碳达峰', '校园安全', '数字政府', '一网通办',
  '145.92', '98.0%', '28,239.16', '采购管理', '预算执行率', '信息公开', '满意度', '资产管理', '绩效目标', '合同管理',
  '固定资产清查', '政府采购', '民乐公益演出', '服务对象满意度', '三公', '公共停车场',
] as const;
