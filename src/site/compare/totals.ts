/**
 * A year's totals over a set of reports: budget and spending summed in 万元, and the overall
 * execution rate computed from the totals (never averaged from the reports' rates) over the
 * reports that state both figures, so a report missing one figure cannot bend the rate.
 */
import { executionRate } from '../../publish/figures.ts';
import type { LoadedReport } from '../content.ts';
import { plannedWan, spentWan } from './measures.ts';

export interface Sum {
  /** In 万元, two places; undefined when no report states the figure. */
  value: number | undefined;
  /** How many reports state it. */
  count: number;
}

export interface Totals {
  reports: number;
  planned: Sum;
  spent: Sum;
  /** spent ÷ planned over the reports stating both. */
  rate: Sum;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

function sum(values: (number | undefined)[]): Sum {
  const known = values.filter((v): v is number => v !== undefined);
  return { value: known.length ? round2(known.reduce((s, v) => s + v, 0)) : undefined, count: known.length };
}

export function totalsOf(reports: readonly LoadedReport[]): Totals {
  const paired = reports.filter((r) => plannedWan(r) !== undefined && plannedWan(r)! > 0 && spentWan(r) !== undefined);
  const pairedPlanned = sum(paired.map(plannedWan)).value;
  const pairedSpent = sum(paired.map(spentWan)).value;
  return {
    reports: reports.length,
    planned: sum(reports.map(plannedWan)),
    spent: sum(reports.map(spentWan)),
    rate: { value: executionRate(pairedSpent, pairedPlanned), count: paired.length },
  };
}
