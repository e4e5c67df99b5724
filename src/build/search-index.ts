/**
 * Search indexing: runs pagefind's Node API over the pages Astro wrote into the temporary build
 * folder, before the atomic swap (`astro build` would wipe a `pagefind/` folder written earlier).
 * Only report pages carry `data-pagefind-body`, and only the report folder is read, so nothing
 * else is indexed. Memory grows with the pages in one index (~0.34 MB each, in the pagefind
 * process); a very large site could index by year into separate bundles and merge them in the
 * browser (pagefind's mergeIndex) — `glob` and `bundleDir` are the seams for that.
 */
import { rm } from 'node:fs/promises';
import { join } from 'node:path';

export interface SearchIndexRun {
  /** The built site (Astro's outDir, still the temporary folder). */
  siteDir: string;
  /** Pages to index, relative to the site. */
  glob?: string;
  /** Where the bundle goes, relative to the site; the search page loads it from here. */
  bundleDir?: string;
}

export interface SearchIndexResult {
  pages: number;
  bundleDir: string;
}

/** Thrown with a message staff can act on; the build stops and the previous output stays. */
export class SearchIndexFailed extends Error {
  userFacing = true;
  constructor(detail: string) {
    super(`生成站内搜索索引失败，未更新网站；原有输出保持不变。原因：${detail}`);
  }
}

export const SEARCH_BUNDLE_DIR = 'pagefind';
const REPORT_PAGES = 'reports/**/index.html';
const UNUSED_UI = ['pagefind-ui.js', 'pagefind-ui.css', 'pagefind-modular-ui.js', 'pagefind-modular-ui.css', 'pagefind-component-ui.js', 'pagefind-component-ui.css', 'pagefind-highlight.js'];

export function buildSearchIndex(run: SearchIndexRun): Promise<SearchIndexResult> {
  return failOnSilentExit(indexReports(run));
}

async function indexReports(run: SearchIndexRun): Promise<SearchIndexResult> {
  const bundleDir = run.bundleDir ?? SEARCH_BUNDLE_DIR;
  const pagefind = await import('pagefind');
  try {
    const { index, errors } = await pagefind.createIndex({ forceLanguage: 'zh-cn' });
    if (!index) throw new SearchIndexFailed(errors.join('；') || '无法启动 pagefind');
    const added = await index.addDirectory({ path: run.siteDir, glob: run.glob ?? REPORT_PAGES });
    if (added.errors.length) throw new SearchIndexFailed(added.errors.join('；'));
    const written = await index.writeFiles({ outputPath: join(run.siteDir, bundleDir) });
    if (written.errors.length) throw new SearchIndexFailed(written.errors.join('；'));
    // The search page uses pagefind's JS API only; its ready-made UIs would be dead weight.
    for (const ui of UNUSED_UI) await rm(join(run.siteDir, bundleDir, ui), { force: true });
    return { pages: added.page_count, bundleDir };
  } catch (err) {
    if (err instanceof SearchIndexFailed) throw err;
    throw new SearchIndexFailed(err instanceof Error ? err.message : String(err));
  } finally {
    await pagefind.close().catch(() => undefined);
  }
}

/**
 * If the pagefind binary dies without answering, its pending promises never settle and Node
 * would quietly run out of work; turn that into a build error instead.
 */
function failOnSilentExit<T>(work: Promise<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onExit = () => reject(new SearchIndexFailed('pagefind 程序意外退出，没有返回结果'));
    process.once('beforeExit', onExit);
    work.then(resolve, reject).finally(() => process.off('beforeExit', onExit));
  });
}
