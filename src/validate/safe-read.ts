/**
 * The one way a content file (a report, an attachment) or a built file is read: checked where it
 * leads at the moment of reading, not before. The path is resolved, must lead inside the folder
 * it belongs to (a link leading outside would publish /etc/passwd), and is opened without
 * following a link in its last component (O_NOFOLLOW); then the opened descriptor itself is
 * checked — its real path (/proc/self/fd) still inside the folder, so a parent folder swapped
 * for a link after the check is caught, and its kind and size from fstat (a FIFO would hang the
 * build, a link to /dev/zero would be read without end) — and the bytes come from that same
 * descriptor, never more than the cap. Opened without blocking, so a FIFO cannot hang either way.
 * The system calls are synchronous: a report file is a few kilobytes, and each call cost more
 * through the thread pool than the read itself. An attachment of tens of MB holds the thread
 * only briefly.
 */
import { closeSync, constants, fstatSync, openSync, readlinkSync, readSync, realpathSync, type Stats } from 'node:fs';
import { isAbsolute, relative, sep } from 'node:path';

/** Why a file was not read; the caller names it with a catalogued code (a report file's or an attachment's). */
export type Refusal =
  { kind: 'read'; reason: string } | { kind: 'outside'; real: string } | { kind: 'not-regular'; what: string } | { kind: 'too-large'; size: number };
export type SafeRead = { ok: true; bytes: Buffer } | { ok: false; refusal: Refusal };
/** An open regular file: read it from `fd` and close it (closeSync) when done. */
export type Opened = { ok: true; fd: number; stat: Stats; real: string } | { ok: false; refusal: Refusal };

export interface OpenOptions {
  /** The folder the file must be inside (the content folder, dist/); none: anywhere, but still no final link. */
  root?: string | undefined;
  /** Refuse a file over this many bytes (checked on the opened file). */
  max?: number | undefined;
  /** For tests: runs between the check of the path and the open, where a race would swap the file. */
  beforeOpen?: ((real: string) => void) | undefined;
}

const inside = (root: string, p: string) => {
  const r = relative(root, p);
  return r !== '' && r !== '..' && !r.startsWith(`..${sep}`) && !isAbsolute(r);
};

const KIND_OF = (st: Stats) =>
  st.isDirectory()
    ? '文件夹'
    : st.isFIFO()
      ? '命名管道（FIFO）'
      : st.isCharacterDevice() || st.isBlockDevice()
        ? '设备文件'
        : st.isSocket()
          ? '套接字'
          : '特殊文件';

const realRoot = (root: string) => {
  try {
    return realpathSync.native(root);
  } catch {
    return root;
  }
};

/** The reason given for a file that is not there (jixiao preview answers it with 404). */
export const NOT_FOUND = '文件不存在（或是指向不存在文件的链接）';

const reasonOf = (err: unknown) => {
  const code = (err as NodeJS.ErrnoException).code;
  return code === 'ENOENT'
    ? NOT_FOUND
    : code === 'EACCES' || code === 'EPERM'
      ? '没有读取权限'
      : code === 'ELOOP'
        ? '链接循环指向自身'
        : code === 'EIO'
          ? '读取时发生输入输出错误（EIO）'
          : code === 'ENOTDIR'
            ? '路径中有一段不是文件夹'
            : `系统拒绝读取（${String(code ?? err)}）`;
};

/** Where an open descriptor really is (Linux: /proc/self/fd); undefined where the system does not say. */
function whereOpened(fd: number): string | undefined {
  try {
    return readlinkSync(`/proc/self/fd/${fd}`);
  } catch {
    return undefined;
  }
}

/** Where `path` really is, or a refusal when it leads outside `root` or does not exist. */
export function realInside(path: string, root: string | undefined): { real: string } | { refusal: Refusal } {
  let real: string;
  try {
    real = realpathSync.native(path);
  } catch (err) {
    return { refusal: { kind: 'read', reason: reasonOf(err) } };
  }
  if (root && !inside(realRoot(root), real)) return { refusal: { kind: 'outside', real } };
  return { real };
}

/**
 * Opens a regular file inside `root` for reading, checked on the opened descriptor. A file
 * swapped for a link between the check and the open is looked at once more, then refused.
 */
export function openInside(path: string, opts: OpenOptions = {}, attempt = 0): Opened {
  const where = realInside(path, opts.root);
  if ('refusal' in where) return { ok: false, refusal: where.refusal };
  opts.beforeOpen?.(where.real);
  let fd: number;
  try {
    fd = openSync(where.real, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOFOLLOW | (constants.O_NOCTTY ?? 0));
  } catch (err) {
    // ELOOP: the last component became a link after it was resolved; resolve it again (and refuse it if it leads outside).
    if ((err as NodeJS.ErrnoException).code === 'ELOOP' && attempt === 0) return openInside(path, { ...opts, beforeOpen: undefined }, 1);
    return { ok: false, refusal: { kind: 'read', reason: reasonOf(err) } };
  }
  const refuse = (refusal: Refusal): Opened => {
    closeSync(fd);
    return { ok: false, refusal };
  };
  const opened = whereOpened(fd) ?? where.real;
  if (opts.root && !inside(realRoot(opts.root), opened)) return refuse({ kind: 'outside', real: opened });
  let st: Stats;
  try {
    st = fstatSync(fd);
  } catch (err) {
    return refuse({ kind: 'read', reason: reasonOf(err) });
  }
  if (!st.isFile()) return refuse({ kind: 'not-regular', what: KIND_OF(st) });
  if (opts.max !== undefined && st.size > opts.max) return refuse({ kind: 'too-large', size: st.size });
  return { ok: true, fd, stat: st, real: opened };
}

/**
 * Reads at most `max` bytes of a regular file inside `root`; refuses anything else by name of
 * its kind; a file over the cap is refused as too large.
 */
export async function readBounded(
  path: string,
  opts: { root?: string | undefined; max: number; readContent?: boolean; beforeOpen?: OpenOptions['beforeOpen'] },
): Promise<SafeRead & { size?: number }> {
  return readBoundedSync(path, opts);
}

/** readBounded for callers that cannot wait (a report's line lookup). */
export function readBoundedSync(
  path: string,
  opts: { root?: string | undefined; max: number; readContent?: boolean; beforeOpen?: OpenOptions['beforeOpen'] },
): SafeRead & { size?: number } {
  const open = openInside(path, opts);
  if (!open.ok) return open;
  const { fd, stat: st } = open;
  try {
    if (opts.readContent === false) return { ok: true, bytes: Buffer.alloc(0), size: st.size };
    // Read into a buffer of the stated size plus room to see the end, growing it if the file grew
    // after fstat (or lies about its size), and stop past the cap.
    let buf = Buffer.allocUnsafe(Math.min(st.size + 4096, opts.max + 1));
    let got = 0;
    for (;;) {
      if (got === buf.length) buf = Buffer.concat([buf], Math.min(buf.length * 2, opts.max + 1));
      const bytesRead = readSync(fd, buf, got, buf.length - got, null);
      if (bytesRead === 0) break;
      got += bytesRead;
      if (got > opts.max) return { ok: false, refusal: { kind: 'too-large', size: got } };
    }
    return { ok: true, bytes: buf.subarray(0, got), size: got };
  } catch (err) {
    return { ok: false, refusal: { kind: 'read', reason: reasonOf(err) } };
  } finally {
    closeSync(fd);
  }
}
