/**
 * The figures a comparison needs from one report, in one place: money converted to 万元 (reports
 * may write 元 or 亿元), the execution rate computed by the one rate rule, the score as a share of
 * its maximum. Comparisons never mix units or recompute a rate any other way.
 */
import { executionRate } from '../../publish/figures.ts';
import type { LoadedReport } from '../content.ts';
import { unitOf } from '../report-view.ts';

const TO_WAN: Record<string, number> = { 元: 1e-4, 万元: 1, 亿元: 1e4 };

/** An amount of this report in 万元, rounded to 6 places so conversions leave no float dust. */
export function inWan(r: LoadedReport, n: number | undefined): number | undefined {
  return n === undefined ? undefined : Math.round(n * TO_WAN[unitOf(r)]! * 1e6) / 1e6;
}

export const plannedWan = (r: LoadedReport) => inWan(r, r.report.budget?.planned);
export const spentWan = (r: LoadedReport) => inWan(r, r.report.budget?.spent);

/** spent ÷ planned (two places), from the report's own figures; undefined when either is missing. */
export const rateOf = (r: LoadedReport) => executionRate(r.report.budget?.spent, r.report.budget?.planned);

export const scoreOf = (r: LoadedReport) => r.report.score?.total;
export const scoreMaxOf = (r: LoadedReport) => r.report.score?.max ?? 100;

/** The score out of 100, so reports scored out of another maximum share the bands. */
export function scorePercent(r: LoadedReport): number | undefined {
  const s = scoreOf(r);
  return s === undefined ? undefined : Math.round((s / scoreMaxOf(r)) * 10000) / 100;
}

/** The name a chart or a tight table can show: 简称 when the report gives one. */
export const shortName = (r: LoadedReport) => r.report.department.shortName ?? r.report.department.name;
