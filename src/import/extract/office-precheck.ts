/**
 * The streaming pre-check of a .docx or .xlsx, run before mammoth or SheetJS sees the file:
 * table rows and cells, paragraphs, shared strings, all elements and the text, counted by a real
 * XML tokenizer by namespace (xml-count.ts). A file past a limit is refused with the limit
 * named; nothing past it is parsed.
 */
import {
  MAX_DOCX_CELLS,
  MAX_DOCX_ELEMENTS,
  MAX_DOCX_PARAGRAPHS,
  MAX_DOCX_ROWS,
  MAX_DOCX_TEXT_CHARS,
  MAX_SHARED_STRINGS,
  MAX_XLSX_CELLS,
  MAX_XLSX_ELEMENTS,
  MAX_XLSX_TEXT_CHARS,
} from '../limits.ts';
import { countXml, SHEET_NS, WORD_NS, type XmlLimit } from './xml-count.ts';

const n = (v: number) => v.toLocaleString('en-US');
const CHECK = '请确认选对了文件，或把大表格另存为 Excel 后手工录入。';

const DOCX_LIMITS: XmlLimit[] = [
  { ns: WORD_NS, name: 'tr', max: MAX_DOCX_ROWS, message: `Word 文档中的表格共有超过 ${n(MAX_DOCX_ROWS)} 行，超过导入上限。${CHECK}` },
  { ns: WORD_NS, name: 'tc', max: MAX_DOCX_CELLS, message: `Word 文档中的表格共有超过 ${n(MAX_DOCX_CELLS)} 个单元格，超过导入上限。请确认选对了文件。` },
  {
    ns: WORD_NS,
    name: 'p',
    max: MAX_DOCX_PARAGRAPHS,
    message: `Word 文档共有超过 ${n(MAX_DOCX_PARAGRAPHS)} 个段落，超过导入上限，不像是一份报告。请确认选对了文件。`,
  },
  {
    ns: [],
    name: '*',
    max: MAX_DOCX_ELEMENTS,
    message: `Word 文档的内容超过 ${n(MAX_DOCX_ELEMENTS)} 个 XML 元素，超过导入上限，不像是一份报告。请确认选对了文件。`,
  },
];

/** The message for a word/document.xml past a limit, or undefined. */
export function docxPrecheck(documentXml: Uint8Array): string | undefined {
  return countXml(
    documentXml,
    DOCX_LIMITS,
    MAX_DOCX_TEXT_CHARS,
    `Word 文档的文字超过 ${n(MAX_DOCX_TEXT_CHARS)} 个字符，超过导入上限，不像是一份报告。请确认选对了文件。`,
  ).passed?.message;
}

/** The parts of an .xlsx the pre-check reads: every XML part of the workbook. */
export const xlsxPart = (name: string) => /^xl\/.+\.xml$/i.test(name);

/** The message for an .xlsx past a limit (counted over all its XML parts together), or undefined. */
export function xlsxPrecheck(parts: ReadonlyMap<string, Uint8Array>): string | undefined {
  const limits: XmlLimit[] = [
    { ns: SHEET_NS, name: 'si', max: MAX_SHARED_STRINGS, message: `工作簿共有超过 ${n(MAX_SHARED_STRINGS)} 个共享字符串，超过导入上限。请确认选对了文件。` },
    { ns: SHEET_NS, name: 'c', max: MAX_XLSX_CELLS, message: `工作簿共有超过 ${n(MAX_XLSX_CELLS)} 个单元格，超过导入上限。请确认选对了文件。` },
    { ns: [], name: '*', max: MAX_XLSX_ELEMENTS, message: `工作簿的内容超过 ${n(MAX_XLSX_ELEMENTS)} 个 XML 元素，超过导入上限。请确认选对了文件。` },
  ];
  const text = `工作簿的文字超过 ${n(MAX_XLSX_TEXT_CHARS)} 个字符，超过导入上限。请确认选对了文件。`;
  // The limits hold for the workbook as a whole: each part counts on from where the last stopped.
  const used = new Map<XmlLimit, number>(limits.map((l) => [l, 0]));
  let chars = 0;
  for (const [, xml] of parts) {
    const left = limits.map((l) => ({ ...l, max: l.max - used.get(l)! }));
    const r = countXml(xml, left, MAX_XLSX_TEXT_CHARS - chars, text);
    if (r.passed) return r.passed.message;
    left.forEach((l, i) => used.set(limits[i]!, used.get(limits[i]!)! + r.counts.get(l)!));
    chars += r.textChars;
  }
  return undefined;
}
