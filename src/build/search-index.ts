/**
 * Search indexing: runs pagefind's Node API over the pages Astro wrote into the temporary build
 * folder, before the atomic swap (`astro build` would wipe a `pagefind/` folder written earlier).
 * Only report pages carry `data-pagefind-body`, and only the report folder is read, so nothing
 * else is indexed. The pages are indexed in parts (partsFor), each year's reports in parts of
 * their own: the first is `pagefind/`, the others `pagefind/part-<year>-<k>/`, listed in
 * `pagefind/jixiao-parts.json`; the browser merges them (pagefind's mergeIndex, which ranks the
 * merged results by score). Parts keep pagefind's memory bounded (~0.7 MB a report page: 6.9 GB
 * for one index of 10,000), let two pagefind processes use both cores, and make a rebuild cheap:
 * within its year a page belongs to a part by a hash of its report id, so after one report changed
 * only its part is indexed again, and a new year of reports makes parts of its own and leaves the
 * other years' parts as they were (when the parts were hashed over all years, 100 new reports fell
 * into every part: 14.0 s to index them again at 1,000 reports). Given a cache folder, a part whose
 * pages are byte for byte those of a part indexed before is linked in from there, while the others
 * are indexed, instead of indexed again (search-parts-cache.ts).
 */
import { createHash } from 'node:crypto';
import { readdir, rm, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { joinProblems } from '../errors/build-messages.ts';
import { say, UserError } from '../errors/user-error.ts';
import { silent, type OnProgress } from '../progress.ts';
import { startChild } from './child.ts';
import { diskFailure } from '../output/disk-errors.ts';
import { SearchPartsCache, type Part } from './search-parts-cache.ts';

export interface SearchIndexRun {
  /** The built site (Astro's outDir, still the temporary folder). */
  siteDir: string;
  /** Where the bundle goes, relative to the site; the search page loads it from here. */
  bundleDir?: string;
  /** Where finished parts are kept between builds (the build cache's search folder); none: index all. */
  cacheDir?: string | undefined;
  /** A search-index process started ahead (startIndexWorker): it takes the first group of parts. */
  worker?: IndexWorker | undefined;
  /** Report pages a part aims at (PART_SIZE by default); the build cache's key holds it. */
  partSize?: number | undefined;
  /** Pagefind processes at once (INDEX_WORKERS by default). */
  workers?: number | undefined;
  /** Told of each part done (linked from the cache or indexed). */
  progress?: OnProgress | undefined;
}

export interface SearchIndexResult {
  pages: number;
  bundleDir: string;
  /** Extra bundles beside the main one, relative to it (empty for a single part). */
  parts: string[];
  /** Parts copied from the cache instead of indexed. */
  reusedParts: number;
}

/** Report pages a search part aims at: small enough to index again in a few seconds. */
export const PART_SIZE = 250;
/** Parts a browser merges at most (each adds requests to a search), unless pages per part would pass MAX_PART_PAGES or there are more years. */
const MAX_PARTS = 16;
/** Pages per part at most: pagefind holds ~0.7 MB a page, two parts are indexed at once. */
const MAX_PART_PAGES = 1000;
/** The list of extra bundles the search page merges, inside the main bundle folder. */
export const PARTS_FILE = 'jixiao-parts.json';
/** Pagefind processes at once for a site of several parts: one per core, at most two (~0.8 GB each). */
const INDEX_WORKERS = Math.min(2, availableParallelism());

/**
 * Thrown with a message staff can act on; the build stops and the previous output stays. From
 * pagefind's own words (their first line), or why it gave none.
 */
export class SearchIndexFailed extends UserError {
  constructor(detail: string | { why: 'no-start' | 'silent-exit' }) {
    const line = (text: string) =>
      text
        .split('\n')
        .find((l) => l.trim())
        ?.trim()
        .slice(0, 200) ?? '';
    super(typeof detail === 'string' ? (diskFailure(detail) ?? say('SEARCH_FAILED', { detail: line(detail) })) : say('SEARCH_FAILED', detail));
  }
}

export const SEARCH_BUNDLE_DIR = 'pagefind';
const UNUSED_UI = [
  'pagefind-ui.js',
  'pagefind-ui.css',
  'pagefind-modular-ui.js',
  'pagefind-modular-ui.css',
  'pagefind-component-ui.js',
  'pagefind-component-ui.css',
  'pagefind-highlight.js',
];

export function buildSearchIndex(run: SearchIndexRun): Promise<SearchIndexResult> {
  return failOnSilentExit(indexReports(run));
}

const WORKER = new URL('./search-index-worker.mjs', import.meta.url);

/** A search-index process, started before its job. */
export type IndexWorker = ReturnType<typeof startChild<number>>;

/**
 * Starts a search-index process now, to be handed to buildSearchIndex: it loads its modules while
 * the pages are rendered (~0.3 s of every build otherwise spent after them).
 */
export function startIndexWorker(): IndexWorker {
  return startChild<number>(WORKER, 'search', { captureStderr: true });
}

async function indexReports(run: SearchIndexRun): Promise<SearchIndexResult> {
  const bundleDir = run.bundleDir ?? SEARCH_BUNDLE_DIR;
  const parts = partsFor(await reportPages(run.siteDir), bundleDir, run.partSize);
  const cache = run.cacheDir ? await SearchPartsCache.open(run.cacheDir, run.siteDir, bundleDir) : undefined;
  const todo: Part[] = [];
  const known: Part[] = [];
  for (const part of parts) (cache && (await cache.has(part)) ? known : todo).push(part);
  const progress = run.progress ?? silent;
  let done = known.length;
  progress({ stage: 'index', done, total: parts.length });
  const partDone = () => progress({ stage: 'index', done: ++done, total: parts.length });
  // Parts indexed before are linked in while pagefind indexes the others (pagefind writes its
  // own files and leaves the rest of the bundle folder alone). Both finish before any error is
  // passed on: the temporary folder is deleted then, and nothing may still be writing into it.
  const [indexing, restoring] = await Promise.allSettled([
    todo.length ? indexInProcesses(run.siteDir, todo, run.worker, run.workers ?? INDEX_WORKERS, partDone) : 0,
    (async () => {
      for (const part of known) await cache!.restore(part);
    })(),
  ]);
  if (indexing.status === 'rejected') throw indexing.reason;
  if (restoring.status === 'rejected') throw restoring.reason;
  const count = indexing.value + known.reduce((n, p) => n + p.pages.length, 0);
  if (cache) await cache.keep(todo);
  const extra = parts.slice(1).map((p) => `${p.dir.slice(bundleDir.length + 1)}/`);
  // A new file, never one written over: the bundle folder may hold hard links into the cache.
  await rm(join(run.siteDir, bundleDir, PARTS_FILE), { force: true });
  await writeFile(join(run.siteDir, bundleDir, PARTS_FILE), `${JSON.stringify(extra)}\n`);
  return { pages: count, bundleDir, parts: extra, reusedParts: known.length };
}

/**
 * The pages divided into parts, year by year: a year of n pages makes ceil(n / size) parts, a page
 * goes to one of them by a hash of its report id. The size is partSize, larger where the site would
 * otherwise pass MAX_PARTS parts in all (years with few reports make a part each all the same), and
 * never above MAX_PART_PAGES. A site of no more pages than that is one part. The first part is the
 * bundle the search page loads, and always exists.
 */
export function partsFor(pages: string[], bundleDir: string, partSize = PART_SIZE): Part[] {
  const size = Math.min(MAX_PART_PAGES, Math.max(partSize, Math.ceil(pages.length / MAX_PARTS)));
  if (pages.length <= size) return [{ pages, dir: bundleDir }];
  const years = new Map<string, string[]>();
  for (const page of pages) {
    const year = /^reports\/(\d{4})-/.exec(page)?.[1] ?? '';
    if (!years.has(year)) years.set(year, []);
    years.get(year)!.push(page);
  }
  const parts: Part[] = [];
  for (const [year, list] of [...years].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const buckets: string[][] = Array.from({ length: Math.ceil(list.length / size) }, () => []);
    for (const page of list) buckets[createHash('sha256').update(page).digest().readUInt32BE(0) % buckets.length]!.push(page);
    buckets.forEach((bucket, k) => {
      if (bucket.length) parts.push({ pages: bucket, dir: parts.length ? join(bundleDir, `part-${year || 'other'}-${k + 1}`) : bundleDir });
    });
  }
  return parts;
}

/**
 * One pagefind process for a few parts; two processes (two cores) for more. Always in child
 * processes: pagefind's binary writes panics to stderr, which the child captures.
 */
async function indexInProcesses(siteDir: string, parts: Part[], ready: IndexWorker | undefined, most: number, partDone: () => void): Promise<number> {
  const workers = Math.min(parts.length, Math.max(1, most));
  const groups = Array.from({ length: workers }, (_, w) => parts.filter((_, i) => i % workers === w));
  const counts = await Promise.all(groups.map((g, w) => (w === 0 && ready ? ready : startIndexWorker()).run({ siteDir, parts: g }, partDone)));
  return counts.reduce((a, b) => a + b, 0);
}

/**
 * Indexes parts one after another with one pagefind process; run in-process or by
 * search-index-worker.mjs. In the worker too a pagefind that dies without answering must become a
 * search-index error: the worker's event loop would otherwise just empty, and the build would
 * report a process that exited for no reason (it did so now and then when the binary could not run).
 */
export function indexParts(job: { siteDir: string; parts: Part[] }, progress: OnProgress = silent): Promise<number> {
  return failOnSilentExit(indexEach(job, progress));
}

async function indexEach(job: { siteDir: string; parts: Part[] }, progress: OnProgress): Promise<number> {
  const pagefind = await import('pagefind');
  try {
    let count = 0;
    for (const part of job.parts) {
      count += await indexPart(pagefind, job.siteDir, part.pages, part.dir);
      progress({ stage: 'index' }); // one part more: the build counts them (partDone)
    }
    return count;
  } catch (err) {
    if (err instanceof SearchIndexFailed) throw err;
    throw new SearchIndexFailed(err instanceof Error ? err.message : String(err));
  } finally {
    await pagefind.close().catch(() => undefined);
  }
}

type Pagefind = typeof import('pagefind');

async function indexPart(pagefind: Pagefind, siteDir: string, pages: string[], bundleDir: string): Promise<number> {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'zh-cn' });
  if (!index) throw new SearchIndexFailed(joinProblems(errors) || { why: 'no-start' });
  // One glob naming this part's pages: pagefind reads them itself, in parallel (handing it the
  // files one by one over its pipe took 9.0 s instead of 5.2 s for 1,000 reports).
  if (pages.length) {
    const glob = pages.length === 1 ? pages[0]! : `reports/{${pages.map((p) => p.split('/')[1]).join(',')}}/index.html`;
    const added = await index.addDirectory({ path: siteDir, glob });
    if (added.errors.length) throw new SearchIndexFailed(joinProblems(added.errors));
  }
  const written = await index.writeFiles({ outputPath: join(siteDir, bundleDir) });
  if (written.errors.length) throw new SearchIndexFailed(joinProblems(written.errors));
  await index.deleteIndex();
  // The search page uses pagefind's JS API only; its ready-made UIs would be dead weight.
  for (const ui of UNUSED_UI) await rm(join(siteDir, bundleDir, ui), { force: true });
  return pages.length;
}

/** Report pages, relative to the site, in a stable order (so parts and output are reproducible). */
async function reportPages(siteDir: string): Promise<string[]> {
  const ids = await readdir(join(siteDir, 'reports')).catch(() => [] as string[]);
  return ids.sort().map((id) => `reports/${id}/index.html`);
}

/**
 * If the pagefind binary dies without answering, its pending promises never settle and Node
 * would quietly run out of work; turn that into a build error instead.
 */
function failOnSilentExit<T>(work: Promise<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onExit = () => reject(new SearchIndexFailed({ why: 'silent-exit' }));
    process.once('beforeExit', onExit);
    work.then(resolve, reject).finally(() => process.off('beforeExit', onExit));
  });
}
