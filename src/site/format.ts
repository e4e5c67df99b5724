/**
 * Numbers the way Chinese government documents write them: thousands separators, the
 * precision as stated in the report, and the unit always shown.
 */
import type { LoadedReport } from './content.ts';

/** One formatter per precision: Number#toLocaleString builds a new one on every call, which
 * made number formatting the largest single cost of a 1,000-report build. */
const formatters = new Map<number, Intl.NumberFormat>();

/** 28239.16 → "28,239.16"; digits = places as written (98.0 keeps its zero). */
export function formatNumber(n: number, digits?: number): string {
  const d = digits ?? (Number.isInteger(n) ? 0 : Math.min(6, String(n).split('.')[1]?.length ?? 0));
  let f = formatters.get(d);
  if (!f) formatters.set(d, (f = new Intl.NumberFormat('en-US', { minimumFractionDigits: d, maximumFractionDigits: d })));
  return f.format(n);
}

/** A figure of a report at a path, with its written precision and unit. */
export function figure(r: LoadedReport, path: string, n: number | undefined, unit?: string): string {
  if (n === undefined) return '未注明';
  const s = formatNumber(n, r.decimals.get(path));
  return !unit ? s : unit === '%' || unit === '‰' ? `${s}${unit}` : `${s} ${unit}`;
}

export function percent(r: LoadedReport, path: string, n: number | undefined): string {
  return n === undefined ? '未注明' : `${formatNumber(n, r.decimals.get(path))}%`;
}

/** A computed rate, two decimals: 98.41% */
export const computedPercent = (num: number, den: number) => `${formatNumber((num / den) * 100, 2)}%`;

/** +16.0% / −2.5% with a real minus sign. */
export function signedPercent(n: number, digits?: number): string {
  const s = formatNumber(Math.abs(n), digits);
  return n > 0 ? `+${s}%` : n < 0 ? `−${s}%` : `${s}%`;
}
