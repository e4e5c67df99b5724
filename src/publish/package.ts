/**
 * `jixiao package`: the built site as a .tar.gz and a .zip plus a SHA256SUMS manifest, for the
 * web team that receives the site as files. Named by the content (jixiao-site-2022 or
 * jixiao-site-2023-06-30), deterministic (same site → same bytes: sorted entries, one mtime
 * taken from the content, uid/gid 0), written beside the final name first and renamed, and
 * never over an existing package without --force.
 */
import { createHash } from 'node:crypto';
import { createWriteStream, existsSync, readFileSync, statSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { archiveEntries, PackageError } from './archive-entries.ts';
import { tarChunks } from './tar.ts';
import { zipChunks } from './zip.ts';

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
  if (!reports.length) throw new PackageError('网站中没有报告，无法确定包名。');
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
}

export interface PackageResult {
  name: string;
  outDir: string;
  files: { file: string; path: string; size: number; sha256: string }[];
  manifest: string;
}

function readIndex(distDir: string): IndexReport[] {
  const index = join(distDir, 'data', 'reports.json');
  if (!existsSync(join(distDir, 'index.html')) || !existsSync(index))
    throw new PackageError(
      `${distDir} 不是 jixiao 生成的网站（缺少 index.html 或 data/reports.json）。请先运行 npx jixiao build，或用 --dist 指定网站文件夹。`,
    );
  return (JSON.parse(readFileSync(index, 'utf8')) as { reports: IndexReport[] }).reports;
}

async function writeChunks(path: string, chunks: Iterable<Buffer> | AsyncIterable<Buffer>, gzip: boolean): Promise<void> {
  const source = Readable.from(chunks);
  await (gzip ? pipeline(source, createGzip({ level: 9 }), createWriteStream(path)) : pipeline(source, createWriteStream(path)));
}

const sha256 = async (path: string) =>
  createHash('sha256')
    .update(await readFile(path))
    .digest('hex');

export async function packageSite(opts: PackageOptions): Promise<PackageResult> {
  if (!existsSync(opts.distDir) || !statSync(opts.distDir).isDirectory())
    throw new PackageError(`网站文件夹 ${opts.distDir} 不存在。请先运行 npx jixiao build，或用 --dist 指定。`);
  const { tag, mtime } = packageStamp(readIndex(opts.distDir));
  const name = `jixiao-site-${tag}`;
  const outDir = opts.outDir ?? join(opts.cwd ?? process.cwd(), 'packages', name);
  const targets = [`${name}.tar.gz`, `${name}.zip`, 'SHA256SUMS'];
  const { filesFolderRefusal } = await import('../build/output-guard.ts');
  const refusal = await filesFolderRefusal(outDir, { what: '打包输出文件夹', notInside: opts.distDir });
  if (refusal) throw new PackageError(refusal);
  const existing = targets.filter((f) => existsSync(join(outDir, f)));
  if (existing.length && !opts.force)
    throw new PackageError(`${outDir} 中已有 ${existing.join('、')}，未覆盖。要替换请加 --force；要保留旧包以便回退，请用 --out 指定另一个文件夹。`);
  await mkdir(outDir, { recursive: true });
  const entries = archiveEntries(opts.distDir, name);
  const files = [];
  for (const [file, chunks, gzip] of [
    [targets[0]!, tarChunks(entries, mtime), true],
    [targets[1]!, zipChunks(entries, mtime), false],
  ] as const) {
    const final = join(outDir, file);
    const partial = join(outDir, `.${file}.partial`);
    try {
      await writeChunks(partial, chunks, gzip);
    } catch (err) {
      await rm(partial, { force: true });
      throw err;
    }
    await rename(partial, final);
    files.push({ file, path: final, size: statSync(final).size, sha256: await sha256(final) });
  }
  const manifest = files.map((f) => `${f.sha256}  ${f.file}\n`).join('');
  await writeFile(join(outDir, 'SHA256SUMS'), manifest);
  return { name, outDir, files, manifest };
}
