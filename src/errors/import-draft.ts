/**
 * The words of the draft `jixiao import` writes, beside the catalogue: its head comment, the
 * 待核对 lines for what it did not find, where each value was read (the comment after it), and
 * the closing table of a folder's import. The readers say which, never the words
 * (test/errors/catalogue.test.ts). The verdicts of the confirming checks are in import-review.ts.
 */

/** What a draft lacks, by field: each is a 待核对 line of its own. */
export const IMPORT_MISSING = {
  kind: '未能判断报告类型（部门整体 / 项目支出），请填写 kind: department 或 kind: project。',
  year: '未找到年度，请填写 year（财政年度，如 2022）。',
  title: '未找到报告标题，请填写 title。',
  departmentId: '部门标识是占位值，请改为部门名称的拼音缩写（小写字母、数字、连字符，如 haizhu-kgsxj），各年度保持一致。',
  departmentName: '未找到部门名称，请填写 department.name。',
  projectId: '项目标识是占位值，请改为项目名称的拼音缩写（小写字母、数字、连字符）。',
  projectName: '未找到项目名称，请填写 project.name。',
  total: '未找到自评总分（自评得分 / 综合评分）。',
  indicators: '未找到指标及其分值、得分。',
  indicatorTable: '指标表未能按列读出。',
  narrative: '未能按标题分出报告正文（职责、工作任务、成效、问题、措施）。',
  budget: '未找到预算金额（全年预算、实际支出）。',
  unit: '原文未写明金额单位，草稿未填 budget.unit（默认为万元），请核对。',
  planned: '未找到全年预算（调整后预算）。',
  spent: '未找到实际支出（执行数）。',
} as const;

/** The draft's head comment and the comments after its values. */
export const DRAFT_TEXT = {
  head: (p: { source: string }) => [
    ` 由 jixiao import 从 ${p.source} 生成的草稿（draft: true），尚未经人工核对，不会发布。`,
    ' 每个数字都按原文照录，行尾注明原文出处（第几行、第几格）；未找到的内容留空。逐项核对原文、补齐下列各项后，删除 draft 一行。',
  ],
  reviewHead: ' 待核对：',
  reviewItem: (p: { field?: string | undefined; message: string }) => `   - ${p.field ? `${p.field}：` : ''}${p.message}`,
  source: (p: { where: string }) => ` 原文：${p.where}`,
  /** A value's comment: where it was read, then what to check about it. */
  check: (p: { before?: string | null | undefined; message: string }) => `${p.before ? `${p.before}；` : ''} 待核对：${p.message}`,
} as const;

/** Where a value was read, as its comment and the 待核对 lines say it. */
export const IMPORT_WHERE = {
  line: (p: { line: number }) => `第 ${p.line} 行`,
  /** A cell of a row: `pipe`, between bars; `space`, a space-separated part; `fused`, a part cut from a line without bars. */
  cell: (p: { line: number; col: number; mode: 'pipe' | 'space' | 'fused' }) =>
    p.mode === 'space' ? `第 ${p.line} 行第 ${p.col} 段` : p.mode === 'pipe' ? `第 ${p.line} 行第 ${p.col} 格` : `第 ${p.line} 行（无格线，第 ${p.col} 段）`,
  pageTitle: '网页标题',
  tableHead: (p: { line: number }) => `第 ${p.line} 行表头`,
  /** A labelled cell of the form (`label`: 项目名称, 单位名称, 实施单位, 主管部门). */
  labelled: (p: { label: string }) => `表中${p.label}`,
  publisher: '发布机构',
  totalRow: (p: { line: number }) => `第 ${p.line} 行起的指标表合计行`,
  totalCell: (p: { cell: string }) => `表中“总分”一格（${p.cell}）`,
  sentence: (p: { text: string }) => `正文“${p.text}”`,
  tableRow: (p: { line: number; row: number }) => `第 ${p.line} 行起的表格第 ${p.row} 行`,
  from: (p: { where: string }) => `${p.where}起`,
  rowFrom: (p: { where: string }) => `${p.where}起的一行`,
  paragraphAt: (p: { line: number; char: number; text: string }) => `第 ${p.line} 行起的段落，第 ${p.char} 字起“${p.text}”`,
  paragraph: (p: { line: number; text: string }) => `第 ${p.line} 行起的段落“${p.text}”`,
} as const;

/** The closing table of a folder's import (src/import/summary.ts). */
export const IMPORT_TABLE = {
  head: { file: '文件', kind: '类型', year: '年度', department: '部门', found: '关键字段', review: '待核对' },
  error: (p: { reason: string }) => `错误：${p.reason}`,
  kind: { department: '部门整体', project: '项目' },
  unknown: '？',
} as const;
