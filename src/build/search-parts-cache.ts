/**
 * Finished search-index parts kept between builds. A part's key is the SHA-256 of where it goes
 * and of every page it indexes, byte for byte; pagefind's output depends on nothing else (its
 * version and the settings are in the build key, build-cache.ts, which empties the cache when they
 * change). So after one report changed, only the part holding its page is indexed again, and the
 * bundle is the same bytes as a full build's. Parts not used by this build are deleted.
 *
 * Parts go between the cache and the site as hard links where the disk allows (at 10,000 reports,
 * 12,000 files: 1.6 s linked against 11 s copied). Neither side ever changes a file in place —
 * pagefind writes new files, the cache renames and deletes — so the two names never disagree.
 */
import { createHash } from 'node:crypto';
import { cp, link, mkdir, readFile, readdir, rename, rm, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';

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
      // Read a few dozen pages at once (the disk answers in parallel), hashed in order.
      for (let i = 0; i < part.pages.length; i += READ_AHEAD) {
        const pages = part.pages.slice(i, i + READ_AHEAD);
        const bodies = await Promise.all(pages.map((page) => readFile(join(this.siteDir, page))));
        pages.forEach((page, j) => hash.update('\0').update(page).update('\0').update(bodies[j]!));
      }
      key = hash.digest('hex');
      this.keys.set(part, key);
    }
    return key;
  }

  /** True when this part, its pages byte for byte, was indexed before. */
  async has(part: Part): Promise<boolean> {
    return Boolean(await stat(join(this.cacheDir, await this.keyOf(part))).catch(() => undefined));
  }

  /** Links a part indexed before (`has`) into the site. */
  async restore(part: Part): Promise<void> {
    await linkTree(join(this.cacheDir, await this.keyOf(part)), join(this.siteDir, part.dir));
  }

  /** Keeps the parts just indexed, and drops those this build did not use. */
  async keep(indexed: Part[]): Promise<void> {
    for (const part of indexed) {
      const key = await this.keyOf(part);
      const tmp = join(this.cacheDir, `${key}.tmp`);
      await rm(tmp, { recursive: true, force: true });
      // The first part is the bundle folder itself; the other parts are folders inside it.
      const inner = (rel: string) => part.dir !== this.bundleDir || !rel.startsWith('part-');
      await linkTree(join(this.siteDir, part.dir), tmp, inner);
      await rename(tmp, join(this.cacheDir, key));
    }
    const used = new Set(this.keys.values());
    for (const name of await readdir(this.cacheDir)) if (!used.has(name)) await rm(join(this.cacheDir, name), { recursive: true, force: true });
  }
}

/** Pages read at once when keying parts. */
const READ_AHEAD = 32;
/** Files linked (or copied) at once when restoring or keeping a part. */
const LINK_BATCH = 32;

/**
 * The files below `from` (those whose path relative to it passes `keep`) made again below `to` as
 * hard links; copied instead where the disk cannot link (another disk, a file system without links).
 */
async function linkTree(from: string, to: string, keep: (rel: string) => boolean = () => true): Promise<void> {
  const entries = await readdir(from, { recursive: true, withFileTypes: true });
  const rel = (e: { parentPath: string; name: string }) => relative(from, join(e.parentPath, e.name));
  const files = entries.filter((e) => e.isFile() && keep(rel(e))).map(rel);
  const dirs = new Set([to, ...files.map((f) => join(to, f, '..'))]);
  for (const dir of [...dirs].sort()) await mkdir(dir, { recursive: true });
  try {
    for (let i = 0; i < files.length; i += LINK_BATCH) await Promise.all(files.slice(i, i + LINK_BATCH).map((f) => linkOver(join(from, f), join(to, f))));
  } catch (err) {
    if (!CANNOT_LINK.has((err as NodeJS.ErrnoException).code ?? '')) throw err;
    await rm(to, { recursive: true, force: true });
    await cp(from, to, { recursive: true, filter: (src) => src === from || keep(relative(from, src)) });
  }
}

/** A link at `to`, replacing a file already there (as a copy would). */
async function linkOver(from: string, to: string): Promise<void> {
  try {
    await link(from, to);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    await rm(to, { force: true });
    await link(from, to);
  }
}

const CANNOT_LINK = new Set(['EXDEV', 'EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'EMLINK', 'ENOSYS']);
