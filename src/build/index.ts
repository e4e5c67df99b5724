/**
 * The site build as a library call. Into a temporary folder beside the output: the pages stage
 * (validate, Astro, published files) in a child process, then search indexing in parts; then the
 * temporary folder replaces the output. Any error leaves `outDir` exactly as it was.
 */
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { say, UserError } from '../errors/user-error.ts';
import type { Finding } from '../findings.ts';
import { SETTINGS_FILE } from '../site/settings-file.ts';
import { clearReplaced, outputStampsFile, removeOnThread, replacedOutputDir, sealBuildCache } from './build-cache.ts';
import { pagesHeapMB, runInChild } from './child.ts';
import { readStamps, stampsText, type Stamps } from '../output/manifest.ts';
import { PACKAGE_ROOT } from '../package-root.ts';
import type { PagesJob, PagesResult } from './pages.ts';
import { silent, type OnProgress } from '../progress.ts';

export interface BuildOptions {
  contentDir: string;
  outDir: string;
  /** Base path when served from a subdirectory, e.g. /xxgk/jxzp/ (site.yaml's base otherwise). */
  base?: string | undefined;
  /** Public site URL, for canonical links, the feed and the sitemap (site.yaml's url otherwise). */
  site?: string | undefined;
  /** Site settings file; site.yaml in the working directory by default. */
  settingsFile?: string | undefined;
  /** Refuse on any unacknowledged warning, missing site settings included. */
  strict?: boolean | undefined;
  /**
   * Reuse what the last build into the same output made for unchanged reports (pages, data
   * files, search-index parts): the cache in `.jixiao-cache/` beside the output, build-cache.ts.
   * On by default; the output is the same bytes either way.
   */
  cache?: boolean | undefined;
  /** Astro processes the pages are rendered in (src/build/shards.ts); by default two when the content fits. The output is the same bytes. */
  shards?: number | undefined;
  /** Astro bundles the site while the content is validated (pages.ts); by default from 2,000 report files. The output is the same bytes. */
  bundleEarly?: boolean | undefined;
  /** Report pages per search-index part (search-index.ts, 250 by default); smaller parts make a small site's index in several parts, as a large one's. */
  searchPartSize?: number | undefined;
  /** Pagefind processes at once (one per core, at most two, by default). */
  indexWorkers?: number | undefined;
  /** Told where the build has got: each stage, and its count (src/progress.ts draws it). */
  progress?: OnProgress | undefined;
  cwd?: string;
}

export interface BuildResult {
  findings: Finding[];
  /** Reports published (drafts excluded). */
  reports: number;
  drafts: number;
  pages: number;
  /** Seconds per stage: validate, astro, publish, index. */
  stages: Record<string, number>;
  /** What came from the build cache: report files not parsed again, search-index parts not rebuilt. */
  reused?: { reportFiles: number; searchParts: number; parts: number };
}

export class BuildRefused extends UserError {
  readonly findings: Finding[];
  constructor(findings: Finding[], errors: number, strictWarnings = 0) {
    super(errors ? say('BUILD_HAS_ERRORS', { errors }) : say('BUILD_STRICT', { warnings: strictWarnings }));
    this.findings = findings;
  }
}

export async function buildSite(opts: BuildOptions): Promise<BuildResult> {
  const cwd = opts.cwd ?? process.cwd();
  const progress = opts.progress ?? silent;
  const job: Omit<PagesJob, 'outDir'> = {
    contentDir: resolve(cwd, opts.contentDir),
    settingsPath: resolve(cwd, opts.settingsFile ?? SETTINGS_FILE),
    settingsRequired: opts.settingsFile !== undefined,
    cwd,
    base: opts.base,
    site: opts.site,
    strict: opts.strict,
    cacheFor: opts.cache === false ? undefined : resolve(cwd, opts.outDir),
    shards: opts.shards,
    bundleEarly: opts.bundleEarly,
    searchPartSize: opts.searchPartSize,
  };
  const outDir = resolve(cwd, opts.outDir);
  const { outputRefusal } = await import('../output/guard.ts');
  const refusal = await outputRefusal(outDir, { cwd, contentDir: job.contentDir, keep: [PACKAGE_ROOT] }, opts.outDir);
  if (refusal) throw new UserError(refusal);
  const { withAtomicOutput } = await import('../output/atomic.ts');
  const { buildSearchIndex, startIndexWorker } = await import('./search-index.ts');
  // What the last build replaced is deleted while this one works, and what this one replaces is
  // left for the next (a build without the cache deletes it at once).
  // Only what the build wrote is ever deleted (src/output/manifest.ts); the stamps of the files it
  // wrote, kept beside the cache, spare reading them all again.
  const replaced = job.cacheFor && replacedOutputDir(outDir);
  const clearing = replaced ? clearReplaced(replaced) : undefined;
  const stampsFile = outputStampsFile(outDir);
  const retire = replaced
    ? async (previous: string, stamps: Stamps) => {
        await clearing;
        await mkdir(dirname(replaced), { recursive: true });
        const moved = await rename(previous, replaced).then(
          () => true,
          () => false,
        );
        if (moved) await writeFile(`${replaced}.stamps.json`, stampsText(stamps));
        else await removeOnThread(previous); // checked just before the swap: only the build's files
      }
    : undefined;
  const known = job.cacheFor ? await readStamps(stampsFile) : undefined;
  const placed = job.cacheFor
    ? async (stamps: Stamps) => {
        await mkdir(dirname(stampsFile), { recursive: true });
        await writeFile(stampsFile, stampsText(stamps));
      }
    : undefined;
  const result = await withAtomicOutput(
    outDir,
    async (tmp) => {
      // The search-index process starts now and loads its modules while the pages are rendered.
      const worker = startIndexWorker();
      try {
        const pages = await runPagesStage({ ...job, outDir: tmp }, progress);
        if ('userError' in pages) throw new UserError(pages.userError);
        if (!pages.ok) throw new BuildRefused(pages.findings, pages.errors, pages.strict);
        const t0 = performance.now();
        const index = await buildSearchIndex({
          siteDir: tmp,
          cacheDir: pages.cache?.searchDir,
          worker,
          partSize: opts.searchPartSize,
          workers: opts.indexWorkers,
          progress,
        });
        pages.stages.index = (performance.now() - t0) / 1000;
        const reused = pages.cache?.warm
          ? { reportFiles: pages.cache.unchangedFiles, searchParts: index.reusedParts, parts: index.parts.length + 1 }
          : undefined;
        return { ...pages, ...(reused ? { reused } : {}) };
      } finally {
        worker.stop(); // unused (no part to index, or the build stopped); a worker that answered has exited
      }
    },
    { retire, known, placed, shownAs: opts.outDir },
  ).finally(() => clearing);
  if (result.cache) await sealBuildCache(result.cache);
  const { ok: _ok, cache: _cache, ...rest } = result;
  return rest;
}

/** Runs pages.ts in a child process, its heap sized to the content (pagesHeapMB), and waits for its answer. */
async function runPagesStage(job: PagesJob, progress: OnProgress): Promise<PagesResult> {
  const { findReportFiles } = await import('../validate/find-report-files.ts');
  const files = (await findReportFiles(job.contentDir).catch(() => [])).length;
  return runInChild<PagesResult>(new URL('./pages-worker.mjs', import.meta.url), job, 'pages', { heapMB: pagesHeapMB(files) }, progress);
}
