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
import type { OfficeLimit } from '../../errors/import-messages.ts';
import { say, type Said } from '../../errors/user-error.ts';
import { countXml, SHEET_NS, WORD_NS, type XmlLimit } from './xml-count.ts';

const limit = (l: OfficeLimit, max: number) => say('IMPORT_OFFICE_LIMIT', { limit: l, max });

const DOCX_LIMITS: XmlLimit[] = [
  { ns: WORD_NS, name: 'tr', max: MAX_DOCX_ROWS, said: limit('docx-rows', MAX_DOCX_ROWS) },
  { ns: WORD_NS, name: 'tc', max: MAX_DOCX_CELLS, said: limit('docx-cells', MAX_DOCX_CELLS) },
  { ns: WORD_NS, name: 'p', max: MAX_DOCX_PARAGRAPHS, said: limit('docx-paragraphs', MAX_DOCX_PARAGRAPHS) },
  { ns: [], name: '*', max: MAX_DOCX_ELEMENTS, said: limit('docx-elements', MAX_DOCX_ELEMENTS) },
];

/** The message for a word/document.xml past a limit, or undefined. */
export function docxPrecheck(documentXml: Uint8Array): Said | undefined {
  return countXml(documentXml, DOCX_LIMITS, MAX_DOCX_TEXT_CHARS, limit('docx-text', MAX_DOCX_TEXT_CHARS)).passed?.said;
}

/** The parts of an .xlsx the pre-check reads: every XML part of the workbook. */
export const xlsxPart = (name: string) => /^xl\/.+\.xml$/i.test(name);

/** The message for an .xlsx past a limit (counted over all its XML parts together), or undefined. */
export function xlsxPrecheck(parts: ReadonlyMap<string, Uint8Array>): Said | undefined {
  const limits: XmlLimit[] = [
    { ns: SHEET_NS, name: 'si', max: MAX_SHARED_STRINGS, said: limit('xlsx-strings', MAX_SHARED_STRINGS) },
    { ns: SHEET_NS, name: 'c', max: MAX_XLSX_CELLS, said: limit('xlsx-cells', MAX_XLSX_CELLS) },
    { ns: [], name: '*', max: MAX_XLSX_ELEMENTS, said: limit('xlsx-elements', MAX_XLSX_ELEMENTS) },
  ];
  const text = limit('xlsx-text', MAX_XLSX_TEXT_CHARS);
  // The limits hold for the workbook as a whole: each part counts on from where the last stopped.
  const used = new Map<XmlLimit, number>(limits.map((l) => [l, 0]));
  let chars = 0;
  for (const [, xml] of parts) {
    const left = limits.map((l) => ({ ...l, max: l.max - used.get(l)! }));
    const r = countXml(xml, left, MAX_XLSX_TEXT_CHARS - chars, text);
    if (r.passed) return r.passed.said;
    left.forEach((l, i) => used.set(limits[i]!, used.get(limits[i]!)! + r.counts.get(l)!));
    chars += r.textChars;
  }
  return undefined;
}
