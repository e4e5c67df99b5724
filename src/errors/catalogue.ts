/**
 * The catalogue of every finding jixiao reports: one entry per stable code, with its severity,
 * a Chinese title, the message (a function of typed parameters) and the hint saying what to do
 * next. Modelled on Astro's errors-data.ts. Code elsewhere never writes a finding's text: it
 * calls `finding(code, params, where)`; the README's code list is tested against this file.
 *
 * Adding a code is one entry here:
 *   E_SOMETHING: error<{ file: string }>({
 *     title: '一句话标题', summary: 'what it means, for the README',
 *     message: (p) => `… ${p.file} …。`, hint: '下一步怎么做。',
 *   }),
 * (`warning<…>({…})` for a warning), then report it with
 * `finding('E_SOMETHING', { file: display, line, field }, { file })` (src/findings.ts) and add the
 * code to the README's list
 * (test/errors/catalogue.test.ts fails until both agree). Codes are never renamed or reused:
 * reports acknowledge warnings by code, and scripts read `--json` output by code.
 */
import { GRADE_RULE } from '../schema/rules.ts';
import { FORMAT_MESSAGES, type FormatName } from './formats.ts';
import { YAML_PROBLEMS, type YamlProblem } from './yaml-problems.ts';

export type Severity = 'error' | 'warning';

export interface CodeEntry<P> {
  severity: Severity;
  /** A few Chinese words naming the problem (the manual's heading for this code). */
  title: string;
  /** What the code means, in English, for the README's list. */
  summary: string;
  message: (p: P) => string;
  /** What to do next; a function when it depends on the parameters. */
  hint?: string | ((p: P) => string | undefined);
  /**
   * false for a warning about the data file rather than the published document (a draft, an
   * unused acknowledgement): staff see it, readers and the open data do not.
   */
  published?: false;
}

/** Entries typed by their parameters (`void` for a message that takes none) and severity. */
const error = <P = void>(e: Omit<CodeEntry<P>, 'severity'>) => ({ ...e, severity: 'error' as const });
const warning = <P = void>(e: Omit<CodeEntry<P>, 'severity'>) => ({ ...e, severity: 'warning' as const });

const BAND_RULE = `等级按财预〔2020〕10号：${GRADE_RULE}。`;
const FROM_TEMPLATE = '从 templates/report.yaml 复制模板开始填写。';
const SAVE_AS_UTF8 = '在编辑器中“另存为 UTF-8”。';
const DELETE_IF_EMPTY = '没有内容就删除这个字段。';
const KEEP_AND_EXPLAIN = '数据按报告原文保留；如原文如此，在 acknowledgements 中说明。';

