/**
 * The terminal's messages of `jixiao import` about a file it cannot read: a type it does not
 * know, a file that is not what its name says, one past a limit, one a reader gave up on. Part
 * of the catalogue (messages.ts). Each is the reason alone; `IMPORT_FILE_REFUSED` puts the file's
 * name before it (src/import/errors.ts), and the closing table shows the reason under the file.
 * The 待核对 lines about what was read are in import-review.ts.
 */
import { entry } from './message-entry.ts';

/** A document format as the importer names it (src/import/extract/index.ts SourceFormat). */
type Format = 'text' | 'html' | 'docx' | 'xlsx' | 'pdf';

const n = (v: number) => v.toLocaleString('en-US');
const mb = (bytes: number) => bytes / 1048576;
const CHECK = '请确认选对了文件。';
const RESAVE_DOCX = '请在 Word 中打开后另存为 .docx 再导入。';
const LABEL: Record<Format, string> = { text: '文本文件', html: '网页', docx: 'Word 文档', xlsx: 'Excel 工作簿', pdf: 'PDF ' };
const AFTER: Record<Format, string> = {
  text: CHECK,
  html: CHECK,
  docx: '请确认文件无误，或在 Word 中另存后再导入。',
  xlsx: '请确认文件无误，或在 Excel 中另存后再导入。',
  pdf: '请确认文件无误，或从 Word 原件导入。',
};

/** Why the system could not read a file, by its error code, in words staff know (never `ENXIO`). */
const READ_FAILURE: Record<string, string> = {
  ENOENT: '文件不存在。',
  ENOTDIR: '文件不存在。',
  EACCES: '没有读取权限。',
  EPERM: '没有读取权限。',
  EISDIR: '这是一个文件夹，不是文件。',
  ELOOP: '文件是一个循环的链接。',
  ENXIO: '这是设备或套接字，不是普通文件。',
  ENODEV: '这是设备或套接字，不是普通文件。',
  EOPNOTSUPP: '这是设备或套接字，不是普通文件。',
  EIO: '读取时磁盘或设备出错。',
  EMFILE: '系统资源不足，无法读取，请稍后重试。',
  ENFILE: '系统资源不足，无法读取，请稍后重试。',
  ENOMEM: '系统资源不足，无法读取，请稍后重试。',
};

/** What is wrong with the zip inside a .docx or .xlsx (src/import/extract/zip-guard.ts). */
export type ZipProblem =
  | { problem: 'no-directory' | 'zip64' | 'bounds' | 'entry' | 'header' | 'truncated' }
  | { problem: 'entries'; count: number; max: number }
  | { problem: 'inflated'; max: number }
  | { problem: 'inflate'; name: string }
  | { problem: 'method'; method: number };

const zipProblem = (L: string, p: ZipProblem): string => {
  switch (p.problem) {
    case 'no-directory':
      return `不是有效的 ${L} 文件（找不到 zip 目录）。`;
    case 'zip64':
      return `${L} 使用了 zip64 格式，Office 文件不会这样保存。`;
    case 'entries':
      return `${L} 内含 ${p.count} 个文件，超过上限 ${p.max}。`;
    case 'bounds':
      return `${L} 文件不完整（zip 目录越界）。`;
    case 'entry':
      return `${L} 文件损坏（zip 目录项无效）。`;
    case 'inflated':
      return `${L} 解压后超过 ${mb(p.max)} MB 上限。`;
    case 'header':
      return `${L} 文件损坏（zip 文件头无效）。`;
    case 'truncated':
      return `${L} 文件不完整（被截断）。`;
    case 'inflate':
      return `${L} 中的 ${p.name} 无法解压或解压后超过上限。`;
    case 'method':
      return `${L} 使用了不支持的压缩方式（${p.method}）。`;
  }
};

