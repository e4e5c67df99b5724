/**
 * .docx → text lines: guard the zip, let mammoth render it as HTML (headings, paragraphs,
 * tables with merged cells), then read that HTML like a web page.
 */
import mammoth from 'mammoth';
import { ImportError } from '../errors.ts';
import { docxPrecheck } from './office-precheck.ts';
import { checkZip } from './zip-guard.ts';
import { htmlToLines } from './html.ts';

export async function docxToLines(buf: Buffer, file: string): Promise<string[]> {
  const zip = checkZip(buf);
  if (!zip.ok) throw new ImportError(file, zip.reason);
  if (!zip.entries.includes('word/document.xml'))
    throw new ImportError(file, '不是 Word 文档（缺少 word/document.xml）。若是 .doc 旧格式，请在 Word 中另存为 .docx。');
  const tooBig = zip.document && docxPrecheck(zip.document);
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
          : 'Word 文档无法解析，文件可能已损坏。请在 Word 中打开后另存为 .docx 再导入。',
    );
  }
  const lines = htmlToLines(html);
  // The document's title property, written as a Title paragraph above the same heading (pandoc, some templates).
  return lines.length > 1 && lines[0] === lines[1] ? lines.slice(1) : lines;
}
