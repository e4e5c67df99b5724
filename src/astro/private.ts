/**
 * The one place jixiao relies on Astro's private internals (astro/dist/core/build/incremental.js,
 * the incremental build's cache), each for a gain measured and written beside it. Nothing else
 * in src reaches into astro/dist. test/astro/private.test.ts fails when an Astro upgrade
 * changes what is relied on here (astroPrivateShape); until then each use checks the shape first
 * and, where it differs, leaves Astro to its own way: the output is the same either way.
 *
 * 1. Restored pages as hard links (restoreByLinks). Astro's incremental build restores each
 *    unchanged page by copying its cached copy into the output; here a restored page is a hard
 *    link to the cached copy, and a re-rendered page's cached copy a hard link to the page Astro
 *    has just written (written again, and renamed over the old copy, only where a link cannot be
 *    made); the old copy is unlinked, never written in place: a cached copy linked into the live
 *    output is never changed under it (a build that fails leaves that output as it was). Astro does
 *    not export the class, so it is changed where it is defined. The gain: docs/developing.md,
 *    "Astro's private internals". test/build/incremental.test.ts checks that restored pages are links.
 *
 * 2. Merging the caches of a sharded build (mergeAstroCaches). A build in two Astro processes
 *    (shards.ts) leaves two Astro caches, `astro` and `astro-2`: each process records the pages it
 *    rendered. The rebuild after it runs in one process (a warm cache renders few pages,
 *    defaultShards), which restores only from its own cache; so the other processes' caches are
 *    folded into the first: their pages added to its manifest (Astro's private
 *    incremental-build.json, version 1), their cached copies moved beside its own, then deleted.
 *    When the manifest is not the expected shape, or anything fails, the other caches are only
 *    deleted, and the next build renders their pages again, as with no cache.
 */
