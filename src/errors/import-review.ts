/**
 * The importer's 待核对 lines about figures it left out: one function per reason, so the words
 * staff read live in src/errors beside the catalogue, not in the readers. Each line says what the
 * document's own arithmetic showed, which readings were possible, and that none was filled in.
 * The audit's findings (W_RATE_MISMATCH, W_SCORE_SUM …) give the figures; these give the verdict.
 */
export const IMPORT_REVIEW = {
  /** An audit check the draft failed: the finding's own message, then what was left out. */
  contradicted: (p: { finding: string; left: readonly string[] }) => `${p.finding}读取时无法确定哪一个数读对了，${p.left.join('、')}均未填入，请对照原文填写。`,
  nameGlued: (p: { name: string; where: string }) =>
    `指标“${p.name}”（${p.where}）各格粘连：分值和得分按唯一的拆法填入，年度指标值和实际完成值与名称连在一起未能分开，请把名称改为原文的指标名称，并填写目标值和完成值。`,
  rateReadings: (p: { readings: readonly string[] }) => `可能的读法：${p.readings.join('；')}。`,
  /** The readings rateReadings lists. */
  rateViaInitial: (p: { initial: number; rate: string }) => `按实际支出 ÷ 年初预算 ${p.initial} 计算为 ${p.rate}%，与所写相符，全年预算一格可能读错`,
  rateSwapped: '全年预算与实际支出两格可能互换',
  rateMisread: '执行率、全年预算或实际支出之一读错了列（如把分值读作执行率），或原文本身不一致',
  /** An amount in another unit than the budget's: `field` named unless it is the value's own line. */
  unitDiffers: (p: { field?: string; value: number; unit: string; common: string; budget?: boolean }) =>
    `${p.field ? `${p.field}：` : ''}原文为 ${p.value}${p.unit}，单位与${p.budget ? '预算金额' : '其他金额'}（${p.common}）不同，未填入。`,
  amountUnitless: (p: { where: string; text: string }) => `${p.where}的金额 ${p.text} 未写明单位，未填入。`,
  /** A money table's row (`label`, 合计 when it has none) whose numbers could not be placed. */
  moneyFused: (p: { label: string; text: string }) => `金额表“${p.label || '合计'}”行的数字连在一起（“${p.text}”），无法唯一拆分，未填入。`,
  moneyCount: (p: { label: string; values: number; columns: number }) =>
    `金额表“${p.label || '合计'}”行有 ${p.values} 个数，表头有 ${p.columns} 列，未能确定各数所在的列，未填入。`,
  moneyLeft: (p: { label: string; values: readonly string[]; where: string }) =>
    `金额表“${p.label || '合计'}”行的 ${p.values.join('、')} 未能确定属于哪一列（${p.where}），未填入，请核对。`,
  zeroTotalRow: (p: { source: string }) => `金额表合计行的全年预算、执行数均为 0，而“${p.source}”一行有金额：全年预算、实际支出取自该行，请核对。`,
  zeroTotalInitial: (p: { source: string; value: number }) => `年初预算：合计行为 0，“${p.source}”一行为 ${p.value}，未填入，请核对。`,
  rowUnsplit: (p: { indicator: string; where: string }) => `指标“${p.indicator}”所在行（${p.where}）未能逐格分开，分值和得分未填入，请核对。`,
  fusedUnsplit: (p: { indicator: string; where: string }) => `指标“${p.indicator}”（${p.where}）各格粘连，无法唯一拆分，分值和得分未填入，请核对。`,
  scoreOverMax: (p: { indicator: string; score: number; max: number }) => `指标“${p.indicator}”的得分 ${p.score} 高于分值 ${p.max}，照录，请核对。`,
  nameJoined: (p: { name: string; where: string }) => `指标名称“${p.name}”由相邻两格拼成（${p.where}），请核对。`,
  /** `column`: 'max' (分值) or 'score' (得分). */
  notANumber: (p: { column: 'max' | 'score'; text: string }) => `指标表中“${p.column === 'max' ? '分值' : '得分'}”一格写作“${p.text}”，不是数字，未填入。`,
  gradeUnknown: (p: { grade: string }) => `原文等级为“${p.grade}”，不是 优、良、中、差 之一，未填入。`,
  kindFromTitle: (p: { title: string }) => `标题“${p.title}”只写了单位名称、没写“整体”或“项目”，按部门整体报告处理，请核对。`,
  yearFromBody: (p: { text: string; year: number }) => `标题没有写年度；按正文“${p.text}”定为 ${p.year} 年度，请核对。`,
  departmentFromPublisher: '部门名称取自“发布机构”，请核对。',
  /** `key`: publishedDate (发布日期) or writtenDate (成文日期). */
  dateUnread: (p: { key: 'publishedDate' | 'writtenDate'; text: string }) =>
    `${p.key === 'publishedDate' ? '发布日期' : '成文日期'}“${p.text}”不是可识别的日期，未填入。`,
  instructionsLeft: (p: { count: number; first: string }) => `原文中留有 ${p.count} 处未删除的模板填写说明（如“${p.first}”），已略去，请确认原文无遗漏内容。`,
  pdfPagesCut: (p: { pages: number; read: number }) => `PDF 共 ${p.pages} 页，只读取了前 ${p.read} 页；第 ${p.read + 1} 页起的内容未导入，请核对。`,
  rateOfZeroRow: (p: { finding: string }) =>
    `${p.finding}所写的执行率是金额表合计行的（该行全年预算、执行数均为 0），全年预算和实际支出取自唯一有金额的资金来源行；原文本身不一致，三个数均按原文照录，请核对后改正。`,
  partsOwnSum: (p: { finding: string; sum: number }) =>
    `${p.finding}基本支出和项目支出之和等于原文“按支出性质分”所写的 ${p.sum}，各数读对了，是原文本身不一致；均按原文照录，请核对后改正。`,
  scoreAboveMax: (p: { finding: string }) => `${p.finding}分值和得分可能读错了列，得分未填入，请对照原文填写。`,
  leafSum: (p: { total: number; sum: number; count: number }) =>
    `自评总分读到 ${p.total}，而 ${p.count} 项末级指标的分值合计为满分、得分合计为 ${p.sum}，两者不符；总分或某项得分读错了，或原文本身不一致，总分和各项得分均未填入，请对照原文填写。`,
  nameIsTarget: (p: { name: string }) =>
    `指标名称读到“${p.name}”，像是目标值或完成值，这一行可能错了一列，分值和得分未填入，请对照原文填写指标名称、分值和得分。`,
  zeroUnconfirmed: (p: { indicator: string }) =>
    `指标“${p.indicator}”读到得分 0，但同一行没有分值和目标值可供核对（粘连的数字“10”也会被拆成“1”和“0”），未填入，请对照原文填写。`,
  nameRejected: (p: { what: string; value: string; why: string }) => `${p.what}读到“${p.value}”，${p.why}，不像是名称，未填入，请对照原文填写。`,
  nameTrimmed: (p: { what: string; value: string; name: string }) => `${p.what}读到“${p.value}”，其中夹有表格栏目名或网页上的文字，只取“${p.name}”，请核对。`,
  yearFromDate: (p: { date: string; year: number }) =>
    `标题和表头都没有写年度；落款/发布日期为 ${p.date}，报告多半是 ${p.year} 年度的，但原文没有写明，未填入，请填写 year。`,
  yearsDisagree: (p: { title: number; other: number; where: string }) =>
    `标题写 ${p.title} 年度，${p.where}写 ${p.other} 年；按自评表标题定为 ${p.title} 年度，请核对。`,
} as const;

/** A draft's field as 待核对 lines name it, by its path. */
export const FIELD_LABELS: [RegExp, string][] = [
  [/^budget\.executionRate$/, '预算执行率'],
  [/^budget\.planned$/, '全年预算'],
  [/^budget\.spent$/, '实际支出'],
  [/^budget\.basic$/, '基本支出'],
  [/^budget\.project$/, '项目支出'],
  [/^budget\.sources\[\d+\]/, '资金来源金额'],
  [/^score\.total$/, '自评总分'],
  [/^score\.grade$/, '评价等级'],
  [/\.score$/, '指标得分'],
  [/\.max$/, '指标分值'],
  [/\.rate$/, '得分率'],
];
