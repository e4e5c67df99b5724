/**
 * .docx → text lines: guard the zip, let mammoth render it as HTML (headings, paragraphs,
 * tables with merged cells), then read that HTML like a web page.
 */
import mammoth from 'mammoth';
import { ImportError } from '../errors.ts';
import { say } from '../../errors/user-error.ts';
import { docxPrecheck } from './office-precheck.ts';
import { checkZip } from './zip-guard.ts';
import { htmlToLines } from './html.ts';

export async function docxToLines(buf: Buffer, file: string): Promise<string[]> {
  const zip = checkZip(buf);
  if (!zip.ok) throw new ImportError(file, zip.reason);
  if (!zip.entries.includes('word/document.xml')) throw new ImportError(file, say('IMPORT_NOT_DOCX'));
  const tooBig = zip.document && docxPrecheck(zip.document);
  if (tooBig) throw new ImportError(file, tooBig);
  let html: string;
  try {
    html = (await mammoth.convertToHtml({ buffer: buf }, { ignoreEmptyParagraphs: true })).value;
  } catch (err) {
    const first = String((err as Error)?.message ?? err).split('\n')[0]!;
    // A TypeError or RangeError is the library tripping over a damaged part: its words would mean nothing to staff.
    const why = /xmldom|parse error/i.test(first) ? 'xml' : err instanceof TypeError || err instanceof RangeError ? 'damaged' : 'unknown';
    throw new ImportError(file, say('IMPORT_DOCX_BROKEN', { why }));
  }
  const lines = htmlToLines(html);
  // The document's title property, written as a Title paragraph above the same heading (pandoc, some templates).
  return lines.length > 1 && lines[0] === lines[1] ? lines.slice(1) : lines;
}
