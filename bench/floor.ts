/**
 * The floor to compare against: a bare Astro site with one plain page per report holding the
 * same text (every string and number of the report, in order), indexed by pagefind. What any
 * Astro + pagefind site of this size costs on this machine; jixiao's overhead is the ratio.
 *
 * The rebuild floor is the same site under Astro 7's incremental build: its pages read the text
 * from a file at build time (`FLOOR_PAGES`), as jixiao's read the content, so a changed page
 * leaves the bundle as it was, and each page's cache key is the digest of its text. What a
 * rebuild after one changed page costs any Astro 7 site of this size, before its search index.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

function flatten(value: unknown, out: string[]): string[] {
  if (typeof value === 'string' || typeof value === 'number') out.push(String(value));
  else if (Array.isArray(value)) for (const v of value) flatten(v, out);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) flatten(v, out);
  return out;
}

/** Writes the floor project into `dir` (inside the repo, so `astro` resolves) for the report files given. */
export function writeFloorProject(dir: string, reportFiles: string[]): void {
  const pages = floorPages(reportFiles);
  mkdirSync(join(dir, 'src/pages'), { recursive: true });
  writeFileSync(join(dir, 'pages.json'), JSON.stringify(pages));
  writeFileSync(
    join(dir, 'astro.config.mjs'),
    "import { defineConfig } from 'astro/config';\nexport default defineConfig({ output: 'static', build: { format: 'directory' }, devToolbar: { enabled: false } });\n",
  );
  writeFileSync(
    join(dir, 'src/pages/[id].astro'),
    `---
import pages from '../../pages.json';
export function getStaticPaths() { return pages.map((p) => ({ params: { id: p.id }, props: { p } })); }
const { p } = Astro.props;
---
<html lang="zh-CN"><head><meta charset="utf-8"><title>{p.title}</title></head><body><main>{p.text.map((t) => <p>{t}</p>)}</main></body></html>
`,
  );
  writeFileSync(
    join(dir, 'src/pages/index.astro'),
    `---
import pages from '../../pages.json';
---
<html lang="zh-CN"><head><meta charset="utf-8"><title>floor</title></head><body><ul>{pages.map((p) => <li><a href={'/' + p.id + '/'}>{p.title}</a></li>)}</ul></body></html>
`,
  );
}

interface FloorPage {
  id: string;
  title: string;
  text: string[];
}

function floorPages(reportFiles: string[]): FloorPage[] {
  return reportFiles.map((file, i) => {
    const data = parse(readFileSync(file, 'utf8')) as { title?: string };
    return { id: `r${i}`, title: String(data.title ?? file), text: flatten(data, []) };
  });
}

/** The environment variable naming the rebuild floor's pages file. */
export const FLOOR_PAGES = 'FLOOR_PAGES';

/**
 * Writes the rebuild floor into `dir` (inside the repo, so `astro` resolves): its pages in
 * `pages.json`, read at build time from the file `FLOOR_PAGES` names; returns that file.
 */
export function writeRebuildFloorProject(dir: string, reportFiles: string[]): string {
  const pagesFile = join(dir, 'pages.json');
  mkdirSync(join(dir, 'src/pages'), { recursive: true });
  writeFileSync(pagesFile, JSON.stringify(floorPages(reportFiles)));
  writeFileSync(
    join(dir, 'astro.config.mjs'),
    "import { defineConfig } from 'astro/config';\nexport default defineConfig({ output: 'static', build: { format: 'directory' }, devToolbar: { enabled: false }, cacheDir: './cache', experimental: { incrementalBuild: true } });\n",
  );
  // Typed, so that `npm run typecheck` (astro check) passes with the project left in bench/out/.
  const type = 'type FloorPage = { id: string; title: string; text: string[] };';
  const read = `const pages: FloorPage[] = JSON.parse(readFileSync(process.env.${FLOOR_PAGES}!, 'utf8'));`;
  writeFileSync(
    join(dir, 'src/pages/[id].astro'),
    `---
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
${type}
export function getStaticPaths() {
  ${read}
  return pages.map((p) => ({ params: { id: p.id }, props: { p }, cacheKey: createHash('sha256').update(JSON.stringify(p)).digest('hex') }));
}
const { p } = Astro.props as { p: FloorPage };
---
<html lang="zh-CN"><head><meta charset="utf-8"><title>{p.title}</title></head><body><main>{p.text.map((t) => <p>{t}</p>)}</main></body></html>
`,
  );
  writeFileSync(
    join(dir, 'src/pages/index.astro'),
    `---
import { readFileSync } from 'node:fs';
${type}
${read}
---
<html lang="zh-CN"><head><meta charset="utf-8"><title>floor</title></head><body><ul>{pages.map((p) => <li><a href={'/' + p.id + '/'}>{p.title}</a></li>)}</ul></body></html>
`,
  );
  return pagesFile;
}

/** Changes one figure of the first page, as the bench changes one figure of one report. */
export function changeFirstFloorPage(pagesFile: string): void {
  const pages = JSON.parse(readFileSync(pagesFile, 'utf8')) as FloorPage[];
  const k = pages[0]!.text.findIndex((t) => /^\d+(\.\d+)?$/.test(t));
  pages[0]!.text[Math.max(k, 0)] += '1';
  writeFileSync(pagesFile, JSON.stringify(pages));
}
