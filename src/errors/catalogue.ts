/**
 * The catalogue of every finding jixiao reports: one entry per stable code, with its severity,
 * a Chinese title, the message (a function of typed parameters) and the hint saying what to do
 * next. Modelled on Astro's errors-data.ts. Code elsewhere never writes a finding's text: it
 * calls `finding(code, where, params)`; the code lists of docs/developing.md and docs/使用手册.md are tested against this file.
 *
 * Adding a code is one entry here:
 *   E_SOMETHING: error<{ file: string }>({
 *     title: '一句话标题', summary: 'what it means, for docs/developing.md',
 *     message: (p) => `… ${p.file} …。`, hint: '下一步怎么做。',
 *   }),
 * (`warning<…>({…})` for a warning), then report it with
 * `finding('E_SOMETHING', { file: display, line, field }, { file })` (src/findings.ts) and add the
 * code to the lists in docs/developing.md and docs/使用手册.md
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
  /** What the code means, in English, for the list in docs/developing.md. */
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
    title: '无法读取文件',
    summary: 'the file cannot be read (missing, no permission, a folder)',
    message: (p) => `无法读取文件：${p.reason}。`,
    hint: '检查文件是否存在、是否有读取权限。',
  }),
  E_TOO_LARGE: error<{ megabytes: string }>({
    title: '文件过大',
    summary: 'over 2 MB, not a report data file',
    message: (p) => `文件有 ${p.megabytes} MB，超过报告数据文件上限 2 MB。`,
    hint: '报告数据文件只放文字和数字；原件 PDF 请作为附件（attachments）引用。',
  }),
  E_LINK_OUTSIDE: error<{ real: string }>({
    title: '链接指向内容文件夹以外',
    summary: 'a link leading outside the content folder',
    message: (p) => `是指向内容文件夹以外（${JSON.stringify(p.real)}）的链接，不会读取或发布。`,
    hint: '把文件本身复制到报告文件所在的文件夹，不要用链接。',
  }),
  E_NOT_REGULAR: error<{ kind: string }>({
    title: '不是普通文件',
    summary: 'a folder, FIFO, device or socket named .yaml',
    message: (p) => `不是普通文件，而是${p.kind}，不会读取或发布。`,
    hint: '只引用放在内容文件夹中的普通文件。',
  }),
  E_ENCODING: error<{ found: 'utf16-bom' | 'utf16' | 'not-utf8'; line?: number | undefined }>({
    title: '文件编码不是 UTF-8',
    summary: 'UTF-16, GBK or other non-UTF-8 text',
    message: (p) =>
      p.found === 'utf16-bom'
        ? '文件是 UTF-16 编码，只接受 UTF-8。'
        : p.found === 'utf16'
          ? '文件是 UTF-16 编码（无 BOM），只接受 UTF-8。'
          : `文件不是有效的 UTF-8 编码（可能是 GBK/GB2312）${p.line ? `，第 ${p.line} 行起无法识别` : ''}。`,
    hint: SAVE_AS_UTF8,
  }),
  E_NOT_TEXT: error({
    title: '不是文本文件',
    summary: 'binary content (a Word or PDF file given as data)',
    message: () => '这不是文本文件（含有二进制内容）。',
    hint: '报告数据文件应是 YAML 文本；Word、PDF 原件请用 `npx jixiao import` 生成草稿。',
  }),
  E_EMPTY: error<{ what: 'empty' | 'comments' | 'no-fields' }>({
    title: '文件没有内容',
    summary: 'empty, only comments, or no fields',
    message: (p) => ({ empty: '文件是空的。', comments: '文件只有注释，没有任何字段。', 'no-fields': '文件没有任何字段。' })[p.what],
    hint: FROM_TEMPLATE,
  }),

  // ── Parse stage: text → data ───────────────────────────────────────────────────────────
  E_YAML_SYNTAX: error<{ problem: YamlProblem; detail?: string | undefined; quoted?: string | undefined }>({
    title: 'YAML 格式错误',
    summary: 'the text is not valid YAML (the line is named and quoted)',
    message: (p) => YAML_PROBLEMS[p.problem].message(p.detail ?? '') + (p.quoted === undefined ? '' : `这一行是：「${p.quoted}」`),
    hint: (p) => YAML_PROBLEMS[p.problem].hint,
  }),
  E_YAML_INDENT: error<{ found: number; expected: number; alignWith?: number | undefined; text: string; typed: string }>({
    title: '缩进不对',
    summary: 'a line indented wrongly (found by reading the lines; the line that is wrong, with the indent it needs)',
    message: (p) =>
      `这一行缩进了 ${p.found} 个空格，应为 ${p.expected} 个${p.alignWith === undefined ? '' : `（与第 ${p.alignWith} 行对齐）`}：「${p.text.trimEnd()}」。同一层的字段要左端对齐，下一层比上一层多缩进。`,
    hint: (p) => `把行首改为 ${p.expected} 个半角空格，写作：「${p.typed.trimEnd()}」`,
  }),
  E_YAML_DUPLICATE_KEY: error<{ key?: string | undefined }>({
    title: '字段重复',
    summary: 'the same key twice in one mapping',
    message: (p) => (p.key ? `字段 ${p.key} 在同一层级出现了两次。` : '同一层级出现了重复的字段名。'),
    hint: '删除或合并重复的字段；YAML 中后写的不会覆盖先写的，而是无效。',
  }),
  E_YAML_TAG: error<{ tag: string }>({
    title: '不支持的 YAML 标签',
    summary: 'a custom or non-core tag (!!binary, !foo …)',
    message: (p) => `使用了不支持的 YAML 标签 ${p.tag}。`,
    hint: '删除标签，直接写文字或数字。',
  }),
  E_YAML_ALIAS: error<{ alias: string }>({
    title: '别名展开过多',
    summary: 'an alias bomb (& and * expanded too often)',
    message: (p) => `锚点/别名（& 和 *）展开次数过多（从 *${p.alias} 开始），文件可能是恶意构造的。`,
    hint: '不要使用 & 和 * 引用；把内容直接写出来。',
  }),
  E_YAML_KEY: error<{ where: string }>({
    title: '字段名不是文字',
    summary: 'a key that is a list, a mapping or empty',
    message: (p) => `${p.where}有一个字段名不是文字（是列表、一组字段或空）。`,
    hint: '字段名只写文字，如 title:。',
  }),
  E_LIMIT_SIZE: error<{ limit: string; line: number }>({
    title: 'YAML 结构过于庞大',
    summary: 'over 50,000 YAML tokens: not a report',
    message: (p) => `文件的 YAML 结构过于庞大（超过 ${p.limit} 个元素，在第 ${p.line} 行超出），不像是一份报告。`,
    hint: '检查文件是否被错误地生成或粘贴；一份报告通常只有几千个元素。',
  }),
  E_LIMIT_DEPTH: error<{ where?: string | undefined; limit?: number | undefined }>({
    title: '嵌套过深',
    summary: 'nested deeper than 40 levels (or too deep to parse at all)',
    message: (p) => (p.where === undefined ? 'YAML 结构嵌套过深，无法解析，文件可能是恶意构造的。' : `${p.where}嵌套超过 ${p.limit} 层，报告数据不会这么深。`),
    hint: (p) => (p.where === undefined ? '报告数据文件不需要这么深的嵌套；检查缩进和括号是否成对。' : '检查缩进和括号是否正确。'),
  }),
  E_LIMIT_KEYS: error<{ where: string; count: string; limit: string }>({
    title: '字段过多',
    summary: 'over 1,000 keys in one mapping',
    message: (p) => `${p.where}有 ${p.count} 个字段，超过上限 ${p.limit}。`,
    hint: '一组字段不会有这么多；检查文件是否被错误地生成或粘贴。',
  }),
  E_LIMIT_ITEMS: error<{ where: string; count: string; limit: string }>({
    title: '列表项过多',
    summary: 'over 10,000 items in one list',
    message: (p) => `${p.where}有 ${p.count} 项，超过上限 ${p.limit}。`,
    hint: '列表不会有这么多项；检查文件是否被错误地生成或粘贴。',
  }),
  E_FULLWIDTH_COLON: error<{ key: string; typed: string }>({
    title: '中文冒号',
    summary: 'a full-width colon after a key (title：…)',
    message: (p) => `字段名 ${p.key} 后面是中文冒号“：”，YAML 只认英文冒号。`,
    hint: (p) => `切换到英文输入法，写作：${p.typed}`,
  }),
  E_FULLWIDTH_SPACE: error<{ line: number; typed: string }>({
    title: '全角空格缩进',
    summary: 'full-width spaces or tabs in the indentation',
    message: (p) => `第 ${p.line} 行用全角空格或 Tab 缩进，YAML 只认半角空格。`,
    hint: (p) => `删除行首的空白，用半角空格重新缩进，写作：${p.typed}`,
  }),
  E_KEY_SPACE: error<{ key: string; typed: string }>({
    title: '字段名中有空格',
    summary: 'a space inside a key',
    message: (p) => `字段名“${p.key}”中有空格。`,
    hint: (p) => `字段名中间不能有空格，写作：${p.typed}`,
  }),
  E_COLON_SPACE: error<{ key: string; typed: string }>({
    title: '冒号后少了空格',
    summary: "no space after a key's colon (planned:100)",
    message: (p) => `字段名 ${p.key} 的冒号后面少了空格。`,
    hint: (p) => `冒号后加一个半角空格，写作：${p.typed}`,
  }),
  E_FORBIDDEN_KEY: error<{ key: string }>({
    title: '字段名不允许使用',
    summary: '__proto__, constructor or prototype as a key',
    message: (p) => `字段名 ${p.key} 不允许使用。`,
    hint: '删除这个字段。',
  }),

  // ── Shape stage: data → a typed report ─────────────────────────────────────────────────
  E_UNKNOWN_KEY: error<{ parent?: string | undefined; key: string; field: string; guess?: string | undefined; known: readonly string[] }>({
    title: '没有这个字段',
    summary: 'a key the schema does not know (with "是不是要写 …？")',
    message: (p) => (p.parent ? `${p.parent} 下没有字段 ${p.key}（${p.field}）。` : `顶层没有字段 ${p.key}。`),
    hint: (p) => (p.guess ? `是不是要写 ${p.guess}？` : `可用的字段：${p.known.join('、')}。`),
  }),
  E_REQUIRED: error<{ name: string; projectReport?: boolean; options?: readonly string[] | undefined }>({
    title: '缺少必填字段',
    summary: 'a required field is missing',
    message: (p) =>
      p.projectReport
        ? '项目支出报告（kind: project）缺少 project（项目）字段。'
        : p.options
          ? `缺少必填字段 ${p.name}，应为 ${p.options.join('、')} 之一。`
          : `缺少必填字段 ${p.name}。`,
    hint: (p) => (p.projectReport ? '写明 project.id 和 project.name。' : '参照 templates/report.yaml 补上。'),
  }),
  E_TYPE: error<{ name: string; expected: string; actual: string; hint?: string | undefined }>({
    title: '类型不对',
    summary: 'text where a number belongs, a list where a field belongs …',
    message: (p) => (p.name === '' ? `报告文件的顶层应是一组字段（键: 值），实际是${p.actual}。` : `${p.name} 应为${p.expected}，实际是${p.actual}。`),
    hint: (p) => (p.name === '' ? '参照 templates/report.yaml。' : p.hint),
  }),
  E_ENUM: error<{
    name: string;
    options: readonly string[];
    actual: string;
    guess?: string | undefined;
    said?: { value: string; word: string; key: string } | undefined;
  }>({
    title: '不是可选的值',
    summary: 'a value outside its list (kind, grade, unit); a Chinese word for one is named',
    message: (p) => `${p.name} 应为 ${p.options.join('、')} 之一，实际是${p.actual}。`,
    hint: (p) => (p.said ? `“${p.said.value}”即 ${p.said.word}，写作 ${p.said.key}: ${p.said.word}。` : p.guess ? `是不是要写 ${p.guess}？` : undefined),
  }),
  E_NEGATIVE: error<{ name: string; value: string }>({
    title: '不能为负数',
    summary: 'a negative amount, score or rate',
    message: (p) => `${p.name} 不能为负数，实际是 ${p.value}。`,
    hint: '金额、分值和比率都不为负；下降的增长率写在 change 字段。',
  }),
  E_YEAR: error<{ name: string; value: string }>({
    title: '年度不合理',
    summary: 'a year outside 1990–2100',
    message: (p) => `${p.name} ${p.value} 不是合理的年度。`,
    hint: '写四位数的财政年度，如 2022。',
  }),
  E_FORMAT: error<{ name: string; format: FormatName; actual: string }>({
    title: '格式不正确',
    summary: 'an id, date, URL, path or code in the wrong form',
    message: (p) => FORMAT_MESSAGES[p.format].message(p.name, p.actual),
    hint: (p) => FORMAT_MESSAGES[p.format].hint,
  }),
  E_EMPTY_VALUE: error<{ name: string; list: boolean }>({
    title: '值是空的',
    summary: 'an empty text or list',
    message: (p) => (p.list ? `${p.name} 是空列表。` : `${p.name} 是空的。`),
    hint: DELETE_IF_EMPTY,
  }),
  E_RANGE: error<{ name: string; bound: 'min' | 'above' | 'max'; limit: string; value: string }>({
    title: '超出范围',
    summary: 'a number outside its range',
    message: (p) =>
      p.bound === 'max'
        ? `${p.name} 太大（至多 ${p.limit}），实际是 ${p.value}。`
        : `${p.name} 太小（${p.bound === 'above' ? '应大于' : '至少'} ${p.limit}），实际是 ${p.value}。`,
  }),
  E_KIND: error({
    title: '与报告类型不符',
    summary: 'a project block on a department report',
    message: () => '部门整体报告（kind: department）不应有 project 字段。',
    hint: '如果这是项目支出报告，把 kind 改为 project。',
  }),
  E_INVALID: error<{ name: string; detail: string }>({
    title: '值不正确',
    summary: 'any other value the schema refuses',
    message: (p) => `${p.name} 的值不正确：${p.detail}`,
  }),
  E_TOO_MANY: error<{ more: number }>({
    title: '错误太多',
    summary: 'over 50 shape errors in one file: the rest are counted, not listed',
    message: (p) => `还有 ${p.more} 个错误未列出。`,
    hint: '先改正上面列出的错误，再运行一次。',
  }),

  // ── Audit: impossible figures, and checks across files ─────────────────────────────────
  E_SCORE_ABOVE_MAX: error<{ indicator?: string | undefined; score: string; max: string }>({
    title: '得分超过满分',
    summary: 'a score above its max',
    message: (p) => (p.indicator === undefined ? `自评得分 ${p.score} 超过满分 ${p.max}。` : `指标“${p.indicator}”得分 ${p.score} 超过分值 ${p.max}。`),
    hint: (p) => (p.indicator === undefined ? '核对原文；满分不是 100 时写 score.max。' : '核对原文中的分值和得分。'),
  }),
  E_DUPLICATE_REPORT: error<{ first: string; year: number; department: string; project?: string | undefined }>({
    title: '重复的报告',
    summary: 'two files for the same year, department and project',
    message: (p) => `与 ${p.first} 是同一份报告（${p.year} 年、部门 ${p.department}${p.project ? `、项目 ${p.project}` : ''}）。`,
    hint: '删除重复的文件；如果是不同的报告，改正年度、部门标识或项目标识。',
  }),
  E_ATTACHMENT_MISSING: error<{ file: string }>({
    title: '附件不存在',
    summary: 'an attachment file that is not there',
    message: (p) => `附件文件 ${p.file} 不存在。`,
    hint: '把附件放在报告文件所在的文件夹，或改正文件名。',
  }),
  E_ATTACHMENT_TYPE: error<{ name: string; ext: string; types: readonly string[] }>({
    title: '附件类型不可发布',
    summary: "an attachment type not in site.yaml's attachments.types",
    message: (p) => `附件 ${p.name} 的类型${p.ext ? ` .${p.ext} ` : '（没有扩展名）'}不在可发布的类型之内。`,
    hint: (p) => `可发布的类型：${p.types.join('、')}；其他类型请先转为 PDF，或在 site.yaml 的 attachments.types 中加入。`,
  }),
  E_ATTACHMENT_CONTENT: error<{ name: string; expected: string; found: string }>({
    title: '附件内容与类型不符',
    summary: 'an attachment whose bytes are not what its name says (an executable named .pdf, a web page named .jpg)',
    message: (p) => `附件 ${p.name} 按文件名应是${p.expected}，但内容是${p.found}，不会发布。`,
    hint: '只发布真正的原件；如果文件被改过扩展名，请找回原来的文件，或用正确的软件另存为对应格式。',
  }),
  E_ATTACHMENT_TOO_LARGE: error<{ name: string; megabytes: string; maxMB: string }>({
    title: '附件过大',
    summary: 'an attachment over attachments.maxMB',
    message: (p) => `附件 ${p.name} 有 ${p.megabytes} MB，超过附件大小上限 ${p.maxMB} MB。`,
    hint: '压缩或拆分附件，或在 site.yaml 的 attachments.maxMB 中调高上限。',
  }),
  E_ATTACHMENT_LINK: error<{ name: string; real: string }>({
    title: '附件是外部链接',
    summary: 'an attachment that is a link leading outside the content folder',
    message: (p) => `附件 ${p.name} 是指向内容文件夹以外（${JSON.stringify(p.real)}）的链接，不会读取或发布。`,
    hint: '把文件本身复制到报告文件所在的文件夹，不要用链接。',
  }),
  E_ATTACHMENT_NOT_FILE: error<{ name: string; kind: string }>({
    title: '附件不是普通文件',
    summary: 'an attachment that is a folder, FIFO or device',
    message: (p) => `附件 ${p.name} 不是普通文件，而是${p.kind}，不会读取或发布。`,
    hint: '只引用放在内容文件夹中的普通文件。',
  }),
  E_ATTACHMENT_READ: error<{ name: string; reason: string }>({
    title: '附件无法读取',
    summary: 'an attachment that cannot be read',
    message: (p) => `附件 ${p.name} 无法读取：${p.reason}。`,
    hint: '检查文件是否存在、是否有读取权限。',
  }),
  E_BUDGET_MISSING: error<{ names: string }>({
    title: '缺少预算数字',
    summary: 'a published report without budget.planned/spent and no notStated.budget',
    message: (p) => `报告没有写${p.names}，不能发布。`,
    hint: '按报告原文填写；原文确实没有公开这些数字时，在文件末尾写 notStated: { budget: 原报告未公开预算数 }（写明原因，页面会显示这句话）。不要填 0。',
  }),
  E_SCORE_MISSING: error({
    title: '缺少自评得分',
    summary: 'a published report without score.total and no notStated.score',
    message: () => '报告没有写自评得分（score.total），不能发布。',
    hint: '按报告原文填写 score.total；原文确实没有给出自评得分时，写 notStated: { score: 原报告未给出自评得分 }（写明原因，页面会显示这句话）。不要填 0。',
  }),
  E_TEMPLATE_ID: error<{ which: 'department' | 'project'; id: string }>({
    title: '标识还是模板里的',
    summary: "department.id or project.id still the template's",
    message: (p) => `${p.which === 'department' ? '部门' : '项目'}标识还是模板里的 ${p.id}。`,
    hint: (p) =>
      p.which === 'department'
        ? '改成本部门名称的拼音缩写，如 haizhu-kgsxj（小写字母、数字、连字符）；它是部门在网站上的地址，各年度保持不变。'
        : '改成项目名称的拼音缩写（小写字母、数字、连字符），各年度保持不变。',
  }),
  E_PLACEHOLDER: error<{ text: string }>({
    title: '模板占位文字',
    summary: "a text still the template's placeholder (扣分原因……)",
    message: (p) => `还是模板的占位文字：“${p.text.length > 40 ? `${p.text.slice(0, 40)}…` : p.text}”。`,
    hint: '按报告原文填写；原文没有的内容，把这一项整行删除。',
  }),
  E_CONTROL_CHAR: error<{ char: string; at: number }>({
    title: '不可见的控制字符',
    summary: 'an invisible control character in a text',
    message: (p) => `含有不可见的控制字符 U+${p.char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}（第 ${p.at} 个字符处）。`,
    hint: '删除它；这类字符多由复制粘贴带入，网页和表格中会显示为乱码。',
  }),
  E_FORMAT_CHAR: error<{ char: string; at: number; kind: string }>({
    title: '不可见的格式字符',
    summary: 'a bidi override, zero-width space or other invisible format character (Unicode Cf) in a text',
    message: (p) =>
      `含有${p.kind} U+${p.char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}（第 ${p.at} 个字符处），它看不见，却会改变文字的显示顺序，或让看起来相同的名称不再相同。`,
    hint: '删除它（多由复制粘贴带入）；在编辑器中把光标移过该处，会多停一下。',
  }),
  E_FAVICON: error<{ name: string; problem: string }>({
    title: '网站图标不能发布',
    summary: "site.yaml's favicon cannot be published: missing, not an icon, or an SVG holding a script or links",
    message: (p) => `网站图标 ${JSON.stringify(p.name)}：${p.problem}。`,
    hint: '用一个普通的 .png、.ico 或只含图形的 .svg 文件；SVG 可用绘图软件另存为“纯 SVG”，或改用 PNG。',
  }),
  E_CONTENT_DIR: error<{ reason: 'missing' | 'file' | string }>({
    title: '内容文件夹无法读取',
    summary: 'the content folder is missing or not a folder',
    message: (p) =>
      p.reason === 'missing' ? '内容文件夹不存在。' : p.reason === 'file' ? '这是一个文件，不是内容文件夹。' : `无法读取内容文件夹：${p.reason}。`,
    hint: '用 --content 指定报告数据文件所在的文件夹。',
  }),

  // ── Audit warnings: inconsistencies inside the official document, shown with the figures ─
  W_BUDGET_PARTS: warning<{ basic: string; project: string; sum: string; spent: string; unit: string; gap: string }>({
    title: '支出各部分之和不符',
    summary: 'basic + project ≠ spent',
    message: (p) => `基本支出 ${p.basic} + 项目支出 ${p.project} = ${p.sum} ${p.unit}，与实际支出 ${p.spent} ${p.unit} 不符（相差 ${p.gap}）。`,
  }),
  W_SOURCES_SUM: warning<{ what: string; sum: string; total: string; unit: string }>({
    title: '资金来源合计不符',
    summary: 'funding sources ≠ total',
    message: (p) => `各资金来源的${p.what}合计 ${p.sum} ${p.unit}，与${p.what} ${p.total} ${p.unit} 不符。`,
  }),
  W_RATE_MISMATCH: warning<{ group?: string | undefined; stated: string; spent: string; planned: string; computed: string }>({
    title: '执行率与计算不符',
    summary: 'stated rate ≠ spent ÷ planned at the stated precision',
    message: (p) =>
      p.group === undefined
        ? `报告所写预算执行率 ${p.stated}%，而实际支出 ${p.spent} ÷ 全年预算 ${p.planned} = ${p.computed}%。`
        : `项目类别“${p.group}”所写支付率 ${p.stated}%，而支付资金 ${p.spent} ÷ 预算资金 ${p.planned} = ${p.computed}%。`,
    hint: (p) => (p.group === undefined ? KEEP_AND_EXPLAIN : undefined),
  }),
  W_SCORE_SUM: warning<{ subject: string; parts: string; names: string; sum: string }>({
    title: '得分之和不符',
    summary: "children's scores ≠ parent (every level of the indicator tree)",
    message: (p) => `${p.subject}，与${p.parts}得分之和 ${p.names} = ${p.sum} 不符。`,
  }),
  W_MAX_SUM: warning<{ subject: string; parts: string; names: string; sum: string }>({
    title: '分值之和不符',
    summary: "children's max ≠ parent (every level of the indicator tree)",
    message: (p) => `${p.subject}，与${p.parts}分值之和 ${p.names} = ${p.sum} 不符。`,
  }),
  W_INDICATOR_RATE: warning<{ indicator: string; stated: string; score: string; max: string; computed: string }>({
    title: '得分率与计算不符',
    summary: 'stated 得分率 ≠ score ÷ max',
    message: (p) => `指标“${p.indicator}”所写得分率 ${p.stated}%，而得分 ${p.score} ÷ 分值 ${p.max} = ${p.computed}%。`,
  }),
  W_GRADE_BAND: warning<{ what: string; grade: string; band: string; score: string }>({
    title: '等级与得分不符',
    summary: 'a grade outside its band (优 ≥ 90, 良 [80, 90), 中 [60, 80), 差 < 60)',
    message: (p) => `${p.what}等级“${p.grade}”要求得分${p.band}，而得分为 ${p.score}。`,
    hint: BAND_RULE,
  }),
  W_COUNT_LIST: warning<{ group?: string | undefined; count: number; listed: number }>({
    title: '个数与列表不符',
    summary: 'stated counts vs lists',
    message: (p) =>
      p.group === undefined
        ? `共写有 ${p.count} 个项目，而各类别项目数之和为 ${p.listed}。`
        : `项目类别“${p.group}”写有 ${p.count} 个项目，却列出了 ${p.listed} 个。`,
  }),
  W_PROJECT_AMOUNT: warning<{ amount: string; project: string; unit: string }>({
    title: '项目资金与项目支出不符',
    summary: 'projects.amount ≠ budget.project',
    message: (p) => `项目涉及资金 ${p.amount} ${p.unit}，与项目支出 ${p.project} ${p.unit} 不符。`,
  }),
  W_TITLE_YEAR: warning<{ year: number; titleYear: number; title: string }>({
    title: '标题年度与年度不同',
    summary: 'the year in the title differs from `year`',
    message: (p) => `年度写的是 ${p.year}，而标题写的是 ${p.titleYear} 年：“${p.title}”。`,
    hint: '核对原文；标题年度与财政年度不同属正常时，在 acknowledgements 中说明。',
  }),
  W_FOLDER_YEAR: warning<{ folder: string; year: number }>({
    title: '文件夹年度与年度不同',
    summary: 'the file sits in a year folder other than `year`',
    message: (p) => `文件放在 ${p.folder} 文件夹，而年度写的是 ${p.year}。`,
    hint: (p) => `核对年度：是 ${p.year} 年度的报告，就把文件移到 ${p.year} 文件夹；是 ${p.folder} 年度的，就把 year 改为 ${p.folder}。`,
  }),
  W_SITE_SETTINGS: warning<{ file: string; exists: boolean; missing: readonly { key: string; title: string }[] }>({
    published: false,
    title: '网站设置不全',
    summary: 'site.yaml lacks the footer items a government site shows (sponsor, site code, contact)',
    message: (p) => `${p.exists ? '' : '没有网站设置文件，'}网站页脚将缺少${p.missing.map((m) => m.title).join('、')}。`,
    hint: (p) =>
      p.exists
        ? `在 ${p.file} 的 footer 下填写 ${p.missing.map((m) => `${m.key}（${m.title}）`).join('、')}。`
        : `把 site.example.yaml 复制为 ${p.file}，填写本单位的主办单位（footer.sponsor）、网站标识码（footer.siteCode）和联系方式（footer.contact）。`,
  }),
  W_EXTERNAL_IMAGE: warning<{ src: string }>({
    title: '引用了外部图片',
    summary: 'a markdown image from another host, shown as a link only',
    message: (p) =>
      `引用了其他网站的图片 ${JSON.stringify(p.src.length > 100 ? `${p.src.slice(0, 100)}…` : p.src)}；网站不从其他网站加载内容，这里只显示为链接。`,
    hint: '需要图片时，把图片作为附件（attachments）发布。',
  }),
  W_NOT_STATED_UNUSED: warning<{ what: 'budget' | 'score' }>({
    published: false,
    title: '未公开说明不会显示',
    summary: 'a notStated entry for a figure the report does state',
    message: (p) => (p.what === 'budget' ? '已写了全年预算和实际支出，notStated.budget 的说明不会显示。' : '已写了自评得分，notStated.score 的说明不会显示。'),
    hint: (p) => `删除 notStated 中的 ${p.what} 一行。`,
  }),
  W_RAW_EMPHASIS: warning<{ first: string; count: number }>({
    published: false,
    title: '强调符号会原样显示',
    summary: 'unpaired ** or __ that the page would show as is',
    message: (p) => `加粗或强调符号（** 或 __）在网页上会原样显示：“${p.first}”${p.count > 1 ? ` 等 ${p.count} 处` : ''}。`,
    hint: '检查 ** 是否成对；需要显示星号本身时写作 \\*。',
  }),
  W_ACK_UNUSED: warning<{ code: string; field?: string | undefined }>({
    published: false,
    title: '说明已不需要',
    summary: 'an acknowledgement no longer needed',
    message: (p) => `已说明的核验提示 ${p.code}${p.field ? `（${p.field}）` : ''} 已不再出现。`,
    hint: '数据已改正时，删除这条说明。',
  }),
  W_DRAFT: warning({
    published: false,
    title: '草稿',
    summary: 'a draft (draft: true), not published',
    message: () => '这是草稿（draft: true），尚未经人工核对，不会发布。',
    hint: '逐项核对原文后删除 draft 一行。',
  }),
  W_UNCHECKED: warning<{ count: number; total: number; names: string[] }>({
    published: false,
    title: '还有数字未核对',
    summary: 'figures of a draft (or of a report with a checked list) not yet marked checked',
    message: (p) => `${p.total} 个数字中还有 ${p.count} 个没有标为已核对：${p.names.slice(0, 8).join('、')}${p.count > 8 ? ` 等 ${p.count} 个` : ''}。`,
    hint: '在 npx jixiao dev 的核对页逐项对照原文；核对过的数字把字段路径写进 checked 列表，如 checked: [year, budget.planned]（写 budget 即全部预算数字）。全部核对后删除 draft 一行。',
  }),
  W_CHECKED_UNKNOWN: warning<{ entry: string; suggestion?: string | undefined }>({
    published: false,
    title: '已核对列表中的字段不存在',
    summary: 'an entry of checked names no figure of the report',
    message: (p) => `checked 列表中的“${p.entry}”不是本报告中的数字或其上级字段${p.suggestion ? `，是不是“${p.suggestion}”？` : '。'}`,
    hint: '照核对页或 npx jixiao validate 所列的字段路径书写（如 budget.planned、score.indicators[0].score）；字段已删除的，删去这一项。',
  }),
  W_NO_REPORTS: warning({
    published: false,
    title: '没有报告',
    summary: 'the content folder has no report file',
    message: () => '内容文件夹中没有报告数据文件（.yaml）。',
    hint: '从 templates/report.yaml 复制模板开始。',
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

/** Codes by severity, in catalogue order. */
export const codesOf = (severity: Severity): Code[] => (Object.keys(CATALOGUE) as Code[]).filter((c) => CATALOGUE[c].severity === severity);

/** Title, message and hint of a code for these parameters. */
/**
 * The words around a finding on the terminal (src/findings.ts, formatFinding):
 * `file:line: 错误: field：message（已说明：…） 提示：hint [CODE]`.
 */
export const FINDING_LINE = {
  severity: { error: '错误', warning: '提示' } satisfies Record<Severity, string>,
  field: (field: string) => `${field}：`,
  acknowledged: (why: string) => `（已说明：${why}）`,
  hint: (hint: string) => ` 提示：${hint}`,
  /** After a line cut to its length limit. */
  cut: '…（已截断）',
};

export function describeCode<C extends Code>(code: C, params: ParamsOf<C>): { severity: Severity; title: string; message: string; hint?: string } {
  const e = CATALOGUE[code] as unknown as CodeEntry<ParamsOf<C>>;
  const hint = typeof e.hint === 'function' ? e.hint(params) : e.hint;
  return { severity: e.severity, title: e.title, message: e.message(params), ...(hint !== undefined && { hint }) };
}
