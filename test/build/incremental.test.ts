// Rebuilding into the same output reuses what unchanged reports made last time (their parsed
// files, pages, data files and search-index parts, from `.jixiao-cache/` beside the output), and
// is never stale: a changed figure shows everywhere it is published, the output is the same bytes
// as a full build, and a changed setting or base path rebuilds every page.
import { linkSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { deserialize, serialize } from 'node:v8';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { runCli, writeTree } from '../helpers/build-site.ts';
import { syntheticCorpus } from '../helpers/synthetic.ts';
import { filesOf } from '../helpers/trees.ts';

const FILE = 'content/2023/shili-jyj.yaml';
const ID = '2023-shili-jyj';
const SMALL_PARTS = ['--search-part-size', '5']; // 14 report pages in 3 search-index parts

/**
 * Alters the remembered analysis of the report whose planned budget is `from` (in
 * `.jixiao-cache/reports-<version>.v8` beside the content): a run that shows `to` took the memo.
 */
function alterRemembered(dir: string, from: number, to: number): void {
  const [name] = readdirSync(join(dir, '.jixiao-cache')).filter((f) => /^reports-[0-9a-f]{16}\.v8$/.test(f));
  const file = join(dir, '.jixiao-cache', name!);
  const stored = deserialize(readFileSync(file)) as Map<string, Buffer>;
  let altered = 0;
  for (const [key, bytes] of stored) {
    const analysis = deserialize(bytes) as { report?: { budget?: { planned?: number } } };
    if (analysis.report?.budget?.planned !== from) continue;
    analysis.report.budget.planned = to;
    stored.set(key, serialize(analysis));
    altered++;
  }
  expect(altered).toBe(1);
  writeFileSync(file, serialize(stored));
}

function htmlPages(dir: string): string[] {
  return [...filesOf(dir).entries()].filter(([f]) => f.endsWith('.html')).map(([, b]) => b.toString('utf8'));
}

/** The text pagefind stored for a page (its fragment), without the word breaks it inserts. */
function searchRecord(dir: string, url: string): string {
  for (const [f, bytes] of filesOf(join(dir, 'pagefind'))) {
    if (!f.includes('fragment/')) continue;
    const text = gunzipSync(bytes).toString('utf8');
    const record = JSON.parse(text.slice(text.indexOf('{'))) as { url: string; content: string };
    if (record.url === url) return record.content.replace(/[\u200b\s]/g, '');
  }
  throw new Error(`no search record for ${url}`);
}

/** The synthetic corpus in a new folder, and its build in small search parts (extra arguments: --out and the like). */
function corpusSite() {
  const dir = writeTree({ ...syntheticCorpus(), 'site.yaml': 'footer:\n  contact: 电话 020-11111111\n' });
  const build = (...extra: string[]) => runCli(['build', '--content', join(dir, 'content'), '--config', join(dir, 'site.yaml'), ...SMALL_PARTS, ...extra], dir);
  return { dir, out: join(dir, 'dist'), build };
}

describe('rebuilding after a change', () => {
  it('remakes what one changed figure touches, reuses the rest, and matches a full build', () => {
    const { dir, out, build } = corpusSite();
    expect(build('--out', out).status).toBe(0);
    expect(readFileSync(join(out, `reports/${ID}/index.html`), 'utf8')).toContain('7,880.72');
    const cachedPage = join(dir, `.jixiao-cache/dist/astro/dist/reports/${ID}/index.html`);
    // A rendered page's cached copy is the page itself, linked, not written a second time.
    expect(statSync(cachedPage).ino).toBe(statSync(join(out, `reports/${ID}/index.html`)).ino);
    // Nothing changed: every page is restored from Astro's cache, as a hard link to its cached copy.
    expect(build('--out', out).stdout).toContain('沿用上次生成的结果：14 份报告文件未改动');
    const page = join(out, `reports/${ID}/index.html`);
    expect(statSync(page).ino).toBe(statSync(cachedPage).ino);
    // The live page keeps its bytes while the next build re-renders it (its cached copy is
    // replaced, never written in place): a build that fails later leaves the output as it was.
    const kept = join(dir, 'kept.html');
    linkSync(page, kept);

    const yaml = readFileSync(join(dir, FILE), 'utf8');
    expect(yaml).toContain('  planned: 7880.72\n');
    writeFileSync(join(dir, FILE), yaml.replace('  planned: 7880.72\n', '  planned: 7901.23\n'));
    // Staff check the change first (which remembers the changed file's answer); the build still
    // counts it as changed since the last build.
    expect(runCli(['validate', '--content', join(dir, 'content')], dir).status).toBe(0);
    const again = build('--out', out);
    expect(again.status).toBe(0);
    // Only the changed file's search-index part was rebuilt.
    expect(again.stdout).toContain('沿用上次生成的结果：13 份报告文件未改动，搜索索引 3 个分片中 2 个未重建。');

    expect(readFileSync(kept, 'utf8')).toContain('7,880.72');
    // The output this build replaced waits in the cache folder; the next build deletes it as it works.
    expect(readFileSync(join(dir, `.jixiao-cache/dist.replaced/reports/${ID}/index.html`), 'utf8')).toContain('7,880.72');
    const html = readFileSync(page, 'utf8');
    expect(html).toContain('7,901.23');
    expect(readFileSync(cachedPage, 'utf8')).toBe(html);
    expect(html).not.toContain('7,880.72');
    expect(JSON.parse(readFileSync(join(out, `data/reports/${ID}.json`), 'utf8')).report.budget.planned).toBe(7901.23);
    const row = readFileSync(join(out, 'data/reports.csv'), 'utf8')
      .split('\r\n')
      .find((l) => l.includes(ID));
    expect(row).toContain('7901.23');
    expect(readFileSync(join(out, 'years/2023/index.html'), 'utf8')).toContain('7,901.23');
    expect(searchRecord(out, `/reports/${ID}/`)).toContain('全年预算7,901.23万元');
    // Reused parts are hard links to the cache's files, not copies (12,000 files at 10,000 reports).
    const cached = readdirSync(join(dir, '.jixiao-cache/dist/search'), { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
    const inodes = new Set(cached.map((e) => statSync(join(e.parentPath, e.name)).ino));
    const linked = [...filesOf(join(out, 'pagefind')).keys()].filter((f) => inodes.has(statSync(join(out, 'pagefind', f)).ino));
    expect(linked.length).toBeGreaterThan(0);

    const full = join(dir, 'full');
    expect(build('--out', full, '--no-cache').status).toBe(0);
    const [a, b] = [filesOf(out), filesOf(full)];
    expect([...a.keys()].sort()).toEqual([...b.keys()].sort());
    expect([...a.keys()].filter((f) => !a.get(f)!.equals(b.get(f)!))).toEqual([]);
  });

  it('indexes only the new year when a year of reports is added, and matches a full build', () => {
    const { dir, out, build } = corpusSite();
    expect(build('--out', out).status).toBe(0);
    const parts = JSON.parse(readFileSync(join(out, 'pagefind/jixiao-parts.json'), 'utf8')) as string[];
    // A 2024 report of a department with reports of earlier years: their pages now link to it.
    const older = join(out, `reports/${ID}/index.html`);
    const olderPage = readFileSync(older, 'utf8');
    mkdirSync(join(dir, 'content/2024'));
    writeFileSync(join(dir, 'content/2024/shili-jyj.yaml'), readFileSync(join(dir, FILE), 'utf8').replaceAll('2023', '2024').replaceAll('2024-0', '2025-0'));
    const again = build('--out', out);
    expect(again.status).toBe(0);
    expect(readFileSync(older, 'utf8')).not.toBe(olderPage);
    expect(readFileSync(older, 'utf8')).toContain('/reports/2024-shili-jyj/');
    // Every part of the earlier years is linked from the cache; only the new year's is indexed.
    expect(JSON.parse(readFileSync(join(out, 'pagefind/jixiao-parts.json'), 'utf8'))).toEqual([...parts, 'part-2024-1/']);
    expect(again.stdout).toContain(`搜索索引 ${parts.length + 2} 个分片中 ${parts.length + 1} 个未重建`);
    expect(searchRecord(out, '/reports/2024-shili-jyj/')).toContain('2024年度');

    const full = join(dir, 'full');
    expect(build('--out', full, '--no-cache').status).toBe(0);
    const [a, b] = [filesOf(out), filesOf(full)];
    expect([...a.keys()].sort()).toEqual([...b.keys()].sort());
    expect([...a.keys()].filter((f) => !a.get(f)!.equals(b.get(f)!))).toEqual([]);
  });

  it('builds right after `jixiao validate` without reading an unchanged report file again', () => {
    const dir = writeTree({ ...syntheticCorpus(), 'site.yaml': 'footer:\n  contact: 电话 020-11111111\n' });
    expect(runCli(['validate', '--content', join(dir, 'content')], dir).status).toBe(0);
    alterRemembered(dir, 7880.72, 7777.77);
    expect(runCli(['build', '--content', join(dir, 'content'), '--config', join(dir, 'site.yaml'), '--out', join(dir, 'dist')], dir).status).toBe(0);
    expect(readFileSync(join(dir, `dist/reports/${ID}/index.html`), 'utf8')).toContain('7,777.77');
    // --no-cache reads every file afresh.
    expect(runCli(['build', '--content', join(dir, 'content'), '--config', join(dir, 'site.yaml'), '--out', join(dir, 'dist'), '--no-cache'], dir).status).toBe(
      0,
    );
    expect(readFileSync(join(dir, `dist/reports/${ID}/index.html`), 'utf8')).toContain('7,880.72');
  });

  it('rebuilds every page when a site setting or the base path changes', () => {
    const dir = writeTree({ ...syntheticCorpus(), 'site.yaml': 'footer:\n  contact: 电话 020-11111111\n' });
    const out = join(dir, 'dist');
    const build = (...extra: string[]) =>
      runCli(['build', '--content', join(dir, 'content'), '--config', join(dir, 'site.yaml'), '--out', out, ...SMALL_PARTS, ...extra], dir);
    expect(build('--base', '/a/').status).toBe(0);
    const pages = htmlPages(out);
    expect(pages.length).toBeGreaterThan(20);
    for (const html of pages) expect(html).toContain('电话 020-11111111');

    // Settings play no part in what a report file decides: the next build takes the remembered
    // analyses (shown by altering one) and renders every page again with them.
    alterRemembered(dir, 7880.72, 7777.77);
    writeFileSync(join(dir, 'site.yaml'), 'footer:\n  contact: 电话 020-22222222\n');
    const footer = build('--base', '/a/');
    expect(footer.status).toBe(0);
    expect(footer.stdout).not.toContain('沿用上次生成的结果');
    expect(readFileSync(join(out, `reports/${ID}/index.html`), 'utf8')).toContain('7,777.77');
    // The cache of the old footer was moved aside and deleted while the build worked; none of it is left.
    expect(
      readdirSync(join(dir, '.jixiao-cache'))
        .filter((f) => !f.startsWith('reports-'))
        .sort(),
    ).toEqual(['dist', 'dist.replaced', 'dist.replaced.stamps.json', 'dist.stamps.json']); // stamps: src/output/manifest.ts
    const after = htmlPages(out);
    expect(after.length).toBe(pages.length);
    for (const html of after) {
      expect(html).toContain('电话 020-22222222');
      expect(html).not.toContain('电话 020-11111111');
    }

    const moved = build('--base', '/b/');
    expect(moved.status).toBe(0);
    expect(moved.stdout).not.toContain('沿用上次生成的结果');
    for (const html of htmlPages(out)) {
      expect(html).toContain('href="/b/');
      expect(html).not.toMatch(/(href|src)="\/a\//);
    }
  });
});
