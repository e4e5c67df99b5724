/**
 * The floor to compare against: a bare Astro site with one plain page per report holding the
 * same text (every string and number of the report, in order), indexed by pagefind. What any
 * Astro + pagefind site of this size costs on this machine; jixiao's overhead is the ratio.
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
  const pages = reportFiles.map((file, i) => {
    const data = parse(readFileSync(file, 'utf8')) as { title?: string };
    return { id: `r${i}`, title: String(data.title ?? file), text: flatten(data, []) };
  });
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
