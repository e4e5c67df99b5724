/**
 * The stages of src import only the stages below them, never one above and never a sibling they
 * should not know: a newcomer can read a stage knowing only what lies under it, and a change runs
 * one way. This parses every import of every file in src (static, dynamic and re-exports) and
 * fails on an import that runs back up. Imports that still do are listed in ALLOWED, each with its
 * reason; the list only shrinks: an entry whose import is gone fails too, until it is deleted.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { expect, test } from 'vitest';
import { ROOT } from './helpers/build-site.ts';

/**
 * Lowest first. A folder (or a file directly in src) may import its own stage and those before
 * it; within one stage, only what `SIBLINGS` allows.
 */
const STAGES: string[][] = [
  // the vocabulary: the schema (with its rules), number formatting, the TS loader, where jixiao
  // lives; the catalogue of messages; findings made from it, and the progress display of long
  // commands
  ['schema', 'number-format.ts', 'load-typescript.mjs', 'package-root.ts'],
  // text formats: Markdown to HTML (with the check of what would show raw), CSV as Excel reads it
  ['formats'],
  ['errors'],
  ['findings.ts', 'progress.ts'],
  // the output folder: which one may be replaced, its marker and the swap, folders made safely
  ['output'],
  // checks inside one report, then a content folder checked
  ['audit'],
  ['validate'],
  // what pages show, as values
  ['site'],
  // open data and the package
  ['publish'],
  // the one project loader (settings + content + rules)
  ['load'],
  // the adapter of what Astro offers only privately or through the process (src/astro)
  ['astro'],
  // the Astro site and the browser's code
  ['client', 'styles', 'components', 'layouts', 'pages'],
  // the commands' engines
  ['build', 'dev', 'preview', 'import'],
  // the command line
  ['cli'],
];

/** Which members of one stage may import which others (the Astro site's own layers). */
const SIBLINGS: Record<string, string[]> = {
  components: ['client', 'styles'],
  layouts: ['client', 'styles', 'components'],
  pages: ['client', 'styles', 'components', 'layouts'],
};

/**
 * Imports that still run back up, `from -> to` (files), each with why it is still here. Empty
 * since issue 29: every import runs down. An entry needs a written reason, and one whose import
 * is gone fails the test until it is deleted.
 */
const ALLOWED: Record<string, string> = {};

const rank = new Map(STAGES.flatMap((names, i) => names.map((n) => [n, i] as const)));
const stageOf = (file: string) => relative(join(ROOT, 'src'), file).split('/')[0]!;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return /\.(ts|mjs|astro)$/.test(e.name) ? [path] : [];
  });
}

/** Every relative import of a file: `import … from`, `export … from`, `import '…'`, `import('…')`. */
function importsOf(file: string): string[] {
  // Comment lines may show an import as an example: they are left out.
  const text = readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => !/^\s*(\/\/|\*|\/\*)/.test(line))
    .join('\n');
  const specs = [
    ...text.matchAll(/^\s*(?:import|export)\s[^'"`;]*?from\s*['"]([^'"]+)['"]/gm),
    ...text.matchAll(/^\s*import\s*['"]([^'"]+)['"]/gm),
    ...text.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g),
  ].map((m) => m[1]!);
  return specs.filter((s) => s.startsWith('.')).map((s) => normalize(join(dirname(file), s)));
}

function crossings(): string[] {
  const found: string[] = [];
  for (const file of sourceFiles(join(ROOT, 'src'))) {
    const from = stageOf(file);
    for (const target of importsOf(file)) {
      const to = stageOf(target);
      if (from === to || target.includes('/node_modules/')) continue;
      const [a, b] = [rank.get(from), rank.get(to)];
      if (a === undefined || b === undefined) throw new Error(`src/${a === undefined ? from : to} is in no stage of STAGES`);
      const allowed = b < a || (a === b && (SIBLINGS[from] ?? []).includes(to));
      if (!allowed) found.push(`${relative(ROOT, file)} -> ${relative(ROOT, target)}`);
    }
  }
  return [...new Set(found)].sort();
}

test('every folder of src is in a stage', () => {
  const listed = new Set(STAGES.flat());
  expect(readdirSync(join(ROOT, 'src')).filter((n) => !listed.has(n))).toEqual([]);
});

test('no import runs back up the stages, beyond the listed ones (which only shrink)', () => {
  expect(crossings()).toEqual(Object.keys(ALLOWED).sort());
});

test('the parser finds imports of every kind', () => {
  const found = importsOf(join(ROOT, 'src/cli/main.ts'));
  expect(found).toContain(join(ROOT, 'src/cli/commands.ts')); // import … from
  expect(found).toContain(join(ROOT, 'src/cli/validate.ts')); // import('…')
});
