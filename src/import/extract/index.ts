/**
 * Any supported file → text lines, chosen by extension (spreadsheets: .xlsx, .xls). Refuses files past the size cap and
 * formats it does not know, with a message that names the file. The parsing itself happens in a
 * child process with a memory cap (isolated.ts, read.ts).
 */
import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import { extname } from 'node:path';
import { ImportError } from '../errors.ts';
import { say } from '../../errors/user-error.ts';
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
    throw new ImportError(display, say('IMPORT_UNSUPPORTED_TYPE', { ext: extname(path).toLowerCase() }));
  }
  let buf: Buffer;
  try {
    // Opened first and judged by what was opened (non-blocking: a FIFO put in its place does not hang the import).
    const handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
    try {
      const info = await handle.stat();
      if (!info.isFile()) throw new ImportError(display, say('IMPORT_NOT_A_FILE'));
      if (info.size > MAX_INPUT_BYTES) throw new ImportError(display, say('IMPORT_FILE_TOO_BIG', { bytes: info.size, max: MAX_INPUT_BYTES }));
      buf = await handle.readFile();
    } finally {
      await handle.close();
    }
  } catch (err) {
    if (err instanceof ImportError) throw err;
    throw new ImportError(display, say('IMPORT_READ_FAILED', { code: (err as NodeJS.ErrnoException).code }));
  }
  if (buf.length === 0) throw new ImportError(display, say('IMPORT_FILE_EMPTY'));
  return { format, ...(await readBuffer(buf, format, display)) };
}

/** Bytes of a file → its text lines, read in the capped child process (isolated.ts). */
export async function extractBuffer(buf: Buffer, format: SourceFormat, display: string): Promise<string[]> {
  return (await readBuffer(buf, format, display)).lines;
}

/** The lines and the 待核对 notes of what was read (a PDF cut at its page limit). */
export async function readBuffer(buf: Buffer, format: SourceFormat, display: string): Promise<Read> {
  return (await import('./isolated.ts')).readIsolated(buf, format, display);
}
