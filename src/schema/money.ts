/**
 * The one conversion of a stated amount into 万元, for every table, chart and file that compares
 * reports. 元 → 万元 and 亿元 → 万元 only move the decimal point, so the conversion works on the
 * digits the report wrote (exact, no float noise: 253895000 元 is 25389.5 万元, never
 * 25389.499999); sums add exact decimals. A report's own pages and files keep its stated unit.
 */
export type MoneyUnit = '元' | '万元' | '亿元';

/** An exact decimal: digits × 10^-scale. */
export interface Decimal {
  digits: bigint;
  scale: number;
}

/** How far the point moves from the stated unit to 万元 (positive: to the left). */
const SHIFT: Record<MoneyUnit, number> = { 元: 4, 万元: 0, 亿元: -4 };

/** "-1234.50" → { digits: -123450n, scale: 2 }; undefined for anything but a plain decimal. */
export function parseDecimal(text: string): Decimal | undefined {
  const m = /^(-?)(\d*)(?:\.(\d*))?$/.exec(text.trim());
  if (!m || (!m[2] && !m[3])) return undefined;
  const frac = m[3] ?? '';
  return { digits: BigInt(`${m[1]}${m[2] || '0'}${frac}`), scale: frac.length };
}

/** The plain text of a decimal, every digit of its scale kept: "25389.5000". */
export function decimalText(d: Decimal): string {
  const neg = d.digits < 0n;
  const s = (neg ? -d.digits : d.digits).toString().padStart(d.scale + 1, '0');
  const int = s.slice(0, s.length - d.scale);
  const frac = d.scale ? `.${s.slice(s.length - d.scale)}` : '';
  return `${neg && d.digits !== 0n ? '-' : ''}${int}${frac}`;
}

/** Trailing zeros dropped down to `min` places (never below): 25389.5000 → 25389.50 with min 2. */
export function trimScale(d: Decimal, min: number): Decimal {
  let { digits, scale } = d;
  while (scale > min && digits % 10n === 0n) {
    digits /= 10n;
    scale--;
  }
  return { digits, scale };
}

/** The decimal in another scale, without loss (only ever to a larger scale here). */
const rescale = (d: Decimal, scale: number): Decimal => ({ digits: d.digits * 10n ** BigInt(scale - d.scale), scale });

/** A stated amount (its written digits) in 万元, exactly; 万元 figures keep the precision written. */
export function toWan(stated: string, unit: MoneyUnit): Decimal | undefined {
  const d = parseDecimal(stated);
  if (!d) return undefined;
  const shift = SHIFT[unit];
  if (shift === 0) return d;
  const moved =
    shift > 0
      ? { digits: d.digits, scale: d.scale + shift }
      : d.scale + shift >= 0
        ? { digits: d.digits, scale: d.scale + shift }
        : { digits: d.digits * 10n ** BigInt(-(d.scale + shift)), scale: 0 };
  // The zeros the shift adds say nothing the report said; two places, as 万元 are written.
  return trimScale(moved, 2);
}

/** The exact sum; its scale is the largest of the parts'. */
export function sumDecimals(parts: readonly Decimal[]): Decimal | undefined {
  if (!parts.length) return undefined;
  const scale = Math.max(...parts.map((p) => p.scale));
  return { digits: parts.reduce((s, p) => s + rescale(p, scale).digits, 0n), scale };
}

/** b − a exactly. */
export function subtractDecimals(a: Decimal, b: Decimal): Decimal {
  const scale = Math.max(a.scale, b.scale);
  return { digits: rescale(b, scale).digits - rescale(a, scale).digits, scale };
}

/** The nearest double, for sorting, drawing and rates (never for a figure shown or written). */
export const decimalValue = (d: Decimal) => Number(decimalText(d));

/** With thousands separators, every digit kept: 25,389.50. */
export function decimalDisplay(d: Decimal): string {
  const t = decimalText(d);
  const [int, frac] = t.split('.') as [string, string | undefined];
  const neg = int.startsWith('-');
  const grouped = (neg ? int.slice(1) : int).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${neg ? '−' : ''}${grouped}${frac === undefined ? '' : `.${frac}`}`;
}

/** 25,389.50 万元 */
export const wanDisplay = (d: Decimal) => `${decimalDisplay(d)} 万元`;
