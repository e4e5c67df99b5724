/**
 * A build in two Astro processes (shards.ts) leaves two Astro caches, `astro` and `astro-2`: each
 * process records the pages it rendered. The rebuild after it runs in one process (a warm cache
 * renders few pages, defaultShards), which restores only from its own cache; so the other
 * processes' caches are folded into the first: their pages added to its manifest, their cached
 * copies moved beside its own, then deleted. Astro's manifest is internal
 * (astro/dist/core/build/incremental.js, version 1): when it is not the expected shape, or
 * anything fails, the other caches are only deleted, and the next build renders their pages
 * again, as with no cache. Either way the output is the same.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

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
