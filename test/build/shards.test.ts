// A build renders its pages in two Astro processes when the content allows (src/build/shards.ts):
// the output must be the same bytes as rendering them all in one, on content with every kind of
// page (department, year and project pages, their CSVs, attachments, open data, search index) —
// and so must a rebuild from the build cache after one figure changed, which runs in one process
// from the two processes' caches folded into one (src/astro/private.ts).
import { cpSync, existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSite } from '../../src/build/index.ts';
import { defaultShards } from '../../src/build/shards.ts';
import { manyDepartmentsCorpus } from '../helpers/many-departments.ts';
import { writeTree } from '../helpers/build-site.ts';
import { differences, filesOf } from '../helpers/trees.ts';
import { publishFixture } from '../publish/fixture.ts';

const outDir = (name: string) => join(mkdtempSync(join(tmpdir(), 'jixiao-shards-')), name);

describe('rendering in two processes', () => {
  it('makes the same bytes as rendering in one, built afresh and rebuilt after a change', { timeout: 300_000 }, async () => {
    const fx = publishFixture();
    const dir = writeTree(manyDepartmentsCorpus());
    cpSync(fx.content, join(dir, 'content'), { recursive: true });
    const common = { contentDir: join(dir, 'content'), settingsFile: fx.config, cwd: dir };
    const one = outDir('one');
    const two = outDir('two');
    const single = await buildSite({ ...common, outDir: one, shards: 1, cache: false });
    const sharded = await buildSite({ ...common, outDir: two, shards: 2 });
    expect(sharded.pages).toBe(single.pages);

    const a = filesOf(one);
    const htmlFiles = [...a.keys()].filter((f) => f.endsWith('.html')).length;
    expect(htmlFiles).toBeGreaterThan(80);
    // The pages reported are the HTML files made, each once though both processes made some.
    expect(single.pages).toBe(htmlFiles);
    expect([...a.keys()]).toEqual(expect.arrayContaining(['data/datapackage.json', 'data/reports.xlsx', 'projects/index.html', 'feed.xml', 'sitemap.xml']));
    expect([...a.keys()].some((f) => f.endsWith('.pdf'))).toBe(true);
    expect(differences(a, filesOf(two))).toEqual([]);
    // The costly endpoints were made once, by the first process, not replaced by the other's empty copy.
    expect(filesOf(two).get('data/datapackage.json')!.length).toBeGreaterThan(1000);
    expect(filesOf(two).get('data/reports.xlsx')!.length).toBeGreaterThan(1000);

    // The second process's Astro cache was folded into the first's: one cache knows every page.
    const cache = join(two, '../.jixiao-cache/two');
    expect(existsSync(`${cache}/astro-2`)).toBe(false);
    const manifest = JSON.parse(readFileSync(`${cache}/astro/incremental-build.json`, 'utf8')) as { routes: Record<string, { paths: object }> };
    const reportPages = [...a.keys()].filter((f) => /^reports\/[^/]+\/index\.html$/.test(f)).map((f) => `/${f.slice(0, -'index.html'.length)}`);
    expect(Object.keys(manifest.routes['src/pages/reports/[id].astro']!.paths).sort()).toEqual(reportPages.sort());

    // One figure changes; a rebuild in one process restores every other page from that cache,
    // those the second process made too (as hard links of the cached copies), and equals a fresh build.
    const seed = join(dir, 'content/2022/haizhu-kgsxj.yaml');
    writeFileSync(seed, readFileSync(seed, 'utf8').replace('27788.84', '27789.84'));
    const again = await buildSite({ ...common, outDir: two, shards: 1 });
    expect(again.reused?.reportFiles).toBeGreaterThan(0);
    expect(again.pages).toBe(htmlFiles); // restored pages count as made
    const restored = reportPages.filter((p) => p !== '/reports/2022-haizhu-kgsxj/');
    for (const p of restored) expect(statSync(join(two, p, 'index.html')).ino, p).toBe(statSync(join(cache, 'astro/dist', p, 'index.html')).ino);
    await buildSite({ ...common, outDir: one, shards: 1, cache: false });
    const changed = filesOf(one);
    expect(changed.get('reports/2022-haizhu-kgsxj/index.html')!.toString()).toContain('27,789.84');
    expect(differences(changed, filesOf(two))).toEqual([]);

    // Two processes again over the one cache (the second starts with none): still the same bytes.
    writeFileSync(seed, readFileSync(seed, 'utf8').replace('27789.84', '27790.84'));
    await buildSite({ ...common, outDir: two, shards: 2 });
    await buildSite({ ...common, outDir: one, shards: 1, cache: false });
    expect(differences(filesOf(one), filesOf(two))).toEqual([]);
  });
});

describe('how many processes', () => {
  it('renders a build from nothing in two, and a rebuild from a warm cache in one', () => {
    expect(defaultShards(1000, { warm: false })).toBe(Math.min(2, availableParallelism()));
    expect(defaultShards(1000, { warm: true })).toBe(1);
    expect(defaultShards(50, { warm: false })).toBe(1);
    expect(defaultShards(9000, { warm: false })).toBe(1);
  });
});
