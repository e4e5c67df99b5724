/**
 * The importer's 待核对 lines about figures it left out: one function per reason, so the words
 * staff read live in src/errors beside the catalogue, not in the readers. Each line says what the
 * document's own arithmetic showed, which readings were possible, and that none was filled in.
 * The audit's findings (W_RATE_MISMATCH, W_SCORE_SUM …) give the figures; these give the verdict.
 */
export const IMPORT_REVIEW = {
  /** An audit check the draft failed: the finding's own message, then what was left out. */
  contradicted: (p: { finding: string; left: string }) => `${p.finding}读取时无法确定哪一个数读对了，${p.left}均未填入，请对照原文填写。`,
  nameGlued: (p: { name: string; where: string }) =>
    `指标“${p.name}”（${p.where}）各格粘连：分值和得分按唯一的拆法填入，年度指标值和实际完成值与名称连在一起未能分开，请把名称改为原文的指标名称，并填写目标值和完成值。`,
  rateReadings: (p: { readings: string }) => `可能的读法：${p.readings}。`,
  rateOfZeroRow: (p: { finding: string }) =>
    `${p.finding}所写的执行率是金额表合计行的（该行全年预算、执行数均为 0），全年预算和实际支出取自唯一有金额的资金来源行；原文本身不一致，三个数均按原文照录，请核对后改正。`,
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
