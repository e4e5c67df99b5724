/**
 * `jixiao package`: the built site as a .tar.gz and a .zip plus a SHA256SUMS manifest, for the
 * web team that receives the site as files. Named by the content (jixiao-site-2022 or
 * jixiao-site-2023-06-30), deterministic (same site → same bytes: sorted entries, one mtime
 * taken from the content, uid/gid 0), written beside the final name first and renamed, and
 * never over an existing package without --force.
 */
import { createHash } from 'node:crypto';
import { constants, createWriteStream, existsSync, statSync } from 'node:fs';
import { open, readFile, rename, rm } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { displayPath, makeFolders } from '../output/folders.ts';
import { diskReason, fileErrorReason, systemError } from '../errors/file-reasons.ts';
import { say } from '../errors/messages.ts';
import { ReportsIndexSchema } from '../schema/index.ts';
import { archiveEntries, PackageError } from './archive-entries.ts';
import { tarChunks } from './tar.ts';
import { zipChunks } from './zip.ts';
import type { OnProgress } from '../progress.ts';

export { PackageError } from './archive-entries.ts';

interface IndexReport {
  year: number;
  publishedDate?: string;
}

/**
 * The package's tag and timestamp from the site's data/reports.json: the latest 发布日期 when
 * it is not older than the latest fiscal year, else that year (its last day as the timestamp).
 */
export function packageStamp(reports: readonly IndexReport[]): { tag: string; mtime: number } {
  if (!reports.length) throw new PackageError(say('PACKAGE_NO_REPORTS'));
  const year = Math.max(...reports.map((r) => r.year));
  const date = reports
    .map((r) => r.publishedDate)
    .filter((d): d is string => Boolean(d))
    .sort()
    .at(-1);
  const tag = date && Number(date.slice(0, 4)) >= year ? date : String(year);
  const day = tag.length === 4 ? `${tag}-12-31` : tag;
  return { tag, mtime: Date.parse(`${day}T00:00:00+08:00`) / 1000 };
}

export interface PackageOptions {
  /** The built site (output of jixiao build). */
  distDir: string;
  /** Folder for the three files; packages/<name>/ when omitted. */
  outDir?: string | undefined;
  force?: boolean | undefined;
  /** Where the default packages/ folder goes. */
  cwd?: string | undefined;
  /** Told of each archive begun (src/progress.ts). */
  progress?: OnProgress | undefined;
}

export interface PackageResult {
  name: string;
  outDir: string;
  files: { file: string; path: string; size: number; sha256: string }[];
  manifest: string;
}

