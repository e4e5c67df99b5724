// A build renders its pages in two Astro processes when the content allows (src/build/shards.ts):
// the output must be the same bytes as rendering them all in one, on content with every kind of
// page (department, year and project pages, their CSVs, attachments, open data, search index).
import { cpSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
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

describe('rendering in two processes', () => {
  it('makes the same bytes as rendering in one', { timeout: 240_000 }, async () => {
    const fx = publishFixture();
    const dir = writeTree(manyDepartmentsCorpus());
    cpSync(fx.content, join(dir, 'content'), { recursive: true });
    const common = { contentDir: join(dir, 'content'), settingsFile: fx.config, cwd: dir, cache: false };
    const one = join(mkdtempSync(join(tmpdir(), 'jixiao-shards-')), 'one');
    const two = join(mkdtempSync(join(tmpdir(), 'jixiao-shards-')), 'two');
    const built = { one: await buildSite({ ...common, outDir: one, shards: 1 }), two: await buildSite({ ...common, outDir: two, shards: 2 }) };
    expect(built.two.pages).toBe(built.one.pages);

    const a = files(one);
    const b = files(two);
    expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
    expect([...a.keys()].filter((f) => f.endsWith('.html')).length).toBeGreaterThan(80);
    expect([...a.keys()]).toEqual(expect.arrayContaining(['data/datapackage.json', 'data/reports.xlsx', 'projects/index.html', 'feed.xml', 'sitemap.xml']));
    expect([...a.keys()].some((f) => f.endsWith('.pdf'))).toBe(true);
    expect([...a.entries()].filter(([f, bytes]) => !bytes.equals(b.get(f)!)).map(([f]) => f)).toEqual([]);
    // The costly endpoints were made once, by the first process, not replaced by the other's empty copy.
    expect(b.get('data/datapackage.json')!.length).toBeGreaterThan(1000);
    expect(b.get('data/reports.xlsx')!.length).toBeGreaterThan(1000);
  });
});
