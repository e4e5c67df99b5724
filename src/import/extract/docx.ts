/**
 * .docx → text lines: guard the zip, let mammoth render it as HTML (headings, paragraphs,
 * tables with merged cells), then read that HTML like a web page.
 */
import mammoth from 'mammoth';
import { ImportError } from '../errors.ts';
import { MAX_DOCX_CELLS, MAX_DOCX_ROWS } from '../limits.ts';
import { checkZip } from './zip-guard.ts';
import { htmlToLines } from './html.ts';

export async function docxToLines(buf: Buffer, file: string): Promise<string[]> {
  const zip = checkZip(buf);
  if (!zip.ok) throw new ImportError(file, zip.reason);
  if (!zip.entries.includes('word/document.xml'))
    throw new ImportError(file, '不是 Word 文档（缺少 word/document.xml）。若是 .doc 旧格式，请在 Word 中另存为 .docx。');
  const tooBig = zip.document && tableLimit(zip.document);
  if (tooBig) throw new ImportError(file, tooBig);
  let html: string;
  try {
    html = (await mammoth.convertToHtml({ buffer: buf }, { ignoreEmptyParagraphs: true })).value;
  } catch (err) {
    const first = String((err as Error)?.message ?? err).split('\n')[0]!;
    throw new ImportError(
      file,
      /xmldom|parse error/i.test(first)
        ? 'Word 文档内容损坏（XML 格式错误），无法解析。请在 Word 中打开后另存为 .docx 再导入。'
        : // A TypeError or RangeError is the library tripping over a damaged part: its words would mean nothing to staff.
          err instanceof TypeError || err instanceof RangeError
          ? 'Word 文档内容损坏，无法解析。请在 Word 中打开后另存为 .docx 再导入。'
          : `Word 文档无法解析：${first.replace(/\s+/g, ' ').slice(0, 200)}`,
    );
  }
  const lines = htmlToLines(html);
  // The document's title property, written as a Title paragraph above the same heading (pandoc, some templates).
  return lines.length > 1 && lines[0] === lines[1] ? lines.slice(1) : lines;
}

/**
 * Table rows and cells counted in word/document.xml before mammoth builds its tree (a 40 KB
 * .docx with a 30,000-row table took 1.1 GB there).
 */
function tableLimit(xml: Buffer): string | undefined {
  const count = (tag: string, max: number) => {
    let n = 0;
    for (let i = xml.indexOf(tag); i >= 0 && n <= max; i = xml.indexOf(tag, i + tag.length)) n++;
    return n;
  };
  if (count('<w:tr>', MAX_DOCX_ROWS) + count('<w:tr ', MAX_DOCX_ROWS) > MAX_DOCX_ROWS)
    return `Word 文档中的表格共有超过 ${MAX_DOCX_ROWS.toLocaleString('en-US')} 行，超过导入上限。请确认选对了文件，或把大表格另存为 Excel 后手工录入。`;
  if (count('<w:tc>', MAX_DOCX_CELLS) + count('<w:tc ', MAX_DOCX_CELLS) > MAX_DOCX_CELLS)
    return `Word 文档中的表格共有超过 ${MAX_DOCX_CELLS.toLocaleString('en-US')} 个单元格，超过导入上限。请确认选对了文件。`;
  return undefined;
}
