/**
 * The site's view of the content: every published (non-draft) report, as the build loaded and
 * validated it with the same loader as `jixiao validate`, plus the groupings the pages need.
 */
import type { LoadedReport } from '../validate/index.ts';
import { buildContext } from './build-context.ts';

export type { LoadedReport } from '../validate/index.ts';

let cache: { from: readonly LoadedReport[]; drafts: boolean; published: LoadedReport[] } | undefined;

/**
 * Every published (non-draft) report the build validated, newest year first; drafts too under
 * `jixiao dev`, which provides the content again after every save (a new context replaces the old).
 */
export async function allReports(): Promise<LoadedReport[]> {
  const { reports, drafts = false } = buildContext();
  if (cache?.from !== reports || cache.drafts !== drafts)
    cache = { from: reports, drafts, published: reports.filter((r) => drafts || !r.report.draft).sort(byYearThenName) };
  return cache.published;
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
