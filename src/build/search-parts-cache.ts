/**
 * Finished search-index parts kept between builds. A part's key is the SHA-256 of where it goes
 * and of every page it indexes, byte for byte but for the elements pagefind ignores (search-view.ts);
 * pagefind's output depends on nothing else (its
 * version and the settings are in the build key, build-cache.ts, which empties the cache when they
 * change). So after one report changed, only the part holding its page is indexed again, and the
 * bundle is the same bytes as a full build's. Parts not used by this build are deleted.
 *
 * Parts go between the cache and the site as hard links where the disk allows, not copies. Neither side ever changes a file in place —
 * pagefind writes new files, the cache renames and deletes — so the two names never disagree.
 *
 * Reading every page to key the parts took a good share of a rebuild, though most pages
 * are the very files of the last build: Astro restores an unchanged page as a hard link to its
 * cached copy, which is never written in place (src/astro/private.ts). So each page's SHA-256 is
 * kept with the file it was read from (inode, size, modification time in nanoseconds), and a page
 * still in that file is not read again.
 */
import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { cp, link, mkdir, readFile, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { searchView } from './search-view.ts';

/** Report pages (relative to the site) indexed into one bundle folder (relative to the site). */
export interface Part {
  pages: string[];
  dir: string;
}

/** A page's file and the SHA-256 of its bytes: [inode, size, modification time in ns, hash]. */
type PageHash = [ino: string, size: string, mtimeNs: string, sha256: string];

/** The pages' hashes of the last build, in the cache folder beside the parts. */
const PAGES_FILE = 'pages.json';

const isPageHash = (v: unknown): v is PageHash => Array.isArray(v) && v.length === 4 && v.every((x) => typeof x === 'string');

export class SearchPartsCache {
  private keys = new Map<Part, string>();
  private hashed = new Map<string, PageHash>();

  private readonly cacheDir: string;
  private readonly siteDir: string;
  private readonly bundleDir: string;
  private readonly before: Map<string, PageHash>;

  private constructor(cacheDir: string, siteDir: string, bundleDir: string, before: Map<string, PageHash>) {
    this.cacheDir = cacheDir;
    this.siteDir = siteDir;
    this.bundleDir = bundleDir;
    this.before = before;
  }

  static async open(cacheDir: string, siteDir: string, bundleDir: string): Promise<SearchPartsCache> {
    await mkdir(cacheDir, { recursive: true });
    const before = await readFile(join(cacheDir, PAGES_FILE), 'utf8')
      .then((text) => new Map(Object.entries(JSON.parse(text) as Record<string, unknown>).filter((e): e is [string, PageHash] => isPageHash(e[1]))))
      .catch(() => new Map<string, PageHash>()); // none yet, or unreadable: every page is read
    return new SearchPartsCache(cacheDir, siteDir, bundleDir, before);
  }

  private async keyOf(part: Part): Promise<string> {
    let key = this.keys.get(part);
    if (!key) {
      const hash = createHash('sha256').update(part.dir);
      // A few dozen pages at once (the disk answers reads in parallel), hashed in order.
      for (let i = 0; i < part.pages.length; i += READ_AHEAD) {
        const pages = part.pages.slice(i, i + READ_AHEAD);
        const sums = await Promise.all(pages.map((page) => this.pageHash(page)));
        pages.forEach((page, j) => hash.update('\0').update(page).update('\0').update(sums[j]!));
      }
      key = hash.digest('hex');
      this.keys.set(part, key);
    }
    return key;
  }

  /** The SHA-256 of a page: the last build's, if the page is still the file it was read from. */
  private async pageHash(page: string): Promise<string> {
    const path = join(this.siteDir, page);
    const s = statSync(path, { bigint: true });
    const file = [String(s.ino), String(s.size), String(s.mtimeNs)] as const;
    const before = this.before.get(page);
    const same = before && before[0] === file[0] && before[1] === file[1] && before[2] === file[2];
    const sha256 = same
      ? before[3]
      : createHash('sha256')
          .update(searchView(await readFile(path, 'utf8')))
          .digest('hex');
    this.hashed.set(page, [...file, sha256]);
    return sha256;
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
    const used = new Set([...this.keys.values(), PAGES_FILE]);
    for (const name of await readdir(this.cacheDir)) if (!used.has(name)) await rm(join(this.cacheDir, name), { recursive: true, force: true });
    const tmp = join(this.cacheDir, `${PAGES_FILE}.tmp`);
    await writeFile(tmp, JSON.stringify(Object.fromEntries(this.hashed)));
    await rename(tmp, join(this.cacheDir, PAGES_FILE));
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