/** What a .docx or .xlsx has too much of (src/import/extract/office-precheck.ts). */
const OFFICE_LIMIT = {
  'docx-rows': (max: number) => `Word 文档中的表格共有超过 ${n(max)} 行，超过导入上限。请确认选对了文件，或把大表格另存为 Excel 后手工录入。`,
  'docx-cells': (max: number) => `Word 文档中的表格共有超过 ${n(max)} 个单元格，超过导入上限。${CHECK}`,
  'docx-paragraphs': (max: number) => `Word 文档共有超过 ${n(max)} 个段落，超过导入上限，不像是一份报告。${CHECK}`,
  'docx-elements': (max: number) => `Word 文档的内容超过 ${n(max)} 个 XML 元素，超过导入上限，不像是一份报告。${CHECK}`,
  'docx-text': (max: number) => `Word 文档的文字超过 ${n(max)} 个字符，超过导入上限，不像是一份报告。${CHECK}`,
  'xlsx-strings': (max: number) => `工作簿共有超过 ${n(max)} 个共享字符串，超过导入上限。${CHECK}`,
  'xlsx-cells': (max: number) => `工作簿共有超过 ${n(max)} 个单元格，超过导入上限。${CHECK}`,
  'xlsx-elements': (max: number) => `工作簿的内容超过 ${n(max)} 个 XML 元素，超过导入上限。${CHECK}`,
  'xlsx-text': (max: number) => `工作簿的文字超过 ${n(max)} 个字符，超过导入上限。${CHECK}`,
} as const;
export type OfficeLimit = keyof typeof OFFICE_LIMIT;

