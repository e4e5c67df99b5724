/**
 * The site's view of the content: every published (non-draft) report, loaded once per build
 * with the same loader as `jixiao validate`, plus the groupings the pages need.
 */
import { resolve } from 'node:path';
import { errorsOf, formatFinding } from '../findings.ts';
import { loadContent, type LoadedReport } from '../validate/index.ts';

export type { LoadedReport } from '../validate/index.ts';

let cache: { from: Handoff | undefined; reports: Promise<LoadedReport[]> } | undefined;

/**
 * The build has just validated the content in this same process: hand the loaded reports to the
 * pages instead of reading and parsing every file a second time. (Astro bundles the pages, so a
 * module-level variable would not be shared; a registered global symbol is.)
 */
const HANDOFF = Symbol.for('jixiao.loadedReports');
type Handoff = { dir: string; reports: LoadedReport[]; drafts: boolean };

/**
 * `jixiao dev` hands over the content again after every save (with drafts, so staff see the report
 * they are writing); a new hand-over replaces what the pages saw before.
 */
export function handOverReports(dir: string, reports: LoadedReport[], opts: { drafts?: boolean } = {}): void {
  (globalThis as Record<symbol, Handoff>)[HANDOFF] = { dir: resolve(dir), reports, drafts: Boolean(opts.drafts) };
}

export function allReports(): Promise<LoadedReport[]> {
  const handed = (globalThis as Record<symbol, Handoff | undefined>)[HANDOFF];
  if (cache && cache.from === handed) return cache.reports;
  cache = { from: handed, reports: (async () => {
    const dir = resolve(process.env.JIXIAO_CONTENT ?? 'content');
    if (handed?.dir === dir) return handed.reports.filter((r) => handed.drafts || !r.report.draft).sort(byYearThenName);
    const { reports, findings } = await loadContent(dir);
    const errors = errorsOf(findings);
    if (errors.length) throw new Error(`内容有错误：\n${errors.map(formatFinding).join('\n')}`);
    return reports.filter((r) => !r.report.draft).sort(byYearThenName);
  })() };
  return cache.reports;
}

export function byYearThenName(a: LoadedReport, b: LoadedReport): number {
  return b.report.year - a.report.year || (a.report.kind === b.report.kind ? 0 : a.report.kind === 'department' ? -1 : 1) || a.id.localeCompare(b.id);
}

export interface DepartmentEntry {
  id: string;
  /** The name in the latest report. */
  name: string;
  reports: LoadedReport[];
}

export async function departments(): Promise<DepartmentEntry[]> {
  const map = new Map<string, LoadedReport[]>();
  for (const r of await allReports()) {
    const list = map.get(r.report.department.id) ?? [];
    list.push(r);
    map.set(r.report.department.id, list);
  }
  return [...map].map(([id, reports]) => ({ id, name: reports[0]!.report.department.name, reports })).sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
}

export async function years(): Promise<{ year: number; reports: LoadedReport[] }[]> {
  const map = new Map<number, LoadedReport[]>();
  for (const r of await allReports()) map.set(r.report.year, [...(map.get(r.report.year) ?? []), r]);
  return [...map].sort((a, b) => b[0] - a[0]).map(([year, reports]) => ({ year, reports }));
}
