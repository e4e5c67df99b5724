/**
 * The date a report stands for in the feed, the sitemap and the package name — always from
 * the data, never the build time: its 发布日期, else its 成文日期, else the last day of its
 * fiscal year (the end of the period it reports on).
 */
import type { LoadedReport } from '../validate/index.ts';

/** YYYY-MM-DD */
export function reportDate(r: LoadedReport): string {
  const d = r.report.disclosure;
  return d?.publishedDate ?? d?.writtenDate ?? `${r.report.year}-12-31`;
}

/** RFC 3339 at midnight China time: 2023-06-30T00:00:00+08:00 */
export const rfc3339 = (date: string) => `${date}T00:00:00+08:00`;

/** Newest first by reportDate, then by year, then by id, so equal dates keep a stable order. */
export function newestFirst(a: LoadedReport, b: LoadedReport): number {
  const da = reportDate(a);
  const db = reportDate(b);
  return da < db ? 1 : da > db ? -1 : b.report.year - a.report.year || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
