/**
 * The one number formatter: thousands separators and a given precision (28,239.16; 98.0), for
 * the validator's messages and the pages alike. One Intl.NumberFormat per precision, cached:
 * Number#toLocaleString builds a new one on every call, which made number formatting the
 * largest single cost of a 1,000-report build. Beside it, the number as the report file writes
 * it, for the open data and exact sums.
 */
/**
 * A number at a dotted path as the report file writes it, for machine-readable files and exact
 * sums: no separators, the stated precision (98.0 → "98.0", 28239.16 → "28239.16"), so nothing
 * published is rounded or padded. `decimals` is the loaded report's places by path.
 */
export function written(r: { decimals: ReadonlyMap<string, number> }, path: string, n: number | undefined): string | undefined {
  if (n === undefined) return undefined;
  const d = r.decimals.get(path);
  return d === undefined ? String(n) : n.toFixed(d);
}

const formatters = new Map<number, Intl.NumberFormat>();

/** 28239.16 → "28,239.16"; digits = places to show (98.0 keeps its zero), else as many as the number has (at most 6). */
export function formatNumber(n: number, digits?: number): string {
  const d = digits ?? (Number.isInteger(n) ? 0 : Math.min(6, String(n).split('.')[1]?.length ?? 0));
  let f = formatters.get(d);
  if (!f) formatters.set(d, (f = new Intl.NumberFormat('en-US', { minimumFractionDigits: d, maximumFractionDigits: d })));
  return f.format(n);
}
