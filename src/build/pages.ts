/**
 * The pages stage of a build, run in a child process (pages-worker.mjs): validate the content,
 * render every page with Astro, finish the published files. Astro's memory goes back to the
 * system when the child exits, before pagefind indexes the pages.
 */
import { provideBuildContext, type BuildContext } from '../site/build-context.ts';
import type { Finding } from '../findings.ts';
import { isUserError, portableUserError, type Said } from '../errors/user-error.ts';
import { loadProject, loadProjectSettings, type LoadedSettings, type ProjectPlace } from '../load/project.ts';
import type { SiteSettings } from '../schema/index.ts';
import { buildKey, openBuildCache, unchangedFiles, unsealBuildCache, type BuildCache } from './build-cache.ts';
import { pagesHeapMB } from './child.ts';
import type { AstroRun } from './run-astro.ts';
import { startCollectionThread, writeCollectionFiles, type CollectionThread } from './collection-thread.ts';
import { normalizeBase, siteUrlProblem } from '../load/base.ts';
import { PACKAGE_ROOT } from '../package-root.ts';
import { reportDigests } from './report-digests.ts';
import { ReportMemo } from './report-memo.ts';
import { silent, type OnProgress } from '../progress.ts';
import { countReportPages } from './progress-count.ts';

export interface PagesJob {
  contentDir: string;
  outDir: string;
  settingsPath: string;
  /** True when the settings file was named (--config): then it must exist. */
  settingsRequired?: boolean | undefined;
  cwd: string;
  base?: string | undefined;
  site?: string | undefined;
  /** Refuse on any warning not acknowledged, as `validate --strict` does (missing site settings too). */
  strict?: boolean | undefined;
  /** The final output folder: its build cache (build-cache.ts) is used; none when absent. */
  cacheFor?: string | undefined;
  /** Astro processes to render the pages in (shards.ts); by default two when the content fits. */
  shards?: number | undefined;
  /** Astro bundles the site while the content is validated (when rendering in one process); by default from EARLY_ASTRO_FROM files. */
  bundleEarly?: boolean | undefined;
  /** Report pages per search-index part (search-index.ts), when not the default: part of the cache's key. */
  searchPartSize?: number | undefined;
}

/** What the parent needs to reuse search-index parts and to seal the cache after the swap. */
export interface PagesCache {
  dir: string;
  key: string;
  searchDir: string;
  warm: boolean;
  /** Report files this build read that the last one read too, byte for byte (unchangedFiles). */
  unchangedFiles: number;
}

export type PagesResult =
  | { ok: true; findings: Finding[]; reports: number; drafts: number; pages: number; stages: Record<string, number>; cache?: PagesCache }
  | { ok: false; findings: Finding[]; errors: number; strict?: number }
  | { ok: false; userError: Said | string };

export async function buildPages(job: PagesJob, progress: OnProgress = silent): Promise<PagesResult> {
  const stages: Record<string, number> = {};
  const timed = async <T>(name: string, work: () => Promise<T>): Promise<T> => {
    const t0 = performance.now();
    try {
      return await work();
    } finally {
      stages[name] = (performance.now() - t0) / 1000;
    }
  };
  const loaded = await loadProjectSettings(placeOf(job));
  const target = loaded.settings && whereTo(job, loaded.settings);
  const cache =
    job.cacheFor && target && !('userError' in target) ? await timed('cache', () => openCache(job, { settings: loaded.settings, ...target })) : undefined;
  const { findReportFiles } = await import('../validate/find-report-files.ts');
  const files = (await findReportFiles(job.contentDir).catch(() => [])).length;
  const { defaultShards, startShards } = await import('./shards.ts');
  const count = job.shards ?? defaultShards(files, { warm: cache?.warm ?? false });
  const shards = count > 1 ? startShards(count, pagesHeapMB(files)) : undefined;
  // Many files rendered in this process alone: Astro bundles the site while they are validated.
  const early =
    !shards && (job.bundleEarly ?? files >= EARLY_ASTRO_FROM) && target && !('userError' in target)
      ? startAstro({ root: PACKAGE_ROOT, outDir: job.outDir, ...target, cacheDir: cache?.astroDir })
      : undefined;
  try {
    return await pagesWith(job, { loaded, target, cache, stages, timed, progress, files }, shards ?? early);
  } finally {
    shards?.stop(); // when the build stopped before rendering; a child that answered has exited
    await early?.cancel(); // when the build stopped before rendering: Astro cleans up after itself
    await cache?.clearing; // this process ends when it answers
  }
}

/**
 * Report files from which Astro starts bundling before they are validated. With fewer, validation
 * ends while Astro is still loading, and nothing is gained (measured: docs/developing.md,
 * "Figures behind the code").
 */
const EARLY_ASTRO_FROM = 2000;

/** Where the pages are rendered: in other processes too (shards.ts), or by an Astro already bundling (startAstro). */
interface Renderer {
  render(astro: AstroRun, context: BuildContext): Promise<string[]>;
}

/**
 * Astro started before the content is validated: it bundles the site and waits for
 * `render` to hand it the content (run-astro.ts, contentReady), or for `cancel`. Meanwhile the
 * process's working folder is Astro's (runAstro changes it): validation and the cache use only
 * absolute paths and the job's cwd, never process.cwd().
 */
