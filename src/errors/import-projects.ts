/**
 * The 待核对 lines of the importer's readers of a department report's projects and key
 * evaluations (src/import/projects.ts) and of its income budget and funding sources
 * (src/import/figures.ts): what was read, and why it was left out. Beside import-review.ts.
 */
/** The budget's figures as these lines name them. */
export const FIELD_NAME = {
  initial: '年初预算',
  planned: '全年预算',
  spent: '实际支出',
  basic: '基本支出',
  project: '项目支出',
  executionRate: '预算执行率',
  projectsAmount: '项目涉及资金',
} as const;

export const IMPORT_PROJECTS = {
  incomeUnconfirmed: (p: { excerpt: string }) => `全年预算：原文“${p.excerpt}”是预算收入，其后没有可加总核对的年初预算和调整数，未填入。`,
  /** One figure written two ways: `what` is the field's name (全年预算, 项目涉及资金 …), `taken` and `other` the figures with their units. */
  writtenTwice: (p: { what: string; taken: string; other: string }) => `${p.what}：采用 ${p.taken}，原文另有一处写作 ${p.other}，请核对。`,
  sourcesAmbiguous: '原文多处列出各资金来源的金额，未能确定哪一处是全年合计，资金来源未填入。',
  groupCount: (p: { group: string; count: number; listed: number }) =>
    `项目类别“${p.group}”写有 ${p.count} 个项目，却列出了 ${p.listed} 个名称，所列项目未填入，请核对。`,
  countTwice: (p: { taken: number; other: number }) => `二级项目个数：采用 ${p.taken} 个，原文另有一处写作 ${p.other} 个，请核对。`,
  evaluationUnread: '原文提到重点绩效评价，未能读出评价对象及其得分，keyEvaluations 未填入，请核对。',
  evaluationsUnsplit: (p: { count: number; excerpt: string }) =>
    `原文对 ${p.count} 个项目开展了重点绩效评价（“${p.excerpt}”），未能逐个分出，重点绩效评价未填入，请核对。`,
  evaluationAmount: (p: { name: string }) => `重点绩效评价“${p.name}”涉及多类资金，未能确定涉及资金总额，未填入，请核对。`,
  evaluationScore: (p: { name: string }) => `重点绩效评价“${p.name}”的得分原文有多处或超出 100 分，未填入，请核对。`,
  evaluationGrade: (p: { name: string; grade: string }) => `重点绩效评价“${p.name}”的等级原文为“${p.grade}”，不是 优、良、中、差 之一，未填入。`,
  /** `column`: planned (预算资金) or spent (支付资金). */
  groupUnitless: (p: { group: string; column: 'planned' | 'spent'; value: number }) =>
    `项目类别“${p.group}”的${p.column === 'planned' ? '预算资金' : '支付资金'} ${p.value} 未写明单位，未填入，请核对。`,
} as const;
