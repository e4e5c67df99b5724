/**
 * `npm run bench -- [--reports 1000,10000] [--rows full,change,year,validate] [--no-browser] [--keep]`:
 * each row of issue 33's table as a ratio to its floor, built in the same run (bench/floor.ts),
 * because absolute times on these shared machines swing by 2× from one hour to the next.
 *
 * For each size: N synthetic reports (bench/generate-reports.ts, names marked 虚构) are validated
 * and built by the real CLI (`node bin/jixiao.mjs`, its stage times from `build --json`);
 * - full: the build from nothing against the same-pages floor (bare Astro 7 + pagefind making one
 *   page per jixiao page with its text), and the peak memory of the build's process tree;
 * - change: one figure of one report changed, validated and built again into the same output,
 *   against the rebuild floor (the floor under Astro's incremental build with one page changed,
 *   plus pagefind over as many pages as one of jixiao's search parts holds);
 * - year: a new year of 100 reports added, validated and built again, against the rebuild floor
 *   with 100 pages changed;
 * - validate: `jixiao validate` after one changed file, against `node -e` reading every report file.
 * Then page weights and, with chromium, the cost of a search. Figures, not assertions.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { changeFloorPages, writeFloorProject, type FloorProject } from './floor.ts';
import { generateReports } from './generate-reports.ts';
import { measure, type Measured } from './measure.ts';
import { pageWeight } from './page-weight.ts';
import { searchCost } from './search-cost.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const BIN = join(ROOT, 'bin/jixiao.mjs');
const ASTRO = join(ROOT, 'node_modules/.bin/astro');
const PAGEFIND = join(ROOT, 'node_modules/.bin/pagefind');
const ASTRO_ENV = { ASTRO_TELEMETRY_DISABLED: '1' };

// Strict: an option the bench does not know (a typo, `--help`) stops it before minutes of work.
const USAGE = 'npm run bench -- [--reports 1000,10000] [--rows full,change,year,validate] [--no-browser] [--keep]';
let options: ReturnType<typeof readOptions>;
function readOptions() {
  return parseArgs({
    options: {
      reports: { type: 'string', default: '1000' },
      rows: { type: 'string', default: 'full,change,year,validate' },
      'no-browser': { type: 'boolean', default: false },
      keep: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  }).values;
}
try {
  options = readOptions();
} catch (err) {
  console.error(`${(err as Error).message}\nusage: ${USAGE}`);
  process.exit(2);
}
if (options.help) {
  console.log(`usage: ${USAGE}`);
  process.exit(0);
}
const SIZES = options.reports.split(',').map(Number);
const ROWS = new Set(options.rows.split(','));
const skipBrowser = options['no-browser'];
const NEW_YEAR = { year: 2025, reports: 100 };

const fmt = (n: number, d = 1) => n.toFixed(d);
const row = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;

function ok(m: Measured, what: string): Measured {
  if (m.status !== 0) throw new Error(`${what} failed:\n${m.stdout.slice(-2000)}\n${m.stderr.slice(-2000)}`);
  return m;
}

interface Built {
  m: Measured;
  stages: Record<string, number>;
}

async function jixiaoBuild(content: string, out: string, what: string): Promise<Built> {
  const m = ok(await measure(process.execPath, [BIN, 'build', '--content', content, '--out', out, '--json']), what);
  return { m, stages: (JSON.parse(m.stdout) as { stages: Record<string, number> }).stages };
}

const validate = async (content: string, what: string) => ok(await measure(process.execPath, [BIN, 'validate', '--content', content, '--quiet']), what);

function writeFiles(dir: string, files: Record<string, string>): void {
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), text);
  }
}

const reportFiles = (content: string) =>
  (readdirSync(content, { recursive: true }) as string[])
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => join(content, f));

/** Bare Astro over the floor project, then pagefind: over the whole site, or over `glob`. */
async function floorBuild(project: FloorProject, glob?: string): Promise<{ astro: Measured; index: Measured; seconds: number; peakMB: number }> {
  const astro = ok(await measure(ASTRO, ['build', '--root', project.dir, '--silent'], { env: ASTRO_ENV }), 'floor build');
  const index = ok(await measure(PAGEFIND, ['--site', join(project.dir, 'dist'), ...(glob ? ['--glob', glob] : []), '--silent']), 'floor index');
  return { astro, index, seconds: astro.seconds + index.seconds, peakMB: Math.max(astro.peakMB, index.peakMB) };
}

