/**
 * One file's bytes → text lines, by format: what the importer's reading process (worker.mjs)
 * runs, so that a parser's memory is that process's, capped, never `jixiao import`'s own. The
 * notes are 待核对 lines about what was read (a PDF cut at its page limit).
 */
import { ImportError } from '../errors.ts';
import { say } from '../../errors/user-error.ts';
import { decodeText, declaredCharset } from './decode.ts';
import { HtmlLimitError, htmlToLines } from './html.ts';
import type { SourceFormat } from './index.ts';
import { pdfPrecheck } from './pdf-precheck.ts';

export interface Read {
  lines: string[];
  notes: string[];
}

export async function readInProcess(buf: Buffer, format: SourceFormat, display: string): Promise<Read> {
  const notes: string[] = [];
  try {
    return { lines: await linesOf(buf, format, display, notes), notes };
  } catch (err) {
    if (err instanceof HtmlLimitError) throw new ImportError(display, err.said);
    throw err;
  }
}

async function linesOf(buf: Buffer, format: SourceFormat, display: string, notes: string[]): Promise<string[]> {
  switch (format) {
    case 'text': {
      if (looksBinary(buf)) throw new ImportError(display, say('IMPORT_BINARY', { format: 'text' }));
      return decodeText(buf).split(/\r\n|\r|\n/);
    }
    case 'html':
      if (looksBinary(buf)) throw new ImportError(display, say('IMPORT_BINARY', { format: 'html' }));
      return htmlToLines(decodeText(buf, declaredCharset(buf)));
    case 'docx':
      return (await import('./docx.ts')).docxToLines(buf, display);
    case 'xlsx':
      return (await import('./xlsx.ts')).xlsxToLines(buf, display);
    case 'pdf':
      if (buf.subarray(0, 1024).indexOf('%PDF-') < 0) throw new ImportError(display, say('IMPORT_NOT_PDF'));
      {
        const tooBig = pdfPrecheck(buf);
        if (tooBig) throw new ImportError(display, tooBig);
      }
      return (await import('./pdf.ts')).pdfToLines(buf, display, notes);
  }
}

function looksBinary(buf: Buffer): boolean {
  const head = buf.subarray(0, 8192);
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) return false;
  return head.includes(0);
}