function startAstro(astro: AstroRun): Renderer & { cancel(): Promise<void> } {
  let go!: () => void;
  let stop!: (why: Error) => void;
  const contentReady = new Promise<void>((resolve, reject) => {
    go = resolve;
    stop = reject;
  });
  contentReady.catch(() => undefined); // cancelled before Astro waits for it
  const done = import('./run-astro.ts').then(({ runAstro }) => runAstro({ ...astro, contentReady }));
  done.catch(() => undefined); // seen by render, or ignored after cancel
  return {
    render(_astro, context) {
      provideBuildContext(context);
      go();
      return done;
    },
    async cancel() {
      stop(new Error('jixiao: the build stopped before rendering'));
      await done.catch(() => undefined);
    },
  };
}

const placeOf = (job: PagesJob): ProjectPlace => ({
  contentDir: job.contentDir,
  settingsPath: job.settingsPath,
  settingsRequired: job.settingsRequired,
  cwd: job.cwd,
});

interface Prepared {
  loaded: LoadedSettings;
  target: ReturnType<typeof whereTo> | undefined;
  cache: BuildCache | undefined;
  stages: Record<string, number>;
  timed: <T>(name: string, work: () => Promise<T>) => Promise<T>;
  progress: OnProgress;
  /** Report files in the content folder. */
  files: number;
}

async function pagesWith(job: PagesJob, prepared: Prepared, renderer: Renderer | undefined): Promise<PagesResult> {
  // Loading Astro overlaps with validation (run-astro.ts's import finds it loaded); if
  // validation fails, the process ends without waiting for it.
  void import('astro').catch(() => undefined);
  const collection = startCollectionThread();
  try {
    return await validateAndRender(job, prepared, renderer, collection);
  } finally {
    await collection.stop(); // ended already when it answered
  }
}

async function validateAndRender(
  job: PagesJob,
  { loaded, target, cache, stages, timed, progress, files }: Prepared,
  renderer: Renderer | undefined,
  collection: CollectionThread,
): Promise<PagesResult> {
  // The same memo as `jixiao validate` (report-memo.ts): a build right after it, or after a changed
  // setting, reads no unchanged file again.
  const memo = cache ? await ReportMemo.forContent(job.contentDir) : undefined;
  progress({ stage: 'validate', done: 0, total: files });
  const project = await timed('validate', () => loadProject(placeOf(job), { settings: loaded, memo }));
  progress({ stage: 'validate', done: files, total: files });
  const { verdict, findings, errors, open } = project;
  if (errors || !target) return { ok: false, findings, errors };
  if ('userError' in target) return { ok: false, userError: target.userError };
  if (job.strict && open) return { ok: false, findings, errors: 0, strict: open };
  const { base, site } = target;
  const { publicRoot } = await import('../publish/urls.ts');
  const siteUrl = site ? publicRoot(site, base) : undefined;
  // The pages read these values through src/site/build-context.ts: validated here, once.
  const provided = { base, siteUrl, settings: loaded.settings!, reports: verdict.reports, settingsFile: job.settingsPath, collectionFilesByBuild: true };
  // Made on another thread while Astro renders (collection-thread.ts), written after it. Handed
  // over first, so that the thread starts before the memo is saved: the files need no page keys.
  const collectionFiles = collection.make(provided);
  let pageDigests: { buildKey: string; digests: Map<string, string> } | undefined;
  let unchanged = 0;
  if (cache && memo) {
    await memo.save();
    await unsealBuildCache(cache); // Astro's cache and the search parts change from here on
    unchanged = await unchangedFiles(cache, memo.textKeys());
    pageDigests = { buildKey: cache.key, digests: await reportDigests(verdict.reports, memo) };
  }
  const context = { ...provided, pageDigests };
  const astro = { root: PACKAGE_ROOT, outDir: job.outDir, base, site, cacheDir: cache?.astroDir };
  const { runAstro } = await import('./run-astro.ts');
  const { finishSite } = await import('../publish/finish-site.ts');
  const published = verdict.reports.filter((r) => !r.report.draft).length;
  const counting = countReportPages(job.outDir, published, progress);
  const pages = await timed('astro', () => {
    if (renderer) return renderer.render(astro, context);
    provideBuildContext(context);
    return runAstro(astro);
  }).finally(() => counting.stop());
  progress({ stage: 'astro', done: published, total: published });
  progress({ stage: 'publish' });
  await timed('publish', async () => {
    await writeCollectionFiles(job.outDir, await collectionFiles);
    await finishSite({ dir: job.outDir, siteUrl, reports: verdict.reports });
  });
  const drafts = verdict.reports.length - published;
  const cached = cache && { dir: cache.dir, key: cache.key, searchDir: cache.searchDir, warm: cache.warm, unchangedFiles: unchanged };
  return { ok: true, findings, reports: verdict.reports.length - drafts, drafts, pages: pages.length, stages, ...(cached ? { cache: cached } : {}) };
}

/** The base path and site URL, from the command line or site.yaml, checked. */
function whereTo(job: PagesJob, settings: SiteSettings): { base: string; site: string | undefined } | { userError: Said | string } {
  let base: string;
  try {
    base = normalizeBase(job.base ?? settings.base);
  } catch (err) {
    if (!isUserError(err)) throw err;
    return { userError: portableUserError(err) };
  }
  const site = job.site ?? settings.url;
  const problem = site ? siteUrlProblem(site) : undefined;
  if (problem) return { userError: problem };
  return { base, site };
}

/** Opens the output's build cache under a key of everything but the content (build-cache.ts). */
async function openCache(job: PagesJob, inputs: Record<string, unknown>) {
  const key = await buildKey({ ...inputs, contentDir: job.contentDir, cwd: job.cwd, partSize: job.searchPartSize ?? null });
  return openBuildCache(job.cacheFor!, key);
}