interface Ratio {
  measure: string;
  jixiao: number;
  floor: number;
  detail: string;
  target: number;
}
const ratioRow = (r: Ratio) => {
  const ratio = r.jixiao / r.floor;
  const s = (x: number) => fmt(x, x < 1 ? 2 : 1);
  return row([r.measure, s(r.jixiao), s(r.floor), `**${fmt(ratio, 2)}×**`, `≤ ${r.target}× ${ratio <= r.target ? '✓' : '✗'}`, r.detail]);
};
const stagesText = (stages: Record<string, number>) =>
  Object.entries(stages)
    .map(([k, v]) => `${k} ${fmt(v)}`)
    .join(', ');

async function benchSize(N: number): Promise<string[]> {
  const work = join(tmpdir(), `jixiao-bench-${N}`);
  rmSync(work, { recursive: true, force: true });
  const content = join(work, 'content');
  writeFiles(work, generateReports({ count: N, seed: 1 }));
  await validate(content, 'validate');
  // The full build reads every report file, as the first build after an upgrade of jixiao does:
  // the memo `validate` has just written (report-memo.ts) would spare it that, so it goes.
  for (const f of readdirSync(join(work, '.jixiao-cache'))) if (f.startsWith('reports-')) rmSync(join(work, '.jixiao-cache', f));
  const out = join(work, 'dist');
  const ratios: Ratio[] = [];
  const notes: string[] = [];
  const build = await jixiaoBuild(content, out, 'build');
  notes.push(`build stages: ${stagesText(build.stages)}; peak ${fmt(build.m.peakMB, 0)} MB`);

  const floorDir = join(ROOT, 'bench/out/floor');
  const rebuildDir = join(ROOT, 'bench/out/floor-rebuild');
  rmSync(floorDir, { recursive: true, force: true });
  rmSync(rebuildDir, { recursive: true, force: true });
  if (ROWS.has('full')) {
    const floor = writeFloorProject(floorDir, out, { incremental: false });
    const f = await floorBuild(floor);
    ratios.push({
      measure: `full build, ${N} reports, against the same-pages floor`,
      jixiao: build.m.seconds,
      floor: f.seconds,
      target: 1.2,
      detail: `floor: Astro ${fmt(f.astro.seconds)} + pagefind ${fmt(f.index.seconds)} s over ${floor.pages} pages, ${(floor.chars / 1e6).toFixed(1)} M characters`,
    });
    notes.push(
      `peak memory of the build, process tree: ${fmt(build.m.peakMB / 1024, 2)} GB (≤ 2 GB ${build.m.peakMB <= 2048 ? '✓' : '✗'}); floor ${fmt(f.peakMB / 1024, 2)} GB`,
    );
  }

  // The rebuild floor: the same pages under Astro's incremental build, built once now.
  const needRebuildFloor = ROWS.has('change') || ROWS.has('year');
  const rebuildFloor = needRebuildFloor ? writeFloorProject(rebuildDir, out, { incremental: true }) : undefined;
  if (rebuildFloor) ok(await measure(ASTRO, ['build', '--root', rebuildDir, '--silent'], { env: ASTRO_ENV }), 'rebuild floor, first build');
  const partsFile = join(out, 'pagefind/jixiao-parts.json');
  const onePart = () => {
    const parts = (JSON.parse(readFileSync(partsFile, 'utf8')) as string[]).length + 1;
    const reportPages = readdirSync(join(out, 'reports')).length;
    const pages = Math.ceil(reportPages / parts);
    const names = readdirSync(join(rebuildDir, 'dist/reports')).sort().slice(0, pages);
    return { pages, parts, glob: `reports/{${names.join(',')}}/index.html` };
  };

  // One report changed: a figure of the first report file; staff validate, then build.
  const changed = reportFiles(content)[0]!;
  const before = readFileSync(changed, 'utf8');
  const after = before.replace(/^( {2}spent: )(\d+)\.(\d+)$/m, (_, key: string, int: string, dec: string) => `${key}${Number(int) + 1}.${dec}`);
  if (after === before) throw new Error(`no budget.spent line to change in ${changed}`);
  writeFileSync(changed, after);
  const revalidate = await validate(content, 'validate, one change');
  if (ROWS.has('validate')) {
    const read = `const fs=require('fs'),p=require('path');let n=0;for(const f of fs.readdirSync(${JSON.stringify(content)},{recursive:true}))if(f.endsWith('.yaml'))n+=fs.readFileSync(p.join(${JSON.stringify(content)},f)).length;`;
    const floor = ok(await measure(process.execPath, ['-e', read]), 'validate floor');
    ratios.push({
      measure: `jixiao validate of one changed file, ${N} reports, against node start-up + reading the files`,
      jixiao: revalidate.seconds,
      floor: floor.seconds,
      target: 3,
      detail: `floor: node -e reading ${N} report files`,
    });
  }
  if (ROWS.has('change') || ROWS.has('year')) {
    const rebuild = await jixiaoBuild(content, out, 'rebuild, one report changed');
    changeFloorPages(rebuildFloor!, 1, 1);
    const part = onePart();
    const f = await floorBuild(rebuildFloor!, part.glob);
    if (ROWS.has('change'))
      ratios.push({
        measure: `one report changed, ${N} reports, against the rebuild floor`,
        jixiao: rebuild.m.seconds,
        floor: f.seconds,
        target: 1.1,
        detail: `jixiao: ${stagesText(rebuild.stages)}; floor: Astro incremental ${fmt(f.astro.seconds)} + pagefind over ${part.pages} pages (one of ${part.parts} parts) ${fmt(f.index.seconds)} s`,
      });
  }
  if (ROWS.has('year')) {
    writeFiles(work, generateReports({ count: NEW_YEAR.reports, seed: 2, years: [NEW_YEAR.year] }));
    await validate(content, 'validate, a new year');
    const added = await jixiaoBuild(content, out, 'rebuild, a new year');
    changeFloorPages(rebuildFloor!, NEW_YEAR.reports, 2);
    const part = onePart();
    const f = await floorBuild(rebuildFloor!, part.glob);
    ratios.push({
      measure: `a new year of ${NEW_YEAR.reports} reports added to ${N}, against the rebuild floor with ${NEW_YEAR.reports} pages changed`,
      jixiao: added.m.seconds,
      floor: f.seconds,
      target: 1.2,
      detail: `jixiao: ${stagesText(added.stages)}; floor: Astro incremental ${fmt(f.astro.seconds)} + pagefind over ${part.pages} pages ${fmt(f.index.seconds)} s`,
    });
  }

  const someReport = readdirSync(join(out, 'reports')).sort()[0]!;
  const reportW = pageWeight(out, '/', `reports/${someReport}`);
  const homeW = pageWeight(out, '/', '');
  notes.push(`report page gzip ${reportW.html} + ${reportW.css} + ${reportW.js} = ${reportW.total} B; home page ${homeW.total} B`);
  if (!skipBrowser && statSync('/usr/bin/chromium', { throwIfNoEntry: false })) {
    const { serve, launch } = await import('../test/browser/harness.ts');
    const served = await serve(out, '/');
    const browser = await launch();
    try {
      const s = await searchCost(browser, served.url, '预算执行率', '充电桩');
      notes.push(
        `first search “预算执行率” (${s.results} results) ${fmt(s.firstKB)} KB, ${fmt(s.firstMs, 0)} ms; repeated “充电桩” ${fmt(s.repeatKB)} KB, ${fmt(s.repeatMs, 0)} ms`,
      );
    } finally {
      await browser.close();
      await served.close();
    }
  }
  if (!options.keep) rmSync(work, { recursive: true, force: true });
  return [
    `## jixiao bench — ${N} reports`,
    '',
    row(['measure', 'jixiao s', 'floor s', 'ratio', 'target', 'behind it']),
    row(['---', '---:', '---:', '---:', '---', '---']),
    ...ratios.map(ratioRow),
    '',
    ...notes.map((n) => `- ${n}`),
    '',
  ];
}

async function main() {
  const started = new Date().toISOString();
  const lines: string[] = [];
  for (const N of SIZES) lines.push(...(await benchSize(N)));
  console.log(lines.join('\n'));
  console.log(
    `started ${started}; machine: ${cpus().length} × ${cpus()[0]?.model ?? '?'}, ${(totalmem() / 2 ** 30).toFixed(0)} GB, Node ${process.versions.node}, load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
