/**
 * The output marker as a list: `.jixiao-output` names every file and folder the build wrote,
 * each file with its SHA-256, so a later build replaces a folder only when everything in it is
 * on that list and unchanged. Nothing is ever replaced or deleted on the strength of looking like
 * a site, and a marker made by hand (or by a jixiao before the list existed) protects nothing.
 * The marker's bytes depend only on the files (byte-identical builds stay byte-identical).
 * Checks read each file without following links; a file whose size, time and inode match a
 * stamp already checked is not read again.
 */
import { createHash } from 'node:crypto';
import { constants } from 'node:fs';
import { lstat, open, readdir, readFile, writeFile } from 'node:fs/promises';
import { join, sep } from 'node:path';
import { z } from 'zod';
import { OUTPUT_MANIFEST_NOTE } from '../errors/build-messages.ts';

/** Written into every output folder jixiao builds. */
export const OUTPUT_MARKER = '.jixiao-output';
const VERSION = 2;

const ManifestSchema = z.object({
  jixiao: z.literal(VERSION),
  folders: z.array(z.string()),
  files: z.record(z.string(), z.string().regex(/^[0-9a-f]{64}$/)),
});
type Manifest = z.infer<typeof ManifestSchema>;

/** Size, modification time and inode: a file with the same stamp as one checked is the same file. */
export type Stamps = Map<string, string>;

interface Entry {
  /** Relative, with / separators. */
  path: string;
  kind: 'file' | 'dir' | 'other';
  stamp: string;
}

const byteOrder = (a: string, b: string) => Buffer.compare(Buffer.from(a), Buffer.from(b));

/** Every entry under dir except the top-level marker, in byte order of their paths. */
async function entries(dir: string): Promise<Entry[]> {
  const list = await readdir(dir, { recursive: true, withFileTypes: true });
  const out: Entry[] = [];
  for (const e of list) {
    const path = join(e.parentPath, e.name)
      .slice(dir.length + 1)
      .split(sep)
      .join('/');
    if (path === OUTPUT_MARKER) continue;
    out.push({ path, kind: e.isFile() ? 'file' : e.isDirectory() ? 'dir' : 'other', stamp: '' });
  }
  await pool(
    out.filter((e) => e.kind === 'file'),
    16,
    async (e) => {
      const st = await lstat(join(dir, e.path)).catch(() => undefined);
      e.stamp = st ? `${st.size}:${st.mtimeMs}:${st.ino}` : '';
    },
  );
  return out.sort((a, b) => byteOrder(a.path, b.path));
}

/** SHA-256 of a file, opened without following a link; undefined when it cannot be read as a file. */
async function hashFile(file: string): Promise<string | undefined> {
  const fh = await open(file, constants.O_RDONLY | constants.O_NOFOLLOW).catch(() => undefined);
  if (!fh) return undefined;
  try {
    const info = await fh.stat();
    if (!info.isFile()) return undefined;
    const size = info.size;
    const hash = createHash('sha256');
    if (size <= 1 << 24) return hash.update(await fh.readFile()).digest('hex'); // a page: one read, no stream
    for await (const chunk of fh.createReadStream({ autoClose: false, highWaterMark: 1 << 20 })) hash.update(chunk as Buffer);
    return hash.digest('hex');
  } catch {
    return undefined;
  } finally {
    await fh.close();
  }
}

/** Runs `fn` over items, `width` at a time, in order of results. */
async function pool<T, R>(items: readonly T[], width: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(width, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await fn(items[i]!);
      }
    }),
  );
  return out;
}

/**
 * Writes the marker listing everything now in dir; the stamps of the files listed. `reuse` maps
 * stamps of files already hashed to their hashes (a page the build linked from its cache is the
 * same file as in the previous output, and is not read again).
 */
export async function writeOutputManifest(dir: string, reuse: ReadonlyMap<string, string> = new Map()): Promise<Stamps> {
  const all = await entries(dir);
  const files = all.filter((e) => e.kind === 'file');
  const hashes = await pool(files, 8, async (e) => (e.stamp ? reuse.get(e.stamp) : undefined) ?? hashFile(join(dir, e.path)));
  const manifest: Manifest = {
    jixiao: VERSION,
    folders: all.filter((e) => e.kind === 'dir').map((e) => e.path),
    files: Object.fromEntries(files.flatMap((e, i) => (hashes[i] ? [[e.path, hashes[i]]] : []))),
  };
  await writeFile(join(dir, OUTPUT_MARKER), manifestText(manifest));
  return new Map(files.map((e) => [e.path, e.stamp]));
}

