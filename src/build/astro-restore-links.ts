/**
 * Astro's incremental build restores each unchanged page by copying its cached copy into the
 * output: 28,900 pages and data files, ~16 s of a rebuild at 10,000 reports, its largest cost.
 * Here a restored page is a hard link to the cached copy instead, and a re-rendered page's cached
 * copy is a hard link to the page Astro has just written (written again, and renamed over the old
 * copy, only where a link cannot be made); the old copy is unlinked, never written in place: a
 * cached copy linked into the live output is never changed under it (a build that fails leaves
 * that output as it was). Astro does not export the class (astro/dist/core/build/incremental.js),
 * so it is changed where it is defined; when its shape is not the expected one, nothing is changed
 * and Astro copies as before. test/build/incremental.test.ts checks that restored pages are links.
 */
import { linkSync, mkdirSync } from 'node:fs';
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

/** Makes this process's Astro restore by hard link; true when it now does. */
export async function restoreByLinks(): Promise<boolean> {
  const astroRoot = dirname(createRequire(import.meta.url).resolve('astro/package.json'));
  const mod = (await import(pathToFileURL(join(astroRoot, 'dist/core/build/incremental.js')).href).catch(() => ({}))) as { IncrementalBuildCache?: CacheClass };
  const proto = mod.IncrementalBuildCache?.prototype;
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
  // is made while the next renders (synchronously, at 10,000 reports, 4.9 s of the pages process).
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
