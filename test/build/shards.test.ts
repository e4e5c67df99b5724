// A build renders its pages in two Astro processes when the content allows (src/build/shards.ts):
// the output must be the same bytes as rendering them all in one, on content with every kind of
// page (department, year and project pages, their CSVs, attachments, open data, search index) —
// and so must a rebuild from the build cache after one figure changed.
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSite } from '../../src/build/index.ts';
import { manyDepartmentsCorpus } from '../helpers/many-departments.ts';
import { writeTree } from '../helpers/build-site.ts';
import { publishFixture } from '../publish/fixture.ts';

/** Every file under dir with its bytes, by path. */
function files(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true }))
    if (e.isFile()) out.set(join(e.parentPath, e.name).slice(dir.length + 1), readFileSync(join(e.parentPath, e.name)));
  return out;
}

/** Paths that differ between two trees: missing on either side, or other bytes. */
function differences(a: Map<string, Buffer>, b: Map<string, Buffer>): string[] {
  const paths = new Set([...a.keys(), ...b.keys()]);
  return [...paths].filter((p) => !a.get(p) || !b.get(p) || !a.get(p)!.equals(b.get(p)!)).sort();
}

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

    const a = files(one);
    expect([...a.keys()].filter((f) => f.endsWith('.html')).length).toBeGreaterThan(80);
    expect([...a.keys()]).toEqual(expect.arrayContaining(['data/datapackage.json', 'data/reports.xlsx', 'projects/index.html', 'feed.xml', 'sitemap.xml']));
    expect([...a.keys()].some((f) => f.endsWith('.pdf'))).toBe(true);
    expect(differences(a, files(two))).toEqual([]);
    // The costly endpoints were made once, by the first process, not replaced by the other's empty copy.
    expect(files(two).get('data/datapackage.json')!.length).toBeGreaterThan(1000);
    expect(files(two).get('data/reports.xlsx')!.length).toBeGreaterThan(1000);

    // One figure changes; the sharded build reuses its cache, and still equals a fresh single build.
    const seed = join(dir, 'content/2022/haizhu-kgsxj.yaml');
    writeFileSync(seed, readFileSync(seed, 'utf8').replace('27788.84', '27789.84'));
    const again = await buildSite({ ...common, outDir: two, shards: 2 });
    expect(again.reused?.reportFiles).toBeGreaterThan(0);
    await buildSite({ ...common, outDir: one, shards: 1, cache: false });
    const changed = files(one);
    expect(changed.get('reports/2022-haizhu-kgsxj/index.html')!.toString()).toContain('27,789.84');
    expect(differences(changed, files(two))).toEqual([]);
  });
});
