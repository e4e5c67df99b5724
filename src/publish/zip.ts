/**
 * A ZIP writer (PKWARE APPNOTE, no zip64) for deterministic packages: entries in the order
 * given, one fixed DOS timestamp, UTF-8 names flagged, Unix permissions, no extra fields.
 * Deflate comes from Node's zlib and the CRC-32 from zlib.crc32, so no dependency is needed.
 */
import { crc32, deflateRawSync } from 'node:zlib';
import { PackageError, type ArchiveEntry } from './archive-entries.ts';

const UTF8 = 0x0800;
const LIMIT = 0xffffffff;

/** DOS date and time have no time zone: write China time, so the date reads as the content's date. */
function dosDateTime(mtime: number): [number, number] {
  const d = new Date((mtime + 8 * 3600) * 1000);
  const time = (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | Math.floor(d.getUTCSeconds() / 2);
  const date = ((Math.max(1980, d.getUTCFullYear()) - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate();
  return [time, date];
}

/** The archive as a sequence of chunks: local headers with data, then the central directory. */
export function* zipChunks(entries: Iterable<ArchiveEntry>, mtime: number): Generator<Buffer> {
  const [time, date] = dosDateTime(mtime);
  const central: Buffer[] = [];
  let offset = 0;
  let count = 0;
  for (const e of entries) {
    const name = Buffer.from(e.type === 'dir' ? `${e.path}/` : e.path);
    const raw = e.type === 'file' ? e.read() : Buffer.alloc(0);
    const deflated = raw.length ? deflateRawSync(raw, { level: 9 }) : raw;
    const [method, body] = deflated.length < raw.length ? [8, deflated] : [0, raw];
    const crc = crc32(raw);
    if (raw.length > LIMIT || offset > LIMIT) throw new PackageError('网站超过 4 GB，无法打成 zip 包；请改用 .tar.gz 包。');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(UTF8, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(time, 10);
    local.writeUInt16LE(date, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(raw.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const cd = Buffer.alloc(46);
    cd.writeUInt32LE(0x02014b50, 0);
    cd.writeUInt16LE((3 << 8) | 20, 4); // made by: Unix, spec 2.0
    local.copy(cd, 6, 4, 28); // version needed … name length, as in the local header
    cd.writeUInt16LE(0, 30); // extra
    cd.writeUInt16LE(0, 32); // comment
    cd.writeUInt16LE(0, 34); // disk
    cd.writeUInt16LE(0, 36); // internal attributes
    cd.writeUInt32LE((((e.type === 'dir' ? 0o40755 : 0o100644) << 16) | (e.type === 'dir' ? 0x10 : 0)) >>> 0, 38);
    cd.writeUInt32LE(offset, 42);
    central.push(cd, name);
    yield local;
    yield name;
    if (body.length) yield body;
    offset += local.length + name.length + body.length;
    count++;
  }
  const cdBytes = Buffer.concat(central);
  if (count > 0xffff || offset > LIMIT) throw new PackageError('网站文件过多或过大，无法打成 zip 包；请改用 .tar.gz 包。');
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(count, 8);
  end.writeUInt16LE(count, 10);
  end.writeUInt32LE(cdBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  yield cdBytes;
  yield end;
}
