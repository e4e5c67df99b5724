/**
 * Reading a file from the content folder without trusting it: only a regular file whose real
 * path is inside the content folder (a link leading outside would publish /etc/passwd), opened
 * without blocking (a FIFO would hang the build), its kind and size checked on the opened file
 * (a link to /dev/zero would be read without end), and never more than the cap read.
 */
import { constants } from 'node:fs';
import { open, realpath } from 'node:fs/promises';
import { isAbsolute, relative, sep } from 'node:path';

/** Why a file was not read; the caller names it with a catalogued code (a report file's or an attachment's). */
export type Refusal =
  { kind: 'read'; reason: string } | { kind: 'outside'; real: string } | { kind: 'not-regular'; what: string } | { kind: 'too-large'; size: number };
export type SafeRead = { ok: true; bytes: Buffer } | { ok: false; refusal: Refusal };

const inside = (root: string, p: string) => {
  const r = relative(root, p);
  return r !== '' && r !== '..' && !r.startsWith(`..${sep}`) && !isAbsolute(r);
};

const KIND_OF = (st: { isDirectory(): boolean; isFIFO(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean; isSocket(): boolean }) =>
  st.isDirectory()
    ? '文件夹'
    : st.isFIFO()
      ? '命名管道（FIFO）'
      : st.isCharacterDevice() || st.isBlockDevice()
        ? '设备文件'
        : st.isSocket()
          ? '套接字'
          : '特殊文件';

/** Where `path` really is, or a refusal when it leads outside `root` or does not exist. */
export async function realInside(path: string, root: string | undefined): Promise<{ real: string } | { refusal: Refusal }> {
  let real: string;
  try {
    real = await realpath(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? '文件不存在（或是指向不存在文件的链接）'
        : code === 'EACCES' || code === 'EPERM'
          ? '没有读取权限'
          : code === 'ELOOP'
            ? '链接循环指向自身'
            : String(code);
    return { refusal: { kind: 'read', reason: why } };
  }
  if (root && !inside(await realpath(root).catch(() => root), real)) return { refusal: { kind: 'outside', real } };
  return { real };
}

/**
 * Reads at most `max` bytes of a regular file inside `root`; refuses anything else by name of
 * its kind; a file over the cap is refused as too large.
 */
export async function readBounded(
  path: string,
  opts: { root?: string | undefined; max: number; readContent?: boolean },
): Promise<SafeRead & { size?: number }> {
  const where = await realInside(path, opts.root);
  if ('refusal' in where) return { ok: false, refusal: where.refusal };
  let fh;
  try {
    fh = await open(where.real, constants.O_RDONLY | constants.O_NONBLOCK | (constants.O_NOCTTY ?? 0));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return { ok: false, refusal: { kind: 'read', reason: code === 'EACCES' || code === 'EPERM' ? '没有读取权限' : String(code) } };
  }
  try {
    const st = await fh.stat();
    if (!st.isFile()) return { ok: false, refusal: { kind: 'not-regular', what: KIND_OF(st) } };
    if (st.size > opts.max) return { ok: false, refusal: { kind: 'too-large', size: st.size } };
    if (opts.readContent === false) return { ok: true, bytes: Buffer.alloc(0), size: st.size };
    // Read into a buffer of the stated size plus room to see the end, growing it if the file grew
    // after fstat (or lies about its size), and stop past the cap.
    let buf = Buffer.allocUnsafe(Math.min(st.size + 4096, opts.max + 1));
    let got = 0;
    for (;;) {
      if (got === buf.length) buf = Buffer.concat([buf], Math.min(buf.length * 2, opts.max + 1));
      const { bytesRead } = await fh.read(buf, got, buf.length - got, null);
      if (bytesRead === 0) break;
      got += bytesRead;
      if (got > opts.max) return { ok: false, refusal: { kind: 'too-large', size: got } };
    }
    return { ok: true, bytes: buf.subarray(0, got), size: got };
  } finally {
    await fh.close();
  }
}
