/**
 * The pages stage of a build, run in a child process (pages-worker.mjs): validate the content,
 * render every page with Astro, finish the published files. Astro's memory (over 1 GB at 10,000
 * reports) goes back to the system when the child exits, before pagefind indexes the pages.
 */
import { provideBuildContext } from '../site/build-context.ts';
import { loadSettings } from '../site/settings.ts';
import type { Finding } from '../findings.ts';
import { validateContent } from '../validate/index.ts';
import { PACKAGE_ROOT } from './paths.ts';

export interface PagesJob {
  contentDir: string;
  outDir: string;
  settingsPath: string;
  /** True when the settings file was named (--config): then it must exist. */
  settingsRequired?: boolean | undefined;
  cwd: string;
  base?: string | undefined;
  site?: string | undefined;
}

export type PagesResult =
  | { ok: true; findings: Finding[]; reports: number; drafts: number; pages: number; stages: Record<string, number> }
  | { ok: false; findings: Finding[]; errors: number }
  | { ok: false; userError: string };

export async function buildPages(job: PagesJob): Promise<PagesResult> {
  const stages: Record<string, number> = {};
  const timed = async <T>(name: string, work: () => Promise<T>): Promise<T> => {
    const t0 = performance.now();
    try { return await work(); } finally { stages[name] = (performance.now() - t0) / 1000; }
  };
  const { normalizeBase } = await import('./base.ts');
  const loaded = await loadSettings(job.settingsPath, job.cwd, { required: job.settingsRequired });
  const verdict = await timed('validate', () => validateContent(job.contentDir, { cwd: job.cwd }));
  const findings = [...loaded.findings, ...verdict.findings];
  const errors = loaded.findings.length + verdict.errors.length;
  if (errors || !loaded.settings) return { ok: false, findings, errors };
  let base: string;
  try {
    base = normalizeBase(job.base ?? loaded.settings.base);
  } catch (err) {
    return { ok: false, userError: (err as Error).message };
  }
  const site = job.site ?? loaded.settings.url;
  if (site && !/^https?:\/\/[^/\s]+/.test(site)) return { ok: false, userError: `--site ${site} 不是有效的网址，应形如 https://www.example.gov.cn/xxgk/jxzp/。` };
  const { publicRoot } = await import('../publish/urls.ts');
  const siteUrl = site ? publicRoot(site, base) : undefined;
  // The pages read these values through src/site/build-context.ts: validated here, once.
  provideBuildContext({ base, siteUrl, settings: loaded.settings, reports: verdict.reports });
  const { runAstro } = await import('./run-astro.ts');
  const { finishSite } = await import('../publish/finish-site.ts');
  const pages = await timed('astro', () => runAstro({ root: PACKAGE_ROOT, outDir: job.outDir, base, site }));
  await timed('publish', () => finishSite({ dir: job.outDir, siteUrl, reports: verdict.reports }));
  const drafts = verdict.reports.filter((r) => r.report.draft).length;
  return { ok: true, findings, reports: verdict.reports.length - drafts, drafts, pages, stages };
}
