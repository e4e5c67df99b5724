// Two builds of the same content are byte-identical: every file of the output tree (pages,
// assets, open data, feed, sitemap, attachments, and the search index once the build makes
// one) — even when the content sits in another folder and the output goes elsewhere.
import { cpSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/build-site.ts';
import { publishFixture } from './fixture.ts';

function build(contentDir: string, config: string): string {
  const out = join(mkdtempSync(join(tmpdir(), 'jixiao-det-')), 'dist');
  const r = runCli(['build', '--content', contentDir, '--config', config, '--out', out]);
  if (r.status !== 0) throw new Error(`build failed:\n${r.stdout}\n${r.stderr}`);
  return out;
}

/** Every path under dir (folders end with /), in byte order. */
function tree(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .map((e) => `${join(e.parentPath, e.name).slice(dir.length + 1)}${e.isDirectory() ? '/' : ''}`)
    .sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
}

describe('byte-identical builds', () => {
  it('gives the same bytes for every file when the same content is built twice', () => {
    const fx = publishFixture();
    const copy = join(mkdtempSync(join(tmpdir(), 'jixiao-det-copy-')), 'elsewhere');
    cpSync(fx.dir, copy, { recursive: true });
    const a = build(fx.content, fx.config);
    const b = build(join(copy, 'content'), join(copy, 'site.yaml'));
    const files = tree(a);
    expect(tree(b)).toEqual(files);
    expect(files.filter((f) => f.endsWith('.html')).length).toBeGreaterThanOrEqual(4);
    expect(files).toEqual(
      expect.arrayContaining(['feed.xml', 'sitemap.xml', 'data/reports.csv', 'data/reports.xlsx', 'data/datapackage.json', 'pagefind/pagefind-entry.json']),
    );
    expect(files.filter((f) => f.startsWith('pagefind/fragment/')).length).toBeGreaterThan(0);
    const differing = files.filter((f) => !f.endsWith('/') && !readFileSync(join(a, f)).equals(readFileSync(join(b, f))));
    expect(differing).toEqual([]);
  });
});
