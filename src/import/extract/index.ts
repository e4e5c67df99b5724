/**
 * Any supported file → text lines, chosen by extension (spreadsheets: .xlsx, .xls). Refuses files past the size cap and
 * formats it does not know, with a message that names the file.
 */
import { readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { ImportError } from '../errors.ts';
import { MAX_INPUT_BYTES } from '../limits.ts';
import { decodeText, declaredCharset } from './decode.ts';
import { HtmlLimitError, htmlToLines } from './html.ts';

export type SourceFormat = 'text' | 'html' | 'docx' | 'pdf' | 'xlsx';

export const FORMATS: Record<string, SourceFormat> = {
  '.txt': 'text',
  '.md': 'text',
  '.markdown': 'text',
  '.html': 'html',
  '.htm': 'html',
  '.shtml': 'html',
  '.docx': 'docx',
  '.pdf': 'pdf',
  '.xlsx': 'xlsx',
  '.xls': 'xlsx',
};

export interface Extracted {
  format: SourceFormat;
  lines: string[];
}

export async function extractFile(path: string, display = path): Promise<Extracted> {
  const format = FORMATS[extname(path).toLowerCase()];
  if (!format) {
    const ext = extname(path).toLowerCase();
    const hint =
      ext === '.doc'
        ? '请在 Word 中另存为 .docx。'
        : ext === '.wps' || ext === '.et'
          ? '请另存为 .docx 或 .pdf。'
          : '支持 .txt、.md、.html、.docx、.pdf、.xlsx、.xls。';
    throw new ImportError(display, `不支持的文件类型${ext ? ` ${ext}` : ''}。${hint}`);
  }
  let buf: Buffer;
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new ImportError(display, '不是文件。');
    if (info.size > MAX_INPUT_BYTES)
      throw new ImportError(display, `文件有 ${(info.size / 1048576).toFixed(1)} MB，超过导入上限 ${MAX_INPUT_BYTES / 1048576} MB。`);
    buf = await readFile(path);
  } catch (err) {
    if (err instanceof ImportError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    throw new ImportError(display, code === 'ENOENT' ? '文件不存在。' : code === 'EACCES' ? '没有读取权限。' : `无法读取（${code ?? String(err)}）。`);
  }
  if (buf.length === 0) throw new ImportError(display, '文件是空的。');
  return { format, lines: await extractBuffer(buf, format, display) };
}

export async function extractBuffer(buf: Buffer, format: SourceFormat, display: string): Promise<string[]> {
  try {
    return await extractBufferUnguarded(buf, format, display);
  } catch (err) {
    if (err instanceof HtmlLimitError) throw new ImportError(display, err.message);
    throw err;
  }
}

async function extractBufferUnguarded(buf: Buffer, format: SourceFormat, display: string): Promise<string[]> {
  switch (format) {
    case 'text': {
      if (looksBinary(buf)) throw new ImportError(display, '这不是文本文件（含有二进制内容）。');
      return decodeText(buf).split(/\r\n|\r|\n/);
    }
    case 'html':
      if (looksBinary(buf)) throw new ImportError(display, '这不是网页文件（含有二进制内容）。');
      return htmlToLines(decodeText(buf, declaredCharset(buf)));
    case 'docx':
      return (await import('./docx.ts')).docxToLines(buf, display);
    case 'xlsx':
      return (await import('./xlsx.ts')).xlsxToLines(buf, display);
    case 'pdf':
      if (buf.subarray(0, 1024).indexOf('%PDF-') < 0) throw new ImportError(display, '不是有效的 PDF 文件。');
      return (await import('./pdf-isolated.ts')).pdfToLinesIsolated(buf, display);
  }
}

function looksBinary(buf: Buffer): boolean {
  const head = buf.subarray(0, 8192);
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) return false;
  return head.includes(0);
}
