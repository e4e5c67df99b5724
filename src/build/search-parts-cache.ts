/**
 * Finished search-index parts kept between builds. A part's key is the SHA-256 of where it goes
 * and of every page it indexes, byte for byte; pagefind's output depends on nothing else (its
 * version and the settings are in the build key, build-cache.ts, which empties the cache when they
 * change). So after one report changed, only the part holding its page is indexed again, and the
 * bundle is the same bytes as a full build's. Parts not used by this build are deleted.
 */
import { createHash } from 'node:crypto';
import { cp, mkdir, readFile, readdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';

/** Report pages (relative to the site) indexed into one bundle folder (relative to the site). */
export interface Part {
  pages: string[];
  dir: string;
}

export class SearchPartsCache {
  private keys = new Map<Part, string>();

  private readonly cacheDir: string;
  private readonly siteDir: string;
  private readonly bundleDir: string;

  private constructor(cacheDir: string, siteDir: string, bundleDir: string) {
    this.cacheDir = cacheDir;
    this.siteDir = siteDir;
    this.bundleDir = bundleDir;
  }

  static async open(cacheDir: string, siteDir: string, bundleDir: string): Promise<SearchPartsCache> {
    await mkdir(cacheDir, { recursive: true });
    return new SearchPartsCache(cacheDir, siteDir, bundleDir);
  }

  private async keyOf(part: Part): Promise<string> {
    let key = this.keys.get(part);
    if (!key) {
      const hash = createHash('sha256').update(part.dir);
      for (const page of part.pages)
        hash
          .update('\0')
          .update(page)
          .update('\0')
          .update(await readFile(join(this.siteDir, page)));
      key = hash.digest('hex');
      this.keys.set(part, key);
    }
    return key;
  }

  /** Copies a part indexed before into the site; false when there is none. */
  async restore(part: Part): Promise<boolean> {
    const kept = join(this.cacheDir, await this.keyOf(part));
    if (!(await stat(kept).catch(() => undefined))) return false;
    await cp(kept, join(this.siteDir, part.dir), { recursive: true });
    return true;
  }

  /** Keeps the parts just indexed, and drops those this build did not use. */
  async keep(indexed: Part[]): Promise<void> {
    for (const part of indexed) {
      const key = await this.keyOf(part);
      const tmp = join(this.cacheDir, `${key}.tmp`);
      await rm(tmp, { recursive: true, force: true });
      // The first part is the bundle folder itself; the other parts are folders inside it.
      const inner = (src: string) => part.dir !== this.bundleDir || !src.slice(join(this.siteDir, part.dir).length + 1).startsWith('part-');
      await cp(join(this.siteDir, part.dir), tmp, { recursive: true, filter: inner });
      await rename(tmp, join(this.cacheDir, key));
    }
    const used = new Set(this.keys.values());
    for (const name of await readdir(this.cacheDir)) if (!used.has(name)) await rm(join(this.cacheDir, name), { recursive: true, force: true });
  }
}
