/**
 * A .docx is a zip. Before mammoth inflates it, read the central directory ourselves and
 * refuse a zip bomb: too many entries, a declared inflated size past the cap, or entries
 * that inflate to more than they declare (each is inflated with a hard output limit).
 */
import { inflateRawSync } from 'node:zlib';
import { MAX_DOCX_ENTRIES, MAX_DOCX_INFLATED_BYTES } from '../limits.ts';

export type ZipVerdict = { ok: true; entries: string[]; document?: Buffer } | { ok: false; reason: string };

export function checkZip(buf: Buffer, limits = { entries: MAX_DOCX_ENTRIES, inflated: MAX_DOCX_INFLATED_BYTES }): ZipVerdict {
  const eocd = findEocd(buf);
  if (eocd < 0) return { ok: false, reason: '不是有效的 .docx 文件（找不到 zip 目录）。' };
  const count = buf.readUInt16LE(eocd + 10);
  const cdSize = buf.readUInt32LE(eocd + 12);
  const cdOffset = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || cdOffset === 0xffffffff) return { ok: false, reason: '.docx 使用了 zip64 格式，Word 文件不会这样保存。' };
  if (count > limits.entries) return { ok: false, reason: `.docx 内含 ${count} 个文件，超过上限 ${limits.entries}。` };
  if (cdOffset + cdSize > buf.length) return { ok: false, reason: '.docx 文件不完整（zip 目录越界）。' };

  const names: string[] = [];
  let document: Buffer | undefined;
  let declared = 0;
  let actual = 0;
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) return { ok: false, reason: '.docx 文件损坏（zip 目录项无效）。' };
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
    if (declared > limits.inflated) return { ok: false, reason: `.docx 解压后超过 ${limits.inflated / 1048576} MB 上限。` };
    if (local + 30 > buf.length || buf.readUInt32LE(local) !== 0x04034b50) return { ok: false, reason: '.docx 文件损坏（zip 文件头无效）。' };
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    if (start + compSize > buf.length) return { ok: false, reason: '.docx 文件不完整（被截断）。' };
    const keep = names.at(-1) === 'word/document.xml';
    if (method === 0) {
      actual += compSize;
      if (keep) document = buf.subarray(start, start + compSize);
    } else if (method === 8) {
      try {
        const out = inflateRawSync(buf.subarray(start, start + compSize), { maxOutputLength: Math.max(1, limits.inflated - actual) });
        actual += out.length;
        if (keep) document = out;
      } catch {
        return { ok: false, reason: `.docx 中的 ${names.at(-1)} 无法解压或解压后超过上限。` };
      }
    } else return { ok: false, reason: `.docx 使用了不支持的压缩方式（${method}）。` };
    if (actual > limits.inflated) return { ok: false, reason: `.docx 解压后超过 ${limits.inflated / 1048576} MB 上限。` };
  }
  return { ok: true, entries: names, document };
}

function findEocd(buf: Buffer): number {
  const stop = Math.max(0, buf.length - 22 - 0xffff);
  for (let i = buf.length - 22; i >= stop; i--) if (buf.readUInt32LE(i) === 0x06054b50) return i;
  return -1;
}