export const CATALOGUE = {
  // ── Read stage: bytes → text ───────────────────────────────────────────────────────────
  E_READ: error<{ reason: string }>({
    title: '无法读取文件', summary: 'the file cannot be read (missing, no permission, a folder)',
    message: (p) => `无法读取文件：${p.reason}。`, hint: '检查文件是否存在、是否有读取权限。',
  }),
  E_TOO_LARGE: error<{ megabytes: string }>({
    title: '文件过大', summary: 'over 2 MB, not a report data file',
    message: (p) => `文件有 ${p.megabytes} MB，超过报告数据文件上限 2 MB。`,
    hint: '报告数据文件只放文字和数字；原件 PDF 请作为附件（attachments）引用。',
  }),
  E_ENCODING: error<{ found: 'utf16-bom' | 'utf16' | 'not-utf8'; line?: number | undefined }>({
    title: '文件编码不是 UTF-8', summary: 'UTF-16, GBK or other non-UTF-8 text',
    message: (p) => p.found === 'utf16-bom' ? '文件是 UTF-16 编码，只接受 UTF-8。'
      : p.found === 'utf16' ? '文件是 UTF-16 编码（无 BOM），只接受 UTF-8。'
        : `文件不是有效的 UTF-8 编码（可能是 GBK/GB2312）${p.line ? `，第 ${p.line} 行起无法识别` : ''}。`,
    hint: SAVE_AS_UTF8,
  }),
  E_NOT_TEXT: error({
    title: '不是文本文件', summary: 'binary content (a Word or PDF file given as data)',
    message: () => '这不是文本文件（含有二进制内容）。',
    hint: '报告数据文件应是 YAML 文本；Word、PDF 原件请用 `npx jixiao import` 生成草稿。',
  }),
  E_EMPTY: error<{ what: 'empty' | 'comments' | 'no-fields' }>({
    title: '文件没有内容', summary: 'empty, only comments, or no fields',
    message: (p) => ({ empty: '文件是空的。', comments: '文件只有注释，没有任何字段。', 'no-fields': '文件没有任何字段。' })[p.what],
    hint: FROM_TEMPLATE,
  }),

  // ── Parse stage: text → data ───────────────────────────────────────────────────────────
  E_YAML_SYNTAX: error<{ problem: YamlProblem; detail?: string | undefined }>({
    title: 'YAML 格式错误', summary: 'the text is not valid YAML (the line is named)',
    message: (p) => YAML_PROBLEMS[p.problem].message(p.detail ?? ''),
    hint: (p) => YAML_PROBLEMS[p.problem].hint,
  }),
  E_YAML_DUPLICATE_KEY: error<{ key?: string | undefined }>({
    title: '字段重复', summary: 'the same key twice in one mapping',
    message: (p) => (p.key ? `字段 ${p.key} 在同一层级出现了两次。` : '同一层级出现了重复的字段名。'),
    hint: '删除或合并重复的字段；YAML 中后写的不会覆盖先写的，而是无效。',
  }),
  E_YAML_TAG: error<{ tag: string }>({
    title: '不支持的 YAML 标签', summary: 'a custom or non-core tag (!!binary, !foo …)',
    message: (p) => `使用了不支持的 YAML 标签 ${p.tag}。`, hint: '删除标签，直接写文字或数字。',
  }),
  E_YAML_ALIAS: error<{ alias: string }>({
    title: '别名展开过多', summary: 'an alias bomb (& and * expanded too often)',
    message: (p) => `锚点/别名（& 和 *）展开次数过多（从 *${p.alias} 开始），文件可能是恶意构造的。`,
    hint: '不要使用 & 和 * 引用；把内容直接写出来。',
  }),
  E_FORBIDDEN_KEY: error<{ key: string }>({
    title: '字段名不允许使用', summary: '__proto__, constructor or prototype as a key',
    message: (p) => `字段名 ${p.key} 不允许使用。`, hint: '删除这个字段。',
  }),

  // ── Shape stage: data → a typed report ─────────────────────────────────────────────────
  E_UNKNOWN_KEY: error<{ parent?: string | undefined; key: string; field: string; guess?: string | undefined; known: readonly string[] }>({
    title: '没有这个字段', summary: 'a key the schema does not know (with "是不是要写 …？")',
    message: (p) => (p.parent ? `${p.parent} 下没有字段 ${p.key}（${p.field}）。` : `顶层没有字段 ${p.key}。`),
    hint: (p) => (p.guess ? `是不是要写 ${p.guess}？` : `可用的字段：${p.known.join('、')}。`),
  }),
  E_REQUIRED: error<{ name: string; projectReport?: boolean }>({
    title: '缺少必填字段', summary: 'a required field is missing',
    message: (p) => (p.projectReport ? '项目支出报告（kind: project）缺少 project（项目）字段。' : `缺少必填字段 ${p.name}。`),
    hint: (p) => (p.projectReport ? '写明 project.id 和 project.name。' : '参照 templates/report.yaml 补上。'),
  }),
  E_TYPE: error<{ name: string; expected: string; actual: string; hint?: string | undefined }>({
    title: '类型不对', summary: 'text where a number belongs, a list where a field belongs …',
    message: (p) => (p.name === '' ? `报告文件的顶层应是一组字段（键: 值），实际是${p.actual}。` : `${p.name} 应为${p.expected}，实际是${p.actual}。`),
    hint: (p) => (p.name === '' ? '参照 templates/report.yaml。' : p.hint),
  }),
  E_ENUM: error<{ name: string; options: readonly string[]; actual: string; guess?: string | undefined }>({
    title: '不是可选的值', summary: 'a value outside its list (kind, grade, unit)',
    message: (p) => `${p.name} 应为 ${p.options.join('、')} 之一，实际是${p.actual}。`,
    hint: (p) => (p.guess ? `是不是要写 ${p.guess}？` : undefined),
  }),
  E_NEGATIVE: error<{ name: string; value: string }>({
    title: '不能为负数', summary: 'a negative amount, score or rate',
    message: (p) => `${p.name} 不能为负数，实际是 ${p.value}。`,
    hint: '金额、分值和比率都不为负；下降的增长率写在 change 字段。',
  }),
  E_YEAR: error<{ name: string; value: string }>({
    title: '年度不合理', summary: 'a year outside 1990–2100',
    message: (p) => `${p.name} ${p.value} 不是合理的年度。`, hint: '写四位数的财政年度，如 2022。',
  }),
  E_FORMAT: error<{ name: string; format: FormatName; actual: string }>({
    title: '格式不正确', summary: 'an id, date, URL, path or code in the wrong form',
    message: (p) => FORMAT_MESSAGES[p.format].message(p.name, p.actual),
    hint: (p) => FORMAT_MESSAGES[p.format].hint,
  }),
  E_EMPTY_VALUE: error<{ name: string; list: boolean }>({
    title: '值是空的', summary: 'an empty text or list',
    message: (p) => (p.list ? `${p.name} 是空列表。` : `${p.name} 是空的。`), hint: DELETE_IF_EMPTY,
  }),
  E_RANGE: error<{ name: string; bound: 'min' | 'above' | 'max'; limit: string; value: string }>({
    title: '超出范围', summary: 'a number outside its range',
    message: (p) => (p.bound === 'max' ? `${p.name} 太大（至多 ${p.limit}），实际是 ${p.value}。` : `${p.name} 太小（${p.bound === 'above' ? '应大于' : '至少'} ${p.limit}），实际是 ${p.value}。`),
  }),
  E_KIND: error({
    title: '与报告类型不符', summary: 'a project block on a department report',
    message: () => '部门整体报告（kind: department）不应有 project 字段。', hint: '如果这是项目支出报告，把 kind 改为 project。',
  }),
  E_INVALID: error<{ name: string; detail: string }>({
    title: '值不正确', summary: 'any other value the schema refuses',
    message: (p) => `${p.name} 的值不正确：${p.detail}`,
  }),

  // ── Audit: impossible figures, and checks across files ─────────────────────────────────
  E_SCORE_ABOVE_MAX: error<{ indicator?: string | undefined; score: string; max: string }>({
    title: '得分超过满分', summary: 'a score above its max',
    message: (p) => (p.indicator === undefined ? `自评得分 ${p.score} 超过满分 ${p.max}。` : `指标“${p.indicator}”得分 ${p.score} 超过分值 ${p.max}。`),
    hint: (p) => (p.indicator === undefined ? '核对原文；满分不是 100 时写 score.max。' : '核对原文中的分值和得分。'),
  }),
  E_DUPLICATE_REPORT: error<{ first: string; year: number; department: string; project?: string | undefined }>({
    title: '重复的报告', summary: 'two files for the same year, department and project',
    message: (p) => `与 ${p.first} 是同一份报告（${p.year} 年、部门 ${p.department}${p.project ? `、项目 ${p.project}` : ''}）。`,
    hint: '删除重复的文件；如果是不同的报告，改正年度、部门标识或项目标识。',
  }),
  E_ATTACHMENT_MISSING: error<{ file: string }>({
    title: '附件不存在', summary: 'an attachment file that is not there',
    message: (p) => `附件文件 ${p.file} 不存在。`, hint: '把附件放在报告文件所在的文件夹，或改正文件名。',
  }),
  E_CONTENT_DIR: error<{ reason: 'missing' | 'file' | string }>({
    title: '内容文件夹无法读取', summary: 'the content folder is missing or not a folder',
    message: (p) => (p.reason === 'missing' ? '内容文件夹不存在。' : p.reason === 'file' ? '这是一个文件，不是内容文件夹。' : `无法读取内容文件夹：${p.reason}。`),
    hint: '用 --content 指定报告数据文件所在的文件夹。',
  }),

  // ── Audit warnings: inconsistencies inside the official document, shown with the figures ─
  W_BUDGET_PARTS: warning<{ basic: string; project: string; sum: string; spent: string; unit: string; gap: string }>({
    title: '支出各部分之和不符', summary: 'basic + project ≠ spent',
    message: (p) => `基本支出 ${p.basic} + 项目支出 ${p.project} = ${p.sum} ${p.unit}，与实际支出 ${p.spent} ${p.unit} 不符（相差 ${p.gap}）。`,
  }),
  W_SOURCES_SUM: warning<{ what: string; sum: string; total: string; unit: string }>({
    title: '资金来源合计不符', summary: 'funding sources ≠ total',
    message: (p) => `各资金来源的${p.what}合计 ${p.sum} ${p.unit}，与${p.what} ${p.total} ${p.unit} 不符。`,
  }),
  W_RATE_MISMATCH: warning<{ group?: string | undefined; stated: string; spent: string; planned: string; computed: string }>({
    title: '执行率与计算不符', summary: 'stated rate ≠ spent ÷ planned at the stated precision',
    message: (p) => (p.group === undefined
      ? `报告所写预算执行率 ${p.stated}%，而实际支出 ${p.spent} ÷ 全年预算 ${p.planned} = ${p.computed}%。`
      : `项目类别“${p.group}”所写支付率 ${p.stated}%，而支付资金 ${p.spent} ÷ 预算资金 ${p.planned} = ${p.computed}%。`),
    hint: (p) => (p.group === undefined ? KEEP_AND_EXPLAIN : undefined),
  }),
  W_SCORE_SUM: warning<{ subject: string; parts: string; names: string; sum: string }>({
    title: '得分之和不符', summary: 'children\'s scores ≠ parent (every level of the indicator tree)',
    message: (p) => `${p.subject}，与${p.parts}得分之和 ${p.names} = ${p.sum} 不符。`,
  }),
  W_MAX_SUM: warning<{ subject: string; parts: string; names: string; sum: string }>({
    title: '分值之和不符', summary: 'children\'s max ≠ parent (every level of the indicator tree)',
    message: (p) => `${p.subject}，与${p.parts}分值之和 ${p.names} = ${p.sum} 不符。`,
  }),
  W_INDICATOR_RATE: warning<{ indicator: string; stated: string; score: string; max: string; computed: string }>({
    title: '得分率与计算不符', summary: 'stated 得分率 ≠ score ÷ max',
    message: (p) => `指标“${p.indicator}”所写得分率 ${p.stated}%，而得分 ${p.score} ÷ 分值 ${p.max} = ${p.computed}%。`,
  }),
  W_GRADE_BAND: warning<{ what: string; grade: string; band: string; score: string }>({
    title: '等级与得分不符', summary: 'a grade outside its band (优 ≥ 90, 良 [80, 90), 中 [60, 80), 差 < 60)',
    message: (p) => `${p.what}等级“${p.grade}”要求得分${p.band}，而得分为 ${p.score}。`, hint: BAND_RULE,
  }),
  W_COUNT_LIST: warning<{ group?: string | undefined; count: number; listed: number }>({
    title: '个数与列表不符', summary: 'stated counts vs lists',
    message: (p) => (p.group === undefined ? `共写有 ${p.count} 个项目，而各类别项目数之和为 ${p.listed}。` : `项目类别“${p.group}”写有 ${p.count} 个项目，却列出了 ${p.listed} 个。`),
  }),
  W_PROJECT_AMOUNT: warning<{ amount: string; project: string; unit: string }>({
    title: '项目资金与项目支出不符', summary: 'projects.amount ≠ budget.project',
    message: (p) => `项目涉及资金 ${p.amount} ${p.unit}，与项目支出 ${p.project} ${p.unit} 不符。`,
  }),
  W_TITLE_YEAR: warning<{ year: number; titleYear: number; title: string }>({
    title: '标题年度与年度不同', summary: 'the year in the title differs from `year`',
    message: (p) => `年度写的是 ${p.year}，而标题写的是 ${p.titleYear} 年：“${p.title}”。`,
    hint: '核对原文；标题年度与财政年度不同属正常时，在 acknowledgements 中说明。',
  }),
  W_ACK_UNUSED: warning<{ code: string; field?: string | undefined }>({
    published: false, title: '说明已不需要', summary: 'an acknowledgement no longer needed',
    message: (p) => `已说明的核验提示 ${p.code}${p.field ? `（${p.field}）` : ''} 已不再出现。`, hint: '数据已改正时，删除这条说明。',
  }),
  W_DRAFT: warning({
    published: false, title: '草稿', summary: 'a draft (draft: true), not published',
    message: () => '这是草稿（draft: true），尚未经人工核对，不会发布。', hint: '逐项核对原文后删除 draft 一行。',
  }),
  W_NO_REPORTS: warning({
    published: false, title: '没有报告', summary: 'the content folder has no report file',
    message: () => '内容文件夹中没有报告数据文件（.yaml）。', hint: '从 templates/report.yaml 复制模板开始。',
  }),
} as const;

