/**
 * A .docx or .xlsx is a zip. Before mammoth or SheetJS inflates it, read the central directory
 * ourselves and refuse a zip bomb: too many entries, a declared inflated size past the cap, or
 * entries that inflate to more than they declare (each is inflated with a hard output limit).
 * The parts a pre-check reads (office-precheck.ts) are kept, inflated. Messages name the kind
 * of file the user gave (`label`), not always “.docx”.
 */
import { inflateRawSync } from 'node:zlib';
import type { ZipProblem } from '../../errors/import-messages.ts';
import { say, type Said } from '../../errors/user-error.ts';
import { MAX_DOCX_ENTRIES, MAX_DOCX_INFLATED_BYTES } from '../limits.ts';

export type ZipVerdict = { ok: true; entries: string[]; document?: Buffer; parts: Map<string, Buffer> } | { ok: false; reason: Said };

export interface ZipLimits {
  entries: number;
  inflated: number;
  /** How the file is named in messages: '.docx' (the default) or '.xlsx'. */
  label?: string;
  /** Entries to keep, inflated, in `parts` (word/document.xml is always kept as `document`). */
  keep?: (name: string) => boolean;
}

export function checkZip(buf: Buffer, opts: Partial<ZipLimits> = {}): ZipVerdict {
  const limits = { entries: MAX_DOCX_ENTRIES, inflated: MAX_DOCX_INFLATED_BYTES, ...opts };
  const L = limits.label ?? '.docx';
  const parts = new Map<string, Buffer>();
  const refuse = (p: ZipProblem) => ({ ok: false as const, reason: say('IMPORT_ZIP_REFUSED', { label: L, ...p }) });
  const eocd = findEocd(buf);
  if (eocd < 0) return refuse({ problem: 'no-directory' });
  const count = buf.readUInt16LE(eocd + 10);
  const cdSize = buf.readUInt32LE(eocd + 12);
  const cdOffset = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || cdOffset === 0xffffffff) return refuse({ problem: 'zip64' });
  if (count > limits.entries) return refuse({ problem: 'entries', count, max: limits.entries });
  if (cdOffset + cdSize > buf.length) return refuse({ problem: 'bounds' });

  const names: string[] = [];
  let document: Buffer | undefined;
  let declared = 0;
  let actual = 0;
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) return refuse({ problem: 'entry' });
    const method = buf.readUInt16LE(p + 10);
    const compSize = buf.readUInt32LE(p + 20);
    const size = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    names.push(buf.toString('utf8', p + 46, p + 46 + nameLen));
    p += 46 + nameLen + extraLen + commentLen;
    declared += size;
    if (declared > limits.inflated) return refuse({ problem: 'inflated', max: limits.inflated });
    if (local + 30 > buf.length || buf.readUInt32LE(local) !== 0x04034b50) return refuse({ problem: 'header' });
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    if (start + compSize > buf.length) return refuse({ problem: 'truncated' });
    const name = names.at(-1)!;
    const isDocument = name === 'word/document.xml';
    const keep = isDocument || limits.keep?.(name);
    let out: Buffer;
    if (method === 0) {
      out = buf.subarray(start, start + compSize);
    } else if (method === 8) {
      try {
        out = inflateRawSync(buf.subarray(start, start + compSize), { maxOutputLength: Math.max(1, limits.inflated - actual) });
      } catch {
        return refuse({ problem: 'inflate', name });
      }
    } else return refuse({ problem: 'method', method });
    actual += out.length;
    if (isDocument) document = out;
    if (keep) parts.set(name, out);
    if (actual > limits.inflated) return refuse({ problem: 'inflated', max: limits.inflated });
  }
  return { ok: true, entries: names, document, parts };
}

function findEocd(buf: Buffer): number {
  const stop = Math.max(0, buf.length - 22 - 0xffff);
  for (let i = buf.length - 22; i >= stop; i--) if (buf.readUInt32LE(i) === 0x06054b50) return i;
  return -1;
}
