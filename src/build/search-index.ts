/**
 * Search indexing: runs pagefind's Node API over the pages Astro wrote into the temporary build
 * folder, before the atomic swap (`astro build` would wipe a `pagefind/` folder written earlier).
 * Only report pages carry `data-pagefind-body`, so only they are indexed; pages are added one
 * file at a time from the report folders, which keeps the Node side light and leaves room to
 * split very large sites into several bundles later.
 */
import { readdir, readFile, rm } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

export interface SearchIndexRun {
  /** The built site (Astro's outDir, still the temporary folder). */
  siteDir: string;
  /** Folder of report pages inside the site, relative to it. */
  reportsDir?: string;
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
const UNUSED_UI = ['pagefind-ui.js', 'pagefind-ui.css', 'pagefind-modular-ui.js', 'pagefind-modular-ui.css', 'pagefind-component-ui.js', 'pagefind-component-ui.css', 'pagefind-highlight.js'];

export function buildSearchIndex(run: SearchIndexRun): Promise<SearchIndexResult> {
  return failOnSilentExit(indexReports(run));
}

async function indexReports(run: SearchIndexRun): Promise<SearchIndexResult> {
  const bundleDir = run.bundleDir ?? SEARCH_BUNDLE_DIR;
  const files = await reportPages(join(run.siteDir, run.reportsDir ?? 'reports'));
  const pagefind = await import('pagefind');
  try {
    const { index, errors } = await pagefind.createIndex({ forceLanguage: 'zh-cn' });
    if (!index) throw new SearchIndexFailed(errors.join('；') || '无法启动 pagefind');
    let pages = 0;
    for (const file of files) {
      const path = relative(run.siteDir, file).split(sep).join('/');
      const url = `/${path.replace(/index\.html$/, '')}`;
      const added = await index.addHTMLFile({ url, content: await readFile(file, 'utf8') });
      if (added.errors.length) throw new SearchIndexFailed(`${path}：${added.errors.join('；')}`);
      pages++;
    }
    const written = await index.writeFiles({ outputPath: join(run.siteDir, bundleDir) });
    if (written.errors.length) throw new SearchIndexFailed(written.errors.join('；'));
    // The search page uses pagefind's JS API only; its ready-made UIs would be dead weight.
    for (const ui of UNUSED_UI) await rm(join(run.siteDir, bundleDir, ui), { force: true });
    return { pages, bundleDir };
  } catch (err) {
    if (err instanceof SearchIndexFailed) throw err;
    throw new SearchIndexFailed(err instanceof Error ? err.message : String(err));
  } finally {
    await pagefind.close().catch(() => undefined);
  }
}

async function reportPages(dir: string): Promise<string[]> {
  let entries: string[];
  try {
    entries = (await readdir(dir, { recursive: true })).map(String);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw new SearchIndexFailed(`无法读取 ${dir}：${(err as Error).message}`);
  }
  return entries.filter((f) => f.endsWith('index.html')).sort().map((f) => join(dir, f));
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