import { existsSync, linkSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { link, mkdir, rename, unlink, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

type Settings = { config: { cacheDir: URL; outDir: URL } };
type Restore = (settings: Settings, outputFile: string, destination: URL) => Promise<boolean>;
type Write = (settings: Settings, outputFile: string, body: string | Uint8Array) => Promise<void>;
interface CacheClass {
  prototype: { restoreOutputFile: Restore; writeOutputFile: Write };
}

let patched = false;

/** Where Astro keeps the cached copy of an output file (its getCachedOutputFile). */
const cachedCopy = (settings: Settings, outputFile: string) => new URL(outputFile, new URL('dist/', settings.config.cacheDir));

/** What is relied on, as Astro 7.3.5 defines it in incremental.js. */
const INCREMENTAL_MODULE = 'dist/core/build/incremental.js';
const RELIED_ON = [
  // where the manifest and the cached copies are, and the manifest's version (both uses)
  'const INCREMENTAL_CACHE_FILE = "incremental-build.json";',
  'const INCREMENTAL_OUTPUT_DIR = "dist/";',
  'const CACHE_VERSION = 1;',
  // the two methods replaced, with their arguments (restoreByLinks)
  'async restoreOutputFile(settings, outputFile, destination) {',
  'async writeOutputFile(settings, outputFile, body) {',
  // a manifest entry: one per route, one path each with its output file (mergeAstroCaches)
  'routeEntry = { dependencyHash, paths: {} };',
  'const pathEntry = { cacheKey, outputFile };',
];

/**
 * Where Astro's own scripts for dev pages sit, relative to the project: `jixiao dev` serves only
 * the site and lets these through (src/dev/site-only.ts). A path inside astro/dist, so it is here.
 */
export const ASTRO_CLIENT_DIR = 'node_modules/astro/dist/runtime/client/';

const astroRoot = () => dirname(createRequire(import.meta.url).resolve('astro/package.json'));

async function incrementalModule(): Promise<{ IncrementalBuildCache?: CacheClass }> {
  return (await import(pathToFileURL(join(astroRoot(), INCREMENTAL_MODULE)).href).catch(() => ({}))) as { IncrementalBuildCache?: CacheClass };
}

/** What differs from what this module relies on, in the installed Astro; empty when nothing does. */
export async function astroPrivateShape(): Promise<string[]> {
  const problems: string[] = [];
  let source: string;
  try {
    source = readFileSync(join(astroRoot(), INCREMENTAL_MODULE), 'utf8');
  } catch {
    return [`astro/${INCREMENTAL_MODULE} is missing`];
  }
  if (!existsSync(join(astroRoot(), 'dist/runtime/client'))) problems.push(`${ASTRO_CLIENT_DIR} is missing (jixiao dev lets it through)`);
  for (const line of RELIED_ON) if (!source.includes(line)) problems.push(`astro/${INCREMENTAL_MODULE} no longer has: ${line}`);
  const proto = (await incrementalModule()).IncrementalBuildCache?.prototype;
  for (const method of ['restoreOutputFile', 'writeOutputFile'] as const)
    if (typeof proto?.[method] !== 'function') problems.push(`IncrementalBuildCache.prototype.${method} is gone`);
  return problems;
}

/** Makes this process's Astro restore by hard link; true when it now does. */
export async function restoreByLinks(): Promise<boolean> {
  const proto = (await incrementalModule()).IncrementalBuildCache?.prototype;
  if (!proto || typeof proto.restoreOutputFile !== 'function' || typeof proto.writeOutputFile !== 'function') return false;
  if (patched) return true;
  const copy = proto.restoreOutputFile;
  // Synchronous calls: tens of thousands one after another in Astro's loop, each a round trip
  // through the thread pool otherwise.
  const made = new Set<string>();
  const folderFor = (file: URL) => {
    const dir = dirname(fileURLToPath(file));
    if (made.has(dir)) return;
    mkdirSync(dir, { recursive: true });
    made.add(dir);
  };
  proto.restoreOutputFile = async function (settings, outputFile, destination) {
    try {
      folderFor(destination);
      linkSync(cachedCopy(settings, outputFile), destination);
      return true;
    } catch {
      // No cached copy (Astro then renders the page), another disk, a file system without links:
      // Astro's own way decides.
      return copy.call(this, settings, outputFile, destination);
    }
  };
  // Asynchronous: pages are rendered four at once (run-astro.ts), and a rendered page's cached copy
  // is made while the next renders (made synchronously, it held up the pages process).
  const making = new Map<string, Promise<unknown>>();
  const folderSoon = (file: URL) => {
    const dir = dirname(fileURLToPath(file));
    let made = making.get(dir);
    if (!made) making.set(dir, (made = mkdir(dir, { recursive: true })));
    return made;
  };
  proto.writeOutputFile = async function (settings, outputFile, body) {
    const file = cachedCopy(settings, outputFile);
    await folderSoon(file);
    if (await linkedFromOutput(new URL(outputFile, settings.config.outDir), file)) return;
    const tmp = `${fileURLToPath(file)}.${process.pid}.tmp`;
    await writeFile(tmp, body);
    await rename(tmp, file);
  };
  patched = true;
  return true;
}

/**
 * The page Astro has just written into the output, linked as its cached copy; false when it cannot
 * be (another disk, a file system without links). An old copy is unlinked first, never written
 * in place: a live page linked to it keeps its bytes.
 */
async function linkedFromOutput(page: URL, copy: URL): Promise<boolean> {
  try {
    await link(page, copy);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') return false;
  }
  try {
    await unlink(copy);
    await link(page, copy);
    return true;
  } catch {
    return false;
  }
}

const MANIFEST = 'incremental-build.json';

interface Manifest {
  version: number;
  configHash: string;
  lockfileHash: string;
  routes: Record<string, { dependencyHash: string; paths: Record<string, { outputFile: string }> }>;
}

function readManifest(cacheDir: string): Manifest | undefined {
  try {
    const m = JSON.parse(readFileSync(join(cacheDir, MANIFEST), 'utf8')) as Manifest;
    return m.version === 1 && typeof m.routes === 'object' && m.routes !== null ? m : undefined;
  } catch {
    return undefined;
  }
}

export function mergeAstroCaches(into: string, others: string[]): void {
  try {
    const main = readManifest(into);
    if (!main) return;
    for (const other of others) {
      const m = readManifest(other);
      if (!m || m.configHash !== main.configHash || m.lockfileHash !== main.lockfileHash) continue;
      for (const [route, entry] of Object.entries(m.routes)) {
        const mine = (main.routes[route] ??= { dependencyHash: entry.dependencyHash, paths: {} });
        if (mine.dependencyHash !== entry.dependencyHash) continue;
        for (const [path, page] of Object.entries(entry.paths)) {
          if (mine.paths[path] || typeof page.outputFile !== 'string') continue;
          const from = join(other, 'dist', page.outputFile);
          if (!existsSync(from)) continue;
          const to = join(into, 'dist', page.outputFile);
          mkdirSync(dirname(to), { recursive: true });
          renameSync(from, to);
          mine.paths[path] = page;
        }
      }
    }
    // A new file renamed over the old: a build stopped here leaves the first process's manifest whole.
    const tmp = join(into, `${MANIFEST}.${process.pid}.tmp`);
    writeFileSync(tmp, JSON.stringify(main));
    renameSync(tmp, join(into, MANIFEST));
  } catch {
    /* a cache only: the next build renders what it cannot restore */
  } finally {
    for (const other of others) rmSync(other, { recursive: true, force: true });
  }
}