/** One line a file, so that a person can read it and a diff between releases shows what changed. */
function manifestText(m: Manifest): string {
  const files = Object.entries(m.files).map(([path, hash]) => `${JSON.stringify(path)}: ${JSON.stringify(hash)}`);
  return `{${JSON.stringify(OUTPUT_MANIFEST_NOTE.key)}: ${JSON.stringify(OUTPUT_MANIFEST_NOTE.text)},\n"jixiao": ${m.jixiao},\n"folders": ${JSON.stringify(m.folders)},\n"files": {\n${files.join(',\n')}\n}}\n`;
}

/** What a folder holds, as far as replacing it goes. */
export type OutputVerdict =
  | { kind: 'empty' }
  /** `stamps`: each file's stamp; `hashes`: stamp → SHA-256, for writeOutputManifest's `reuse`. */
  | { kind: 'ours'; stamps: Stamps; hashes: Map<string, string> }
  /** No marker, or one that is not a list: `file` is the first entry (nothing in it can be vouched for). */
  | { kind: 'unlisted'; file: string; marker: 'none' | 'old' }
  /** On no list, or changed since the build wrote it. */
  | { kind: 'foreign'; file: string; changed: boolean };

async function readManifest(dir: string): Promise<Manifest | 'none' | 'old'> {
  const fh = await open(join(dir, OUTPUT_MARKER), constants.O_RDONLY | constants.O_NOFOLLOW).catch(() => undefined);
  if (!fh) return 'none';
  try {
    if (!(await fh.stat()).isFile()) return 'none';
    const text = await fh.readFile('utf8');
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      return 'old';
    }
    const m = ManifestSchema.safeParse(parsed);
    return m.success ? m.data : 'old';
  } finally {
    await fh.close();
  }
}

/**
 * Whether dir may be replaced: empty, or everything in it on its marker's list and unchanged.
 * `known` holds stamps of files already checked (their bytes are not read again).
 */
export async function judgeOutput(dir: string, known: Stamps = new Map()): Promise<OutputVerdict> {
  const names = await readdir(dir);
  if (names.length === 0) return { kind: 'empty' };
  const all = await entries(dir);
  const manifest = await readManifest(dir);
  if (typeof manifest === 'string') {
    const first = (all.find((e) => e.kind !== 'dir') ?? all[0])?.path ?? OUTPUT_MARKER;
    return { kind: 'unlisted', file: first, marker: manifest === 'old' || names.includes(OUTPUT_MARKER) ? 'old' : 'none' };
  }
  const folders = new Set(manifest.folders);
  const stamps: Stamps = new Map();
  const toHash: Entry[] = [];
  for (const e of all) {
    if (e.kind === 'dir' && folders.has(e.path)) continue;
    if (e.kind !== 'file' || !Object.hasOwn(manifest.files, e.path)) return { kind: 'foreign', file: e.path, changed: false };
    if (e.stamp && known.get(e.path) === e.stamp) stamps.set(e.path, e.stamp);
    else toHash.push(e);
  }
  const read = await pool(toHash, 8, (e) => hashFile(join(dir, e.path)));
  const changed = toHash.find((e, i) => read[i] !== manifest.files[e.path]);
  if (changed) return { kind: 'foreign', file: changed.path, changed: true };
  for (const e of toHash) stamps.set(e.path, e.stamp);
  const hashes = new Map([...stamps].map(([path, stamp]) => [stamp, manifest.files[path]!]));
  return { kind: 'ours', stamps, hashes };
}

/** Stamps saved beside a folder (build-cache.ts's replaced area); empty when there are none. */
export async function readStamps(file: string): Promise<Stamps> {
  const parsed: unknown = await readFile(file, 'utf8').then(JSON.parse, () => undefined);
  return Array.isArray(parsed) ? new Map(parsed.filter((p): p is [string, string] => Array.isArray(p) && p.length === 2)) : new Map();
}

export const stampsText = (stamps: Stamps) => JSON.stringify([...stamps]);
