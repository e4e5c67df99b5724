/**
 * Numbers the way Chinese government documents write them: thousands separators, the
 * precision as stated in the report, and the unit always shown.
 */
import { formatNumber } from '../number-format.ts';
import { rateFigure } from '../schema/index.ts';
import type { LoadedReport } from './content.ts';

export { formatNumber };

/** A figure of a report at a path, with its written precision and unit. */
export function figure(r: LoadedReport, path: string, n: number | undefined, unit?: string): string {
  if (n === undefined) return '未注明';
  const s = formatNumber(n, r.decimals.get(path));
  return !unit ? s : unit === '%' || unit === '‰' ? `${s}${unit}` : `${s} ${unit}`;
}

export function percent(r: LoadedReport, path: string, n: number | undefined): string {
  return n === undefined ? '未注明' : `${formatNumber(n, r.decimals.get(path))}%`;
}

/** A rate computed by src/schema/rules.ts, as published: two decimals, 98.41% */
export const computedPercent = (rate: number) => `${formatNumber(rateFigure(rate), 2)}%`;

/** +16.0% / −2.5% with a real minus sign. */
export function signedPercent(n: number, digits?: number): string {
  const s = formatNumber(Math.abs(n), digits);
  return n > 0 ? `+${s}%` : n < 0 ? `−${s}%` : `${s}%`;
}