/** The first field the list has wrong (reports[2].publishedDate), and its name (publishedDate). */
function indexProblem(issues: readonly { path: readonly PropertyKey[]; code: string }[]): { field: string; key: string | undefined } {
  const issue = issues[0]!;
  const field = issue.path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i ? '.' : ''}${String(p)}`)).join('');
  const last = issue.path.at(-1);
  return { field, key: typeof last === 'string' ? last : undefined };
}

/** data/reports.json, read without following a link and checked against the schema. */
async function readIndex(distDir: string, shown: (p: string) => string): Promise<IndexReport[]> {
  const index = join(distDir, 'data', 'reports.json');
  const name = shown(index);
  if (!existsSync(join(distDir, 'index.html')) || !existsSync(index)) throw new PackageError(say('PACKAGE_NOT_A_SITE', { dist: shown(distDir) }));
  let text: string;
  try {
    const fh = await open(index, constants.O_RDONLY | constants.O_NOFOLLOW);
    try {
      if (!(await fh.stat()).isFile()) throw Object.assign(new Error('not a file'), { code: 'EISDIR' });
      text = await fh.readFile('utf8');
    } finally {
      await fh.close();
    }
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new PackageError(say('PACKAGE_INDEX_UNREADABLE', { index: name, code, reason: diskReason(err) ?? systemError(code) }));
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    const message = (err as Error).message;
    const at = /position (\d+)/.exec(message)?.[1] ?? (/end of JSON/.test(message) ? text.trimEnd().length : undefined);
    const line = at === undefined ? undefined : text.slice(0, Number(at)).split('\n').length;
    throw new PackageError(say('PACKAGE_INDEX_NOT_JSON', { index: name, line }));
  }
  const checked = ReportsIndexSchema.safeParse(parsed);
  if (!checked.success) throw new PackageError(say('PACKAGE_INDEX_INVALID', { index: name, ...indexProblem(checked.error.issues) }));
  return checked.data.reports;
}

/** `outDir/file`, refused unless it lies inside outDir (the names come from the site's data). */
function inside(outDir: string, file: string): string {
  const full = resolve(outDir, file);
  const rel = relative(resolve(outDir), full);
  if (!rel || rel.startsWith('..') || isAbsolute(rel) || rel.includes(sep)) throw new PackageError(say('PACKAGE_NAME_OUTSIDE', { file }));
  return full;
}

/** Writes a new file: a leftover of a killed run (or a link) at `path` is removed first, and the file is created exclusively. */
async function writeChunks(path: string, chunks: Iterable<Buffer> | AsyncIterable<Buffer>, gzip: boolean): Promise<void> {
  await rm(path, { force: true });
  const source = Readable.from(chunks);
  const sink = createWriteStream(path, { flags: 'wx' });
  await (gzip ? pipeline(source, createGzip({ level: 9 }), sink) : pipeline(source, sink));
}

const sha256 = async (path: string) =>
  createHash('sha256')
    .update(await readFile(path))
    .digest('hex');

export async function packageSite(opts: PackageOptions): Promise<PackageResult> {
  const cwd = opts.cwd ?? process.cwd();
  const shown = (p: string) => displayPath(cwd, p);
  if (!existsSync(opts.distDir) || !statSync(opts.distDir).isDirectory()) throw new PackageError(say('PACKAGE_NO_SITE_FOLDER', { dist: shown(opts.distDir) }));
  const { tag, mtime } = packageStamp(await readIndex(opts.distDir, shown));
  const name = `jixiao-site-${tag}`;
  const outDir = opts.outDir ?? join(cwd, 'packages', name);
  if (!opts.outDir) inside(join(cwd, 'packages'), name);
  const targets = [`${name}.tar.gz`, `${name}.zip`, 'SHA256SUMS'];
  const { filesFolderRefusal } = await import('../output/guard.ts');
  const refusal = await filesFolderRefusal(outDir, { what: 'package', notInside: opts.distDir, shownAs: shown(outDir) });
  if (refusal) throw new PackageError(refusal);
  const existing = targets.filter((f) => existsSync(inside(outDir, f)));
  if (existing.length && !opts.force) throw new PackageError(say('PACKAGE_EXISTS', { out: shown(outDir), files: existing }));
  const entries = archiveEntries(opts.distDir, name);
  const files = [];
  let partial = '';
  try {
    await makeFolders(outDir, shown(outDir));
    const archives = [
      [targets[0]!, tarChunks(entries, mtime), true],
      [targets[1]!, zipChunks(entries, mtime), false],
    ] as const;
    for (const [k, [file, chunks, gzip]] of archives.entries()) {
      opts.progress?.({ stage: 'package', done: k + 1, total: archives.length, item: file });
      const final = inside(outDir, file);
      partial = inside(outDir, `.${file}.partial`);
      await writeChunks(partial, chunks, gzip);
      await rename(partial, final); // replaces a link at the final name, never what it points to
      files.push({ file, path: final, size: statSync(final).size, sha256: await sha256(final) });
    }
    const manifest = files.map((f) => `${f.sha256}  ${f.file}\n`).join('');
    partial = inside(outDir, '.SHA256SUMS.partial');
    await writeChunks(partial, [Buffer.from(manifest)], false);
    await rename(partial, inside(outDir, 'SHA256SUMS'));
    return { name, outDir, files, manifest };
  } catch (err) {
    if (partial) await rm(partial, { force: true });
    const code = (err as NodeJS.ErrnoException).code;
    if (err instanceof PackageError || typeof code !== 'string') throw err;
    throw new PackageError(say('PACKAGE_WRITE_FAILED', { out: shown(outDir), reason: fileErrorReason(err) }));
  }
}
