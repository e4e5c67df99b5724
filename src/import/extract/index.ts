/**
 * Any supported file → text lines, chosen by extension (spreadsheets: .xlsx, .xls). Refuses files past the size cap and
 * formats it does not know, with a message that names the file. The parsing itself happens in a
 * child process with a memory cap (isolated.ts, read.ts).
 */
import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import { extname } from 'node:path';
import { ImportError } from '../errors.ts';
import { MAX_INPUT_BYTES } from '../limits.ts';
import type { Read } from './read.ts';

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
  /** 待核对 lines about the reading itself (a PDF cut at its page limit). */
  notes: string[];
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
    // Opened first and judged by what was opened (non-blocking: a FIFO put in its place does not hang the import).
    const handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
    try {
      const info = await handle.stat();
      if (!info.isFile()) throw new ImportError(display, '不是文件。');
      if (info.size > MAX_INPUT_BYTES)
        throw new ImportError(display, `文件有 ${(info.size / 1048576).toFixed(1)} MB，超过导入上限 ${MAX_INPUT_BYTES / 1048576} MB。`);
      buf = await handle.readFile();
    } finally {
      await handle.close();
    }
  } catch (err) {
    if (err instanceof ImportError) throw err;
    throw new ImportError(display, readFailure((err as NodeJS.ErrnoException).code));
  }
  if (buf.length === 0) throw new ImportError(display, '文件是空的。');
  return { format, ...(await readBuffer(buf, format, display)) };
}

/** Why a file could not be read, in words staff know (never the system's code, `ENXIO`). */
export function readFailure(code: string | undefined): string {
  switch (code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return '文件不存在。';
    case 'EACCES':
    case 'EPERM':
      return '没有读取权限。';
    case 'EISDIR':
      return '这是一个文件夹，不是文件。';
    case 'ELOOP':
      return '文件是一个循环的链接。';
    case 'ENXIO':
    case 'ENODEV':
    case 'EOPNOTSUPP':
      return '这是设备或套接字，不是普通文件。';
    case 'EIO':
      return '读取时磁盘或设备出错。';
    case 'EMFILE':
    case 'ENFILE':
    case 'ENOMEM':
      return '系统资源不足，无法读取，请稍后重试。';
    default:
      return '无法读取文件。';
  }
}

/** Bytes of a file → its text lines, read in the capped child process (isolated.ts). */
export async function extractBuffer(buf: Buffer, format: SourceFormat, display: string): Promise<string[]> {
  return (await readBuffer(buf, format, display)).lines;
}

/** The lines and the 待核对 notes of what was read (a PDF cut at its page limit). */
export async function readBuffer(buf: Buffer, format: SourceFormat, display: string): Promise<Read> {
  return (await import('./isolated.ts')).readIsolated(buf, format, display);
}
