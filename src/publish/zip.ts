/**
 * The .zip of a site package, written by yazl (maintained, zip64 when a site outgrows 65,535
 * entries or 4 GB): entries in the order given, one fixed timestamp, UTF-8 names, Unix
 * permissions, deflated; file bodies are read only as the archive is written, so memory stays
 * flat however large the site. The same entries and time give the same bytes.
 */
import { Readable } from 'node:stream';
import yazl from 'yazl';
import type { ArchiveEntry } from './archive-entries.ts';

/**
 * DOS date and time have no time zone, and yazl takes them from a Date's local fields: China
 * time in those fields, whatever zone the machine is in, so the date reads as the content's date
 * and the bytes never depend on the machine. (No extended timestamp field: forceDosTimestamp.)
 */
function chinaWallClock(mtime: number): Date {
  const d = new Date((mtime + 8 * 3600) * 1000);
  return new Date(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds());
}

/** The archive as a stream of chunks. */
export async function* zipChunks(entries: Iterable<ArchiveEntry>, mtime: number): AsyncGenerator<Buffer> {
  const zip = new yazl.ZipFile();
  const options = { mtime: chinaWallClock(mtime), forceDosTimestamp: true };
  for (const e of entries) {
    if (e.type === 'dir') zip.addEmptyDirectory(e.path, { ...options, mode: 0o40755 });
    else zip.addReadStreamLazy(e.path, { ...options, mode: 0o100644, compressionLevel: 9 }, (cb) => cb(null, Readable.from([e.read()])));
  }
  zip.end();
  for await (const chunk of zip.outputStream) yield chunk as Buffer;
}
