/** What every audit rule gets: the report, and where its figures sit in the file. */
import { formatPath, type Finding } from '../findings.ts';
import type { Report } from '../schema/index.ts';

export interface AuditContext {
  report: Report;
  file: string;
  lineOf(path: readonly PropertyKey[]): number | undefined;
  /** Decimal places as written, by dotted path. */
  decimals: Map<string, number>;
}

export type Rule = (ctx: AuditContext) => Finding[];

export function warn(ctx: AuditContext, code: string, path: PropertyKey[], message: string, figures: Record<string, number | string>, hint?: string): Finding {
  return { severity: 'warning', code, file: ctx.file, line: ctx.lineOf(path), field: formatPath(path), message, figures, hint };
}

export function error(ctx: AuditContext, code: string, path: PropertyKey[], message: string, hint?: string): Finding {
  return { severity: 'error', code, file: ctx.file, line: ctx.lineOf(path), field: formatPath(path), message, hint };
}

/** Decimal places written at a path (0 when unknown). */
export const digitsAt = (ctx: AuditContext, path: PropertyKey[]) => ctx.decimals.get(formatPath(path)) ?? 0;

/** True when two stated amounts differ beyond what their written precision allows. */
export function differs(a: number, b: number, digits: number): boolean {
  return Math.abs(a - b) > 0.5 * 10 ** -digits + 1e-9;
}

/** Sum without binary floating noise at the given precision. */
export const sum = (xs: number[], digits: number) => Math.round(xs.reduce((s, x) => s + x, 0) * 10 ** digits) / 10 ** digits;

/** A stated rate agrees with a computed one if it is the computed value rounded or cut to the stated precision. */
export function rateAgrees(stated: number, computed: number, digits: number): boolean {
  const f = 10 ** digits;
  const rounded = Math.round(computed * f) / f;
  const cut = Math.floor(computed * f + 1e-9) / f;
  return Math.abs(stated - rounded) < 1e-9 || Math.abs(stated - cut) < 1e-9;
}