export type Code = keyof typeof CATALOGUE;
export type ErrorCode = { [C in Code]: (typeof CATALOGUE)[C]['severity'] extends 'error' ? C : never }[Code];
export type WarningCode = Exclude<Code, ErrorCode>;
export type ParamsOf<C extends Code> = Parameters<(typeof CATALOGUE)[C]['message']>[0];

/** True for a warning about the document that the report page shows and the open data counts. */
export const isPublishedWarning = (code: Code): boolean => {
  const e: CodeEntry<never> = CATALOGUE[code];
  return e.severity === 'warning' && e.published !== false;
};

export const isCode = (s: string): s is Code => Object.hasOwn(CATALOGUE, s);

/** Codes by severity, in catalogue order. */
export const codesOf = (severity: Severity): Code[] => (Object.keys(CATALOGUE) as Code[]).filter((c) => CATALOGUE[c].severity === severity);

/** Title, message and hint of a code for these parameters. */
export function describeCode<C extends Code>(code: C, params: ParamsOf<C>): { severity: Severity; title: string; message: string; hint?: string } {
  const e = CATALOGUE[code] as unknown as CodeEntry<ParamsOf<C>>;
  const hint = typeof e.hint === 'function' ? e.hint(params) : e.hint;
  return { severity: e.severity, title: e.title, message: e.message(params), ...(hint !== undefined && { hint }) };
}
