/** What every audit rule gets: the report, and where its figures sit in the file. */
import type { ErrorCode, ParamsOf, WarningCode } from '../errors/catalogue.ts';
import { findingWith, formatPath, type Finding } from '../findings.ts';
import type { Report } from '../schema/index.ts';

export interface AuditContext {
  report: Report;
  file: string;
  lineOf(path: readonly PropertyKey[]): number | undefined;
  /** Decimal places as written, by dotted path. */
  decimals: Map<string, number>;
}

export type Rule = (ctx: AuditContext) => Finding[];

/** A warning about the field at `path`, with the figures compared (shown on the page and in the open data). */
export function warn<C extends WarningCode>(
  ctx: AuditContext,
  code: C,
  path: PropertyKey[],
  params: ParamsOf<C>,
  figures?: Record<string, number | string>,
): Finding {
  return findingWith(code, { file: ctx.file, line: ctx.lineOf(path), field: formatPath(path), figures }, params);
}

export function error<C extends ErrorCode>(ctx: AuditContext, code: C, path: PropertyKey[], params: ParamsOf<C>): Finding {
  return findingWith(code, { file: ctx.file, line: ctx.lineOf(path), field: formatPath(path) }, params);
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
