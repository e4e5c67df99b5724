/**
 * A year's totals over a set of reports: budget and spending summed in 万元, and the overall
 * execution rate computed from the totals (never averaged from the reports' rates) over the
 * reports that state both figures, so a report missing one figure cannot bend the rate.
 */
import { executionRate } from '../../schema/index.ts';
import { decimalText, decimalValue, sumDecimals, type Decimal } from '../../schema/money.ts';
import type { LoadedReport } from '../content.ts';
import { plannedWanOf, spentWanOf } from './measures.ts';

export interface Sum {
  /** In 万元 (the rate: in percent, two places); undefined when no report states the figure. */
  value: number | undefined;
  /** How many reports state it. */
  count: number;
  /** The exact sum in 万元, every digit of the stated figures kept (absent for the rate). */
  exact?: Decimal;
}

export interface Totals {
  reports: number;
  planned: Sum;
  spent: Sum;
  /** spent ÷ planned over the reports stating both. */
  rate: Sum;
}

function sum(values: (Decimal | undefined)[]): Sum {
  const exact = sumDecimals(values.filter((v): v is Decimal => v !== undefined));
  return exact ? { value: decimalValue(exact), count: values.filter(Boolean).length, exact } : { value: undefined, count: 0 };
}

/** The exact total as a CSV figure: 43390.1234. */
export const sumText = (s: Sum) => s.exact && decimalText(s.exact);

export function totalsOf(reports: readonly LoadedReport[]): Totals {
  const paired = reports.filter((r) => plannedWanOf(r) !== undefined && plannedWanOf(r)!.digits > 0n && spentWanOf(r) !== undefined);
  const pairedPlanned = sum(paired.map(plannedWanOf)).value;
  const pairedSpent = sum(paired.map(spentWanOf)).value;
  return {
    reports: reports.length,
    planned: sum(reports.map(plannedWanOf)),
    spent: sum(reports.map(spentWanOf)),
    rate: { value: executionRate(pairedSpent, pairedPlanned), count: paired.length },
  };
}