export const IMPORT_MESSAGES = {
  /** An ImportError as printed: the file, then the reason (one of the entries below, written out). */
  IMPORT_FILE_REFUSED: entry<{ file: string; reason: string }>({ message: (p) => `${p.file}：${p.reason}` }),
  IMPORT_UNSUPPORTED_TYPE: entry<{ ext: string }>({
    message: (p) => `不支持的文件类型${p.ext ? ` ${p.ext}` : ''}。`,
    hint: (p) =>
      p.ext === '.doc'
        ? '请在 Word 中另存为 .docx。'
        : p.ext === '.wps' || p.ext === '.et'
          ? '请另存为 .docx 或 .pdf。'
          : '支持 .txt、.md、.html、.docx、.pdf、.xlsx、.xls。',
  }),
  IMPORT_NOT_A_FILE: entry({ message: () => '不是文件。' }),
  IMPORT_FILE_TOO_BIG: entry<{ bytes: number; max: number }>({
    message: (p) => `文件有 ${mb(p.bytes).toFixed(1)} MB，超过导入上限 ${mb(p.max)} MB。`,
  }),
  IMPORT_FILE_EMPTY: entry({ message: () => '文件是空的。' }),
  /** `code`: the system's error code (ENOENT …), never shown itself. */
  IMPORT_READ_FAILED: entry<{ code?: string | undefined }>({ message: (p) => (p.code && READ_FAILURE[p.code]) || '无法读取文件。' }),
  IMPORT_BINARY: entry<{ format: 'text' | 'html' }>({ message: (p) => `这不是${p.format === 'html' ? '网页' : '文本'}文件（含有二进制内容）。` }),
  IMPORT_TOO_MANY_LINES: entry<{ lines: number; max: number }>({
    message: (p) => `文字有 ${n(p.lines)} 行，超过导入上限 ${n(p.max)} 行，不像是一份报告。`,
    hint: '请确认选对了文件；确是报告的，请分成几个文件导入。',
  }),
  IMPORT_LINE_TOO_LONG: entry<{ line: number; chars: number; max: number }>({
    message: (p) => `第 ${p.line} 行有 ${n(p.chars)} 个字符，超过导入上限 ${n(p.max)}，不像是报告的一段文字。`,
    hint: '请确认选对了文件，或在原文中把这一段分段后再导入。',
  }),
  IMPORT_HTML_CELLS: entry<{ max: number }>({
    message: (p) => `表格共有超过 ${n(p.max)} 个单元格（含合并单元格展开），超过导入上限。`,
    hint: '请确认选对了文件，或把大表格另存为 Excel 后手工录入。',
  }),
  IMPORT_HTML_DEPTH: entry<{ max: number }>({
    message: (p) => `网页元素嵌套超过 ${p.max} 层，超过导入上限，文件可能是恶意构造的。`,
    hint: CHECK,
  }),
  IMPORT_ZIP_REFUSED: entry<{ label: string } & ZipProblem>({ message: (p) => zipProblem(p.label, p) }),
  IMPORT_OFFICE_LIMIT: entry<{ limit: OfficeLimit; max: number }>({ message: (p) => OFFICE_LIMIT[p.limit](p.max) }),
  IMPORT_NOT_DOCX: entry({ message: () => '不是 Word 文档（缺少 word/document.xml）。', hint: '若是 .doc 旧格式，请在 Word 中另存为 .docx。' }),
  /** `why`: 'xml', its XML is malformed; 'damaged', the reader tripped over a damaged part; else unknown. */
  IMPORT_DOCX_BROKEN: entry<{ why: 'xml' | 'damaged' | 'unknown' }>({
    message: (p) =>
      p.why === 'xml'
        ? 'Word 文档内容损坏（XML 格式错误），无法解析。'
        : p.why === 'damaged'
          ? 'Word 文档内容损坏，无法解析。'
          : 'Word 文档无法解析，文件可能已损坏。',
    hint: RESAVE_DOCX,
  }),
  IMPORT_NOT_XLSX: entry({ message: () => '不是 Excel 工作簿（缺少 xl/ 目录）。' }),
  IMPORT_NOT_EXCEL: entry({ message: () => '不是有效的 Excel 文件（.xlsx 或 .xls）。' }),
  IMPORT_XLSX_BROKEN: entry({ message: () => 'Excel 文件无法解析，文件可能已损坏。', hint: '请在 Excel 中打开后另存为 .xlsx 再导入。' }),
  IMPORT_XLSX_CELLS: entry<{ max: number }>({ message: (p) => `工作簿超过 ${p.max} 个单元格，超过导入上限。` }),
  IMPORT_XLSX_EMPTY: entry({ message: () => '工作簿是空的。' }),
  IMPORT_NOT_PDF: entry({ message: () => '不是有效的 PDF 文件。' }),
  IMPORT_PDF_INFLATED: entry<{ max: number }>({
    message: (p) => `PDF 的内容解压后超过 ${mb(p.max)} MB，超过导入上限，不像是一份报告。`,
    hint: AFTER.pdf,
  }),
  IMPORT_PDF_LOCKED: entry({ message: () => 'PDF 有密码保护，请先去除密码。' }),
  IMPORT_PDF_INVALID: entry({ message: () => 'PDF 无法解析：文件结构无效，可能已损坏或不完整。' }),
  IMPORT_PDF_PAGE: entry<{ page: number }>({ message: (p) => `PDF 第 ${p.page} 页无法解析，可能已损坏。` }),
  IMPORT_PDF_TEXT: entry<{ max: number; page: number }>({
    message: (p) => `PDF 的文字超过 ${n(p.max)} 个字符（读到第 ${p.page} 页），超过导入上限，不像是一份报告。`,
  }),
  IMPORT_READER_TIMEOUT: entry<{ format: Format; seconds: number }>({
    message: (p) => `${LABEL[p.format]}过于复杂，${p.seconds} 秒内未能读完，已停止。`,
    hint: (p) => AFTER[p.format],
  }),
  /** `ended`: the reading process died (its heap, or a native crash) rather than being stopped at the cap. */
  IMPORT_READER_MEMORY: entry<{ format: Format; mb: number; ended?: boolean }>({
    message: (p) => `${LABEL[p.format]}过于复杂，读取时超过了 ${p.mb} MB 内存上限${p.ended ? '（或读取进程意外中止）' : ''}，已停止。`,
    hint: (p) => AFTER[p.format],
  }),
  IMPORT_READER_UNSTARTED: entry({ message: () => '无法启动读取文件的子进程。', hint: '请重试；若反复出现，请检查系统的可用内存。' }),
  /** What a reading library threw, in English and naming its internals: staff read what it means. */
  IMPORT_READER_BROKEN: entry<{ format?: Format | undefined }>({
    message: (p) => `${p.format ? LABEL[p.format] : '文件'}无法解析，文件可能已损坏。`,
  }),
};
