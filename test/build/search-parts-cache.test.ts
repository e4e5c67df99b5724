// Finished search-index parts kept between builds: a part comes back only for the same pages,
// byte for byte, and comes back whole whether the disk can hard-link it or must copy it.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SearchPartsCache, type Part } from '../../src/build/search-parts-cache.ts';

const BUNDLE = 'pagefind';

/** A built site with two report pages and what pagefind would have written for them. */
function site(root: string, text: string): { dir: string; parts: Part[] } {
  const dir = mkdtempSync(join(root, 'site-'));
  for (const id of ['a', 'b']) {
    mkdirSync(join(dir, 'reports', id), { recursive: true });
    writeFileSync(join(dir, 'reports', id, 'index.html'), `<p>${id} ${text}</p>`);
  }
  mkdirSync(join(dir, BUNDLE, 'fragment'), { recursive: true });
  mkdirSync(join(dir, BUNDLE, 'part-2', 'fragment'), { recursive: true });
  writeFileSync(join(dir, BUNDLE, 'pagefind-entry.json'), `{"a":"${text}"}`);
  writeFileSync(join(dir, BUNDLE, 'fragment', 'a.pf_fragment'), `a ${text}`);
  writeFileSync(join(dir, BUNDLE, 'part-2', 'fragment', 'b.pf_fragment'), `b ${text}`);
  return {
    dir,
    parts: [
      { pages: ['reports/a/index.html'], dir: BUNDLE },
      { pages: ['reports/b/index.html'], dir: join(BUNDLE, 'part-2') },
    ],
  };
}

const files = (dir: string) =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
    .sort();

/** Keeps both parts from one build, restores them into a second build of the same pages. */
async function roundTrip(cacheRoot: string, siteRoot: string) {
  const cacheDir = join(mkdtempSync(join(cacheRoot, 'cache-')), 'search');
  const first = site(siteRoot, '全年预算 7,880.72');
  await (await SearchPartsCache.open(cacheDir, first.dir, BUNDLE)).keep(first.parts);

  const second = site(siteRoot, '全年预算 7,880.72');
  for (const f of files(join(second.dir, BUNDLE))) writeFileSync(join(second.dir, BUNDLE, f), 'not indexed yet');
  const cache = await SearchPartsCache.open(cacheDir, second.dir, BUNDLE);
  for (const part of second.parts) {
    expect(await cache.has(part)).toBe(true);
    await cache.restore(part);
  }
  const changed = site(siteRoot, '全年预算 7,901.23');
  const other = await SearchPartsCache.open(cacheDir, changed.dir, BUNDLE);
  expect(await other.has(changed.parts[0]!)).toBe(false);
  return { first, second };
}

describe('search-index parts cache', () => {
  it('restores a part only for the same pages, as hard links where the disk allows', async () => {
    const root = mkdtempSync(join(tmpdir(), 'jixiao-parts-'));
    const { first, second } = await roundTrip(root, root);
    const bundle = (s: { dir: string }) => join(s.dir, BUNDLE);
    expect(files(bundle(second))).toEqual(files(bundle(first)));
    for (const f of files(bundle(first))) expect(readFileSync(join(bundle(second), f), 'utf8')).toBe(readFileSync(join(bundle(first), f), 'utf8'));
    expect(statSync(join(bundle(second), 'fragment/a.pf_fragment')).nlink).toBeGreaterThan(1);
  });

  it('copies the parts when the cache is on another disk than the site', async () => {
    const shm = '/dev/shm'; // a memory file system: another device than the temporary folder (as build.test.ts uses it)
    expect(statSync(shm).dev).not.toBe(statSync(tmpdir()).dev);
    const { first, second } = await roundTrip(shm, mkdtempSync(join(tmpdir(), 'jixiao-parts-')));
    const bundle = (s: { dir: string }) => join(s.dir, BUNDLE);
    expect(files(bundle(second))).toEqual(files(bundle(first)));
    for (const f of files(bundle(first))) expect(readFileSync(join(bundle(second), f), 'utf8')).toBe(readFileSync(join(bundle(first), f), 'utf8'));
    expect(statSync(join(bundle(second), 'fragment/a.pf_fragment')).nlink).toBe(1);
  });

  it('does not read a page again while it is the file it was read from: the hash kept with that file decides', async () => {
    const root = mkdtempSync(join(tmpdir(), 'jixiao-parts-'));
    const cacheDir = join(root, 'search');
    const built = site(root, '全年预算 7,880.72');
    await (await SearchPartsCache.open(cacheDir, built.dir, BUNDLE)).keep(built.parts);
    const [a] = built.parts;
    expect(await (await SearchPartsCache.open(cacheDir, built.dir, BUNDLE)).has(a!)).toBe(true);

    // The kept hash of page a, altered: the same file now keys another part, so it was not read.
    const kept = join(cacheDir, 'pages.json');
    const hashes = JSON.parse(readFileSync(kept, 'utf8')) as Record<string, string[]>;
    hashes['reports/a/index.html']![3] = '0'.repeat(64);
    writeFileSync(kept, JSON.stringify(hashes));
    expect(await (await SearchPartsCache.open(cacheDir, built.dir, BUNDLE)).has(a!)).toBe(false);

    // Written again (a new file, the same bytes), the page is read: its own bytes decide.
    const page = join(built.dir, 'reports/a/index.html');
    const bytes = readFileSync(page);
    rmSync(page);
    writeFileSync(page, bytes);
    expect(await (await SearchPartsCache.open(cacheDir, built.dir, BUNDLE)).has(a!)).toBe(true);

    // Kept hashes that cannot be read, or are not hashes, are ignored: the pages are read.
    for (const broken of ['{', 'null', '{"reports/a/index.html":"x"}', '{"reports/a/index.html":[1,2,3,4]}']) {
      writeFileSync(kept, broken);
      expect(await (await SearchPartsCache.open(cacheDir, built.dir, BUNDLE)).has(a!)).toBe(true);
    }
  });
});
