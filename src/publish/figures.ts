/**
 * Figures for machine-readable files: no thousands separators, and the precision the report
 * wrote (98.0 stays "98.0"), so the open data never rounds or pads a published number.
 */
import { rateFigure, spentRate } from '../schema/index.ts';
import type { LoadedReport } from '../validate/index.ts';

/** A number at a dotted path, as written in the report file: 98.0 → "98.0", 28239.16 → "28239.16". */
export function written(r: LoadedReport, path: string, n: number | undefined): string | undefined {
  if (n === undefined) return undefined;
  const d = r.decimals.get(path);
  return d === undefined ? String(n) : n.toFixed(d);
}

/** spent ÷ planned in percent, rounded to two places like the audit's W_RATE_MISMATCH figure. */
export function computedRate(r: LoadedReport): number | undefined {
  const b = r.report.budget;
  return b ? executionRate(b.spent, b.planned) : undefined;
}

/** The one execution-rate rule, for a report or for totals: spent ÷ planned in percent, two places (schema/rules.ts). */
export function executionRate(spent: number | undefined, planned: number | undefined): number | undefined {
  const rate = spentRate({ spent, planned });
  return rate === undefined ? undefined : rateFigure(rate);
}
