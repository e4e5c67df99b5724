/**
 * The floors jixiao's speed is measured against (issue 33): bare Astro 7 + pagefind making the
 * same pages with the same text as jixiao's output. One floor page per jixiao page, at the same
 * path, holding the text read out of jixiao's HTML (every text node of its body, in order, a
 * paragraph each), the pages jixiao marks for the search index (`data-pagefind-body`) marked too.
 * Nothing of jixiao's is in it: no validation, no tables, no charts, no open data.
 *
 * Each page reads its text from a file at build time, as jixiao's pages read the content, so that
 * a changed text leaves Astro's bundle as it was; each page's cache key is the digest of its
 * text. Built from nothing it is the **same-pages floor**; under Astro 7's incremental build,
 * with some pages changed, plus pagefind over as many pages as one of jixiao's search parts holds,
 * it is the **rebuild floor**.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Parser } from 'htmlparser2';

interface FloorPage {
  /** The page's folder, relative to the site ('' for the home page), as jixiao wrote it. */
  path: string;
  /** Its text file, relative to the floor project. */
  text: string;
  indexed: boolean;
}

/** The text nodes of an HTML page's body (not its scripts and styles), and whether it is marked for the index. */
export function pageText(html: string): { lines: string[]; indexed: boolean } {
  const lines: string[] = [];
  let indexed = false;
  let body = false;
  let skip = 0;
  const parser = new Parser({
    onopentag(name, attrs) {
      if (name === 'body') body = true;
      if (name === 'script' || name === 'style' || name === 'template') skip++;
      if ('data-pagefind-body' in attrs) indexed = true;
    },
    onclosetag(name) {
      if (name === 'script' || name === 'style' || name === 'template') skip--;
    },
    ontext(text) {
      const t = text.trim();
      if (body && !skip && t) lines.push(t);
    },
  });
  parser.write(html);
  parser.end();
  return { lines, indexed };
}

/** The folders of jixiao's HTML pages (`reports/x` for reports/x/index.html), with the text of each, written into `dir/texts/`. */
function floorPages(site: string, dir: string): FloorPage[] {
  mkdirSync(join(dir, 'texts'), { recursive: true });
  const pages: FloorPage[] = [];
  const html = (readdirSync(site, { recursive: true }) as string[]).filter((f) => f.endsWith('index.html')).sort();
  for (const [k, file] of html.entries()) {
    const { lines, indexed } = pageText(readFileSync(join(site, file), 'utf8'));
    const text = `texts/${k}.txt`;
    writeFileSync(join(dir, text), lines.join('\n'));
    pages.push({ path: file.slice(0, -'index.html'.length).replace(/\/$/, ''), text, indexed });
  }
  return pages;
}

export interface FloorProject {
  dir: string;
  pages: number;
  /** Characters of text over all pages. */
  chars: number;
  /** The text files of the report pages (`reports/…`), to change for a rebuild. */
  reportTexts: string[];
}

/**
 * Writes the floor project into `dir` (inside the repo, so `astro` resolves) from jixiao's built
 * site; `incremental` for the rebuild floor (Astro's cache in `dir/cache`).
 */
export function writeFloorProject(dir: string, site: string, opts: { incremental: boolean }): FloorProject {
  const pages = floorPages(site, dir);
  mkdirSync(join(dir, 'src/pages'), { recursive: true });
  writeFileSync(join(dir, 'pages.json'), JSON.stringify(pages));
  const incremental = opts.incremental ? ", cacheDir: './cache', experimental: { incrementalBuild: true }" : '';
  writeFileSync(
    join(dir, 'astro.config.mjs'),
    `import { defineConfig } from 'astro/config';\nexport default defineConfig({ output: 'static', build: { format: 'directory' }, devToolbar: { enabled: false }${incremental} });\n`,
  );
  // Typed, so that `npm run typecheck` (astro check) passes with the project left in bench/out/.
  writeFileSync(
    join(dir, 'src/pages/[...path].astro'),
    `---
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
type FloorPage = { path: string; text: string; indexed: boolean };
export function getStaticPaths() {
  const root = ${JSON.stringify(dir)};
  const pages: FloorPage[] = JSON.parse(readFileSync(join(root, 'pages.json'), 'utf8'));
  return pages.map((p) => {
    const text = readFileSync(join(root, p.text), 'utf8');
    return { params: { path: p.path || undefined }, props: { p }, cacheKey: createHash('sha256').update(text).digest('hex') };
  });
}
const { p } = Astro.props as { p: FloorPage };
const lines = readFileSync(join(${JSON.stringify(dir)}, p.text), 'utf8').split('\\n');
---
<html lang="zh-CN"><head><meta charset="utf-8"><title>{lines[0]}</title></head><body>{p.indexed ? <main data-pagefind-body>{lines.map((t) => <p>{t}</p>)}</main> : <main>{lines.map((t) => <p>{t}</p>)}</main>}</body></html>
`,
  );
  let chars = 0;
  for (const p of pages) chars += readFileSync(join(dir, p.text), 'utf8').length;
  return { dir, pages: pages.length, chars, reportTexts: pages.filter((p) => p.path.startsWith('reports/')).map((p) => join(dir, p.text)) };
}

/** Changes the text of the first `count` report pages (a line added), as the bench changes reports. */
export function changeFloorPages(project: FloorProject, count: number, round: number): void {
  for (const file of project.reportTexts.slice(0, count)) {
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, `${text}\n${createHash('sha256').update(`${file}${round}`).digest('hex').slice(0, 8)}`);
  }
}
