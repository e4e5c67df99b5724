/**
 * `npm run bench -- --reports N`: generates N synthetic reports (names marked 虚构) into a
 * temporary folder, runs validate, the site build and the indexing, and the same for a bare
 * Astro + pagefind floor; then changes one figure of one report and builds again into the same
 * output (the build cache at work), and does the same to the floor under Astro's incremental build,
 * its index limited to the pages of one of jixiao's search parts (the rebuild floor); prints seconds per stage, peak memory, output size, page
 * counts, page weights and search cost. Figures, not assertions: these machines are noisy.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { changeFirstFloorPage, FLOOR_PAGES, writeFloorProject, writeRebuildFloorProject } from './floor.ts';
import { generateReports } from './generate-reports.ts';
import { measure } from './measure.ts';
import { pageWeight } from './page-weight.ts';
import { searchCost } from './search-cost.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const BIN = join(ROOT, 'bin/jixiao.mjs');

function arg(name: string, fallback?: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
}
const N = Number(arg('reports', '1000'));
const skipFloor = process.argv.includes('--no-floor');
const skipBrowser = process.argv.includes('--no-browser');

function dirStats(dir: string): { mb: number; files: number; pages: number } {
  let bytes = 0,
    files = 0,
    pages = 0;
  for (const f of readdirSync(dir, { recursive: true }) as string[]) {
    const s = statSync(join(dir, f));
    if (!s.isFile()) continue;
    bytes += s.size;
    files++;
    if (f.endsWith('.html')) pages++;
  }
  return { mb: bytes / 1048576, files, pages };
}

const fmt = (n: number, d = 1) => n.toFixed(d);
const row = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;

async function main() {
  const work = join(tmpdir(), `jixiao-bench-${N}`);
  rmSync(work, { recursive: true, force: true });
  const content = join(work, 'content');
  const t = performance.now();
  const files = generateReports({ count: N, seed: 1 });
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(dirname(join(content, rel)), { recursive: true });
    writeFileSync(join(content, rel), text);
  }
  const genSeconds = (performance.now() - t) / 1000;
  console.log(`generated ${Object.keys(files).length} reports in ${fmt(genSeconds)} s → ${content}`);

  const validate = await measure(process.execPath, [BIN, 'validate', '--content', content]);
  if (validate.status !== 0) throw new Error(`validate failed:\n${validate.stdout.slice(-2000)}\n${validate.stderr.slice(-2000)}`);

  // The full build reads every report file, as the first build after an upgrade of jixiao does:
  // the memo `validate` has just written (report-memo.ts) would spare it that, so it goes first.
  for (const f of readdirSync(join(work, '.jixiao-cache'))) if (f.startsWith('reports-')) rmSync(join(work, '.jixiao-cache', f));
  const out = join(work, 'dist');
  const build = await measure(process.execPath, [BIN, 'build', '--content', content, '--out', out, '--json']);
  if (build.status !== 0) throw new Error(`build failed:\n${build.stdout.slice(-2000)}\n${build.stderr.slice(-2000)}`);
  const { stages } = JSON.parse(build.stdout) as { stages: Record<string, number> };
  const site = dirStats(out);

  // One report changed: a figure of the first report file, then the same build again.
  const changedFile = (readdirSync(content, { recursive: true }) as string[]).filter((f) => f.endsWith('.yaml')).sort()[0]!;
  const before = readFileSync(join(content, changedFile), 'utf8');
  const after = before.replace(/^( {2}spent: )(\d+)\.(\d+)$/m, (_, key: string, int: string, dec: string) => `${key}${Number(int) + 1}.${dec}`);
  if (after === before) throw new Error(`no budget.spent line to change in ${changedFile}`);
  writeFileSync(join(content, changedFile), after);
  // Staff check again before building: unchanged files' answers are remembered (report-memo.ts).
  const revalidate = await measure(process.execPath, [BIN, 'validate', '--content', content]);
  if (revalidate.status !== 0) throw new Error(`validate failed:\n${revalidate.stdout.slice(-2000)}\n${revalidate.stderr.slice(-2000)}`);
  const rebuild = await measure(process.execPath, [BIN, 'build', '--content', content, '--out', out, '--json']);
  if (rebuild.status !== 0) throw new Error(`rebuild failed:\n${rebuild.stdout.slice(-2000)}\n${rebuild.stderr.slice(-2000)}`);
  const rebuilt = JSON.parse(rebuild.stdout) as { stages: Record<string, number>; reused?: unknown };
  const reused = JSON.stringify(rebuilt.reused ?? '(nothing reused)');
  const rebuildStages = rebuilt.stages;

  let floor: { seconds: number; peakMB: number; astro: number; index: number; mb: number; pages: number } | undefined;
  if (!skipFloor) {
    const floorDir = join(ROOT, 'bench/out/floor');
    rmSync(floorDir, { recursive: true, force: true });
    const reportFiles = (readdirSync(content, { recursive: true }) as string[]).filter((f) => f.endsWith('.yaml')).map((f) => join(content, f));
    writeFloorProject(floorDir, reportFiles);
    const astro = await measure(join(ROOT, 'node_modules/.bin/astro'), ['build', '--root', floorDir, '--silent'], { env: { ASTRO_TELEMETRY_DISABLED: '1' } });
    if (astro.status !== 0) throw new Error(`floor build failed: ${astro.stderr.slice(-2000)}`);
    const index = await measure(join(ROOT, 'node_modules/.bin/pagefind'), ['--site', join(floorDir, 'dist'), '--silent']);
    if (index.status !== 0) throw new Error(`floor index failed: ${index.stderr.slice(-2000)}`);
    const s = dirStats(join(floorDir, 'dist'));
    floor = {
      seconds: astro.seconds + index.seconds,
      peakMB: Math.max(astro.peakMB, index.peakMB),
      astro: astro.seconds,
      index: index.seconds,
      mb: s.mb,
      pages: s.pages,
    };
  }

  // The rebuild floor: the same pages under Astro's incremental build, built once, one page
  // changed, built again; then pagefind over as many pages as one of jixiao's search parts holds
  // (what jixiao indexes again after one report changed).
  let floorRebuild: { astro: number; index: number; indexPages: number; parts: number } | undefined;
  if (!skipFloor) {
    const dir = join(ROOT, 'bench/out/floor-rebuild');
    rmSync(dir, { recursive: true, force: true });
    const reportFiles = (readdirSync(content, { recursive: true }) as string[]).filter((f) => f.endsWith('.yaml')).map((f) => join(content, f));
    const pagesFile = writeRebuildFloorProject(dir, reportFiles);
    const astroArgs = ['build', '--root', dir, '--silent'];
    const env = { ASTRO_TELEMETRY_DISABLED: '1', [FLOOR_PAGES]: pagesFile };
    const first = await measure(join(ROOT, 'node_modules/.bin/astro'), astroArgs, { env });
    if (first.status !== 0) throw new Error(`rebuild floor, first build failed: ${first.stderr.slice(-2000)}`);
    changeFirstFloorPage(pagesFile);
    const astro = await measure(join(ROOT, 'node_modules/.bin/astro'), astroArgs, { env });
    if (astro.status !== 0) throw new Error(`rebuild floor failed: ${astro.stderr.slice(-2000)}`);
    const parts = (JSON.parse(readFileSync(join(out, 'pagefind/jixiao-parts.json'), 'utf8')) as string[]).length + 1;
    const indexPages = Math.ceil(readdirSync(join(out, 'reports')).length / parts);
    const glob = `{${Array.from({ length: indexPages }, (_, i) => `r${i}`).join(',')}}/index.html`;
    const index = await measure(join(ROOT, 'node_modules/.bin/pagefind'), ['--site', join(dir, 'dist'), '--glob', glob, '--silent']);
    if (index.status !== 0) throw new Error(`rebuild floor index failed: ${index.stderr.slice(-2000)}`);
    floorRebuild = { astro: astro.seconds, index: index.seconds, indexPages, parts };
  }

  const someReport = readdirSync(join(out, 'reports'))[0]!;
  const reportW = pageWeight(out, '/', `reports/${someReport}`);
  const homeW = pageWeight(out, '/', '');

  let search: Awaited<ReturnType<typeof searchCost>> | undefined;
  if (!skipBrowser && existsSync('/usr/bin/chromium')) {
    const { serve, launch } = await import('../test/browser/harness.ts');
    const served = await serve(out, '/');
    const browser = await launch();
    try {
      search = await searchCost(browser, served.url, '预算执行率', '充电桩');
    } finally {
      await browser.close();
      await served.close();
    }
  }

  const lines = [
    `## jixiao bench — ${N} reports`,
    '',
    row(['stage', 'seconds', 'peak MB']),
    row(['---', '---:', '---:']),
    row(['generate (not part of the pipeline)', fmt(genSeconds), '']),
    row(['validate', fmt(validate.seconds), fmt(validate.peakMB, 0)]),
    row(['validate again, one report changed', fmt(revalidate.seconds), fmt(revalidate.peakMB, 0)]),
    ...Object.entries(stages).map(([k, v]) => row([`build: ${k}`, fmt(v), ''])),
    row(['**build total (validate + Astro + index + swap)**', fmt(build.seconds), fmt(build.peakMB, 0)]),
    ...Object.entries(rebuildStages).map(([k, v]) => row([`rebuild: ${k}`, fmt(v), ''])),
    row([`**rebuild after one report changed** (${changedFile})`, fmt(rebuild.seconds), fmt(rebuild.peakMB, 0)]),
    ...(floor
      ? [
          row(['floor: bare Astro', fmt(floor.astro), '']),
          row(['floor: pagefind', fmt(floor.index), '']),
          row(['**floor total**', fmt(floor.seconds), fmt(floor.peakMB, 0)]),
          row(['**ratio build ÷ floor**', fmt(build.seconds / floor.seconds, 2), '']),
        ]
      : []),
    ...(floorRebuild
      ? [
          row(['rebuild floor: bare Astro, incremental, one page changed', fmt(floorRebuild.astro), '']),
          row([
            `rebuild floor: pagefind over ${floorRebuild.indexPages} pages (one of jixiao's ${floorRebuild.parts} search parts)`,
            fmt(floorRebuild.index),
            '',
          ]),
          row(['**rebuild floor total**', fmt(floorRebuild.astro + floorRebuild.index), '']),
          row(['**ratio rebuild ÷ rebuild floor**', fmt(rebuild.seconds / (floorRebuild.astro + floorRebuild.index), 2), '']),
        ]
      : []),
    '',
    row(['output', 'jixiao', ...(floor ? ['floor'] : [])]),
    row(['---', '---:', ...(floor ? ['---:'] : [])]),
    row(['pages (HTML files)', site.pages, ...(floor ? [floor.pages] : [])]),
    row(['files', site.files, ...(floor ? [''] : [])]),
    row(['size MB', fmt(site.mb), ...(floor ? [fmt(floor.mb)] : [])]),
    '',
    row(['page (gzip bytes)', 'HTML', 'CSS', 'JS', 'total']),
    row(['---', '---:', '---:', '---:', '---:']),
    row([`report page (${someReport})`, reportW.html, reportW.css, reportW.js, reportW.total]),
    row(['home page', homeW.html, homeW.css, homeW.js, homeW.total]),
    ...(search
      ? [
          '',
          row(['search in chromium', 'KB moved', 'ms']),
          row(['---', '---:', '---:']),
          row([`first search “预算执行率” (${search.results} results)`, fmt(search.firstKB), fmt(search.firstMs, 0)]),
          row(['repeated search “充电桩”', fmt(search.repeatKB), fmt(search.repeatMs, 0)]),
        ]
      : []),
  ];
  console.log(lines.join('\n'));
  console.log(
    `\nrebuild: ${reused}\nmachine: ${cpus().length} × ${cpus()[0]?.model ?? '?'}, ${(totalmem() / 2 ** 30).toFixed(0)} GB, Node ${process.versions.node}, load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  if (!process.argv.includes('--keep')) rmSync(work, { recursive: true, force: true });
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
