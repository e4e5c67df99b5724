/**
 * What a reader of a year page asks before the figures: who did not publish (the departments
 * site.yaml expects that year without a 部门整体 report), and what changed from the previous year
 * with reports — the totals in 万元 (exact, from the stated digits), the number of reports, and
 * the departments that came or went. Only stated figures; a total no report states stays empty.
 */
import type { SiteSettings } from '../../schema/index.ts';
import { subtractDecimals, wanDisplay, type Decimal } from '../../schema/money.ts';
import type { LoadedReport } from '../content.ts';
import { totalsOf, type Sum } from './totals.ts';

export interface Unpublished {
  name: string;
  /** Project reports the department did publish that year. */
  projects: number;
}

const departmentReports = (reports: readonly LoadedReport[]) => reports.filter((r) => r.report.kind === 'department');

/** The departments expected this year without a 部门整体 report, in site.yaml's order; undefined when site.yaml names none for the year. */
export function unpublished(
  expected: SiteSettings['expected'],
  year: number,
  reports: readonly LoadedReport[],
): { expected: number; missing: Unpublished[] } | undefined {
  const names = [...new Set((expected ?? []).filter((e) => e.year === year).flatMap((e) => e.departments))];
  if (!names.length) return undefined;
  const published = new Set(departmentReports(reports).map((r) => r.report.department.name));
  const missing = names
    .filter((n) => !published.has(n))
    .map((name) => ({ name, projects: reports.filter((r) => r.report.kind === 'project' && r.report.department.name === name).length }));
  return { expected: names.length, missing };
}

export interface TotalChange {
  label: string;
  before: Decimal | undefined;
  after: Decimal | undefined;
  /** after − before, exactly; undefined when either is missing. */
  delta: Decimal | undefined;
  /** How many reports state the figure, of how many, each year. */
  stated: { before: number; after: number; of: { before: number; after: number } };
}

export interface YearChange {
  /** The year compared with: the nearest earlier year with reports. */
  previous: number;
  totals: TotalChange[];
  /** 部门整体 reports each year. */
  reports: { before: number; after: number };
  /** Department names (as this year's, or for those gone the previous year's, reports state them). */
  added: string[];
  gone: string[];
}

const byId = (reports: readonly LoadedReport[]) => new Map(departmentReports(reports).map((r) => [r.report.department.id, r.report.department.name]));

/** This year against the previous year with reports; undefined for the first year. */
export function yearChange(
  cur: { year: number; reports: readonly LoadedReport[] },
  prev: { year: number; reports: readonly LoadedReport[] } | undefined,
): YearChange | undefined {
  if (!prev) return undefined;
  const [a, b] = [totalsOf(departmentReports(prev.reports)), totalsOf(departmentReports(cur.reports))];
  const change = (label: string, before: Sum, after: Sum): TotalChange => ({
    label,
    before: before.exact,
    after: after.exact,
    delta: before.exact && after.exact ? subtractDecimals(before.exact, after.exact) : undefined,
    stated: { before: before.count, after: after.count, of: { before: a.reports, after: b.reports } },
  });
  const [was, now] = [byId(prev.reports), byId(cur.reports)];
  const zh = (x: string, y: string) => x.localeCompare(y, 'zh-CN');
  return {
    previous: prev.year,
    totals: [change('全年预算合计', a.planned, b.planned), change('实际支出合计', a.spent, b.spent)],
    reports: { before: a.reports, after: b.reports },
    added: [...now]
      .filter(([id]) => !was.has(id))
      .map(([, n]) => n)
      .sort(zh),
    gone: [...was]
      .filter(([id]) => !now.has(id))
      .map(([, n]) => n)
      .sort(zh),
  };
}

/** “增加 1,234.50 万元” / “减少 …” / “持平”, from the exact difference. */
export function wanDelta(d: Decimal): string {
  if (d.digits === 0n) return '持平';
  const abs = { ...d, digits: d.digits < 0n ? -d.digits : d.digits };
  return `${d.digits > 0n ? '增加' : '减少'} ${wanDisplay(abs)}`;
}

/** One sentence per total: “全年预算合计 43,390.12 万元，比 2022 年度（41,000.00 万元）增加 2,390.12 万元。” */
export function totalSentence(t: TotalChange, previous: number): string {
  if (!t.after) return `${t.label}：本年度没有报告注明。`;
  if (!t.before) return `${t.label} ${wanDisplay(t.after)}；${previous} 年度没有报告注明，无法比较。`;
  const { stated: s } = t;
  const partial =
    s.before < s.of.before || s.after < s.of.after
      ? `（注明该项的报告：本年度 ${s.of.after} 份中 ${s.after} 份，${previous} 年度 ${s.of.before} 份中 ${s.before} 份）`
      : '';
  return `${t.label} ${wanDisplay(t.after)}，比 ${previous} 年度（${wanDisplay(t.before)}）${wanDelta(t.delta!)}${partial}。`;
}
