/**
 * .docx → text lines: guard the zip, let mammoth render it as HTML (headings, paragraphs,
 * tables with merged cells), then read that HTML like a web page.
 */
import mammoth from 'mammoth';
import { ImportError } from '../errors.ts';
import { checkZip } from './zip-guard.ts';
import { htmlToLines } from './html.ts';

export async function docxToLines(buf: Buffer, file: string): Promise<string[]> {
  const zip = checkZip(buf);
  if (!zip.ok) throw new ImportError(file, zip.reason);
  if (!zip.entries.includes('word/document.xml')) throw new ImportError(file, '不是 Word 文档（缺少 word/document.xml）。若是 .doc 旧格式，请在 Word 中另存为 .docx。');
  let html: string;
  try {
    html = (await mammoth.convertToHtml({ buffer: buf }, { ignoreEmptyParagraphs: true })).value;
  } catch (err) {
    throw new ImportError(file, `Word 文档无法解析：${(err as Error).message.split('\n')[0]}`);
  }
  return htmlToLines(html);
}
