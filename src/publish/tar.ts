/**
 * A POSIX ustar writer (with pax headers for long paths), just what a deterministic package
 * needs: entries in the order given, fixed mtime, uid/gid 0, no user names, no device fields.
 * Hand-written (~60 lines) rather than a dependency: the format is small and fixed.
 */
import type { ArchiveEntry } from './archive-entries.ts';

const BLOCK = 512;

function header(name: string | Buffer, prefix: string, size: number, mode: number, mtime: number, type: string): Buffer {
  const h = Buffer.alloc(BLOCK);
  const put = (text: string | Buffer, offset: number, length: number) => Buffer.from(text).copy(h, offset, 0, length);
  const octal = (n: number, length: number) => `${n.toString(8).padStart(length - 1, '0')}\0`;
  put(name, 0, 100);
  put(octal(mode, 8), 100, 8);
  put(octal(0, 8), 108, 8);
  put(octal(0, 8), 116, 8);
  put(octal(size, 12), 124, 12);
  put(octal(mtime, 12), 136, 12);
  put('        ', 148, 8);
  put(type, 156, 1);
  put('ustar\0', 257, 6);
  put('00', 263, 2);
  put(prefix, 345, 155);
  let sum = 0;
  for (const byte of h) sum += byte;
  put(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 8);
  return h;
}

const pad = (size: number) => Buffer.alloc((BLOCK - (size % BLOCK)) % BLOCK);

/** Splits a path into ustar's prefix (≤155 bytes) and name (≤100 bytes) at a slash, if possible. */
function split(path: string): [string, string] | undefined {
  if (Buffer.byteLength(path) <= 100) return ['', path];
  for (let i = path.indexOf('/'); i !== -1; i = path.indexOf('/', i + 1)) {
    const prefix = path.slice(0, i);
    const name = path.slice(i + 1);
    if (Buffer.byteLength(prefix) <= 155 && Buffer.byteLength(name) <= 100 && name) return [prefix, name];
  }
  return undefined;
}

function paxRecord(key: string, value: string): string {
  const body = ` ${key}=${value}\n`;
  let length = Buffer.byteLength(body) + 1;
  while (String(length).length + Buffer.byteLength(body) !== length) length = String(length).length + Buffer.byteLength(body);
  return `${length}${body}`;
}

/** The archive as a sequence of chunks: headers, file bodies, padding, two zero blocks. */
export function* tarChunks(entries: Iterable<ArchiveEntry>, mtime: number): Generator<Buffer> {
  for (const e of entries) {
    const path = e.type === 'dir' ? `${e.path}/` : e.path;
    const data = e.type === 'file' ? e.read() : Buffer.alloc(0);
    let parts: [string, string | Buffer] | undefined = split(path);
    if (!parts) {
      const pax = Buffer.from(paxRecord('path', path));
      yield header('PaxHeader', '', pax.length, 0o644, mtime, 'x');
      yield pax;
      yield pad(pax.length);
      parts = ['', Buffer.from(path).subarray(0, 100)]; // readers use the pax path
    }
    yield header(parts[1], parts[0], data.length, e.type === 'dir' ? 0o755 : 0o644, mtime, e.type === 'dir' ? '5' : '0');
    if (data.length) {
      yield data;
      yield pad(data.length);
    }
  }
  yield Buffer.alloc(BLOCK * 2);
}
