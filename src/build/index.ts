/**
 * The site build as a library call: validate, then Astro into a temporary folder, then
 * search indexing, then swap the result in. Any error leaves `outDir` untouched.
 */
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { handOverReports } from '../site/content.ts';
import { loadSettings, SETTINGS_FILE } from '../site/settings.ts';
import { validateContent, type Verdict } from '../validate/index.ts';

import { PACKAGE_ROOT } from './paths.ts';

export interface BuildOptions {
  contentDir: string;
  outDir: string;
  /** Base path when served from a subdirectory, e.g. /xxgk/jxzp/ */
  base?: string | undefined;
  /** Public site URL, for canonical links, the feed and the sitemap. */
  site?: string | undefined;
  /** Site settings file; site.yaml in the working directory by default. */
  settingsFile?: string | undefined;
  cwd?: string;
  log?: (line: string) => void;
}

export class BuildRefused extends Error {
  userFacing = true;
  constructor(public verdict: Verdict) {
    super(`内容有 ${verdict.errors.length} 个错误，未生成网站；原有输出保持不变。`);
  }
}

export function normalizeBase(base: string | undefined): string {
  if (!base || base === '/') return '/';
  const trimmed = base.trim().replace(/^\/*/, '/').replace(/\/*$/, '/');
  if (!/^\/[A-Za-z0-9._~\-/]*\/$/.test(trimmed) || trimmed.includes('//') || trimmed.split('/').includes('..'))
    throw Object.assign(new Error(`--base ${base} 不是有效的子目录路径，应形如 /xxgk/jxzp/。`), { userFacing: true });
  return trimmed;
}

export async function buildSite(opts: BuildOptions): Promise<{ verdict: Verdict; pages: number; stages: Record<string, number> }> {
  const stages: Record<string, number> = {};
  const timed = async <T>(name: string, work: () => Promise<T>): Promise<T> => {
    const t0 = performance.now();
    try { return await work(); } finally { stages[name] = (performance.now() - t0) / 1000; }
  };
  const cwd = opts.cwd ?? process.cwd();
  const contentDir = resolve(cwd, opts.contentDir);
  const outDir = resolve(cwd, opts.outDir);
  const settingsPath = resolve(cwd, opts.settingsFile ?? SETTINGS_FILE);
  const loaded = await loadSettings(settingsPath, cwd);
  const verdict = await timed('validate', () => validateContent(contentDir, { cwd }));
  verdict.findings.unshift(...loaded.findings);
  verdict.errors.unshift(...loaded.findings);
  if (!verdict.ok || !loaded.settings) throw new BuildRefused({ ...verdict, ok: false });
  const base = normalizeBase(opts.base ?? loaded.settings.base);
  const site = opts.site ?? loaded.settings.url;
  process.env.JIXIAO_SETTINGS = settingsPath;
  handOverReports(contentDir, verdict.reports);

  const { withAtomicOutput } = await import('./atomic-output.ts');
  const { runAstro } = await import('./run-astro.ts');
  const { buildSearchIndex } = await import('./search-index.ts');
  const { finishSite } = await import('../publish/finish-site.ts');
  if (site && !/^https?:\/\/[^/\s]+/.test(site)) throw Object.assign(new Error(`--site ${site} 不是有效的网址，应形如 https://www.example.gov.cn/xxgk/jxzp/。`), { userFacing: true });
  const pages = await withAtomicOutput(outDir, async (tmp) => {
    const count = await timed('astro', () => runAstro({ root: PACKAGE_ROOT, outDir: tmp, contentDir, base, site }));
    await timed('index', () => buildSearchIndex({ siteDir: tmp }));
    await timed('publish', () => finishSite({ dir: tmp, base, site, reports: verdict.reports }));
    return count;
  });
  if (process.env.JIXIAO_TIMINGS) await writeFile(process.env.JIXIAO_TIMINGS, JSON.stringify(stages));
  return { verdict, pages, stages };
}
