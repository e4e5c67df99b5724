/**
 * The build cache beside the output (`.jixiao-cache/<output folder>/`): Astro's incremental page
 * cache and finished search-index parts. (What each report file decided is remembered beside the
 * content folder, for `jixiao validate` too: report-memo.ts.)
 * One key decides whether any of it may be used: jixiao's code (every file of src/, the Astro
 * config, the lockfile), the Node version, the site settings as validated, the base path, the
 * site URL and the content folder. When the key differs, none of the cache is used (it is moved
 * aside and deleted while the build works), so a changed template, setting or base path rebuilds
 * every page. The key is written only after a build succeeded; a build that fails or is
 * interrupted leaves no key, and the next one starts from nothing.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative } from 'node:path';
import { Worker } from 'node:worker_threads';
import { judgeOutput, readStamps } from '../output/manifest.ts';
import { PACKAGE_ROOT } from '../package-root.ts';

export interface BuildCache {
  dir: string;
  key: string;
  /** Astro's cacheDir (its incremental build manifest and copies of rendered pages). */
  astroDir: string;
  searchDir: string;
  /** True when the cache held a previous build with the same key. */
  warm: boolean;
  /** The deletion of a cache of another key, on a thread while the build works: await it before the process ends. */
  clearing: Promise<void>;
}

/** Files whose change must rebuild everything, relative to the package root. */
const CODE = ['src', 'public', 'astro.config.mjs', 'package-lock.json', 'package.json', 'tsconfig.json'];

export function cacheDirFor(outDir: string): string {
  return join(dirname(outDir), '.jixiao-cache', basename(outDir));
}

/**
 * Where the output a build replaced waits to be deleted: by the next build, while it works, not
 * at the end of every build.
 * Outside the keyed cache folder, which a build may delete at the same time.
 */
export function replacedOutputDir(outDir: string): string {
  return join(dirname(outDir), '.jixiao-cache', `${basename(outDir)}.replaced`);
}

/** The stamps of the output's files as the last build left them (src/output/manifest.ts), so the next one need not read them again. */
export function outputStampsFile(outDir: string): string {
  return join(dirname(outDir), '.jixiao-cache', `${basename(outDir)}.stamps.json`);
}

/**
 * Deletes the output the last build replaced, on a thread, but only when it still holds nothing
 * but what a build wrote (its marker's list, unchanged since the stamps the replacing build saved
 * beside it): a folder an older jixiao moved there, or anything put into it since, is left alone.
 */
export async function clearReplaced(replaced: string): Promise<void> {
  if (!existsSync(replaced)) return;
  const verdict = await judgeOutput(replaced, await readStamps(`${replaced}.stamps.json`)).catch(() => undefined);
  if (verdict?.kind !== 'ours' && verdict?.kind !== 'empty') return;
  await removeOnThread(replaced);
  await rm(`${replaced}.stamps.json`, { force: true });
}

/**
 * Deletes a folder on a thread of its own. fs.promises.rm would keep the thread pool of this
 * process busy with tens of thousands of calls, and every other file operation of the build would
 * wait behind them.
 */
export function removeOnThread(dir: string): Promise<void> {
  const worker = new Worker("require('node:fs').rmSync(require('node:worker_threads').workerData, { recursive: true, force: true })", {
    eval: true,
    workerData: dir,
  });
  return new Promise((done) => {
    worker.once('error', () => done());
    worker.once('exit', () => done());
  });
}

let version: Promise<string> | undefined;

/**
 * A hash of jixiao's code, computed once a process: the build cache's key and the name of the
 * report memo (report-memo.ts) both use it.
 */
export function codeVersion(): Promise<string> {
  return (version ??= hashCode());
}

/**
 * Read synchronously: ~250 small files, one after another through the thread pool, took ~0.1 s of
 * every `jixiao validate` and build; read at once, ~0.02 s. The same hash.
 */
async function hashCode(): Promise<string> {
  const hash = createHash('sha256');
  for (const entry of CODE) {
    const full = join(PACKAGE_ROOT, entry);
    let files: string[];
    try {
      files = readdirSync(full, { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile())
        .map((e) => join(e.parentPath, e.name))
        .sort();
    } catch {
      files = [full];
    }
    for (const f of files) {
      let bytes: Buffer;
      try {
        bytes = readFileSync(f);
      } catch {
        continue;
      }
      hash.update(relative(PACKAGE_ROOT, f)).update('\0').update(bytes).update('\0');
    }
  }
  return hash.digest('hex');
}

/** Everything besides the content that the output depends on (the caller adds its settings, the search part size among them). */
export async function buildKey(inputs: Record<string, unknown>): Promise<string> {
  return createHash('sha256')
    .update(JSON.stringify({ code: await codeVersion(), node: process.versions.node, ...inputs }))
    .digest('hex');
}

export async function openBuildCache(outDir: string, key: string): Promise<BuildCache> {
  const dir = cacheDirFor(outDir);
  const keyFile = join(dir, 'key');
  const previous = await readFile(keyFile, 'utf8').catch(() => undefined);
  const warm = previous === key;
  let clearing = Promise.resolve();
  if (!warm) {
    // Moved aside and deleted while the build works, not before it. What an earlier build left
    // half-deleted goes first.
    const stale = `${dir}.stale`;
    if (existsSync(stale)) await removeOnThread(stale);
    const moved = await rename(dir, stale).then(
      () => true,
      () => false,
    );
    if (moved) clearing = removeOnThread(stale);
    else await rm(dir, { recursive: true, force: true }); // no cache yet, or it could not be moved
  }
  await mkdir(dir, { recursive: true });
  return { dir, key, astroDir: join(dir, 'astro'), searchDir: join(dir, 'search'), warm, clearing };
}

/**
 * Before the build changes Astro's cache or the search parts: until sealed again, the cache
 * counts as unknown (a build that stops half-way must not leave a key over half-written parts).
 */
export async function unsealBuildCache(cache: Pick<BuildCache, 'dir'>): Promise<void> {
  await rm(join(cache.dir, 'key'), { force: true });
}

/**
 * How many of this build's report files (by the hash of path and text, report-memo.ts) the last
 * build into this cache read too, and this build's list kept for the next: the "unchanged" of the
 * build's summary. (Memo hits cannot tell: `jixiao validate` remembers a changed file before the
 * build reads it.)
 */
export async function unchangedFiles(cache: Pick<BuildCache, 'dir' | 'warm'>, keys: Iterable<string>): Promise<number> {
  const file = join(cache.dir, 'files.json');
  const before = new Set<string>(cache.warm ? await readFile(file, 'utf8').then(JSON.parse, () => []) : []);
  const now = [...keys];
  await writeFile(file, JSON.stringify(now));
  return now.filter((k) => before.has(k)).length;
}

/** Marks the cache as matching the output just built. */
export async function sealBuildCache(cache: Pick<BuildCache, 'dir' | 'key'>): Promise<void> {
  await writeFile(join(cache.dir, 'key'), cache.key);
}
