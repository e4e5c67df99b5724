/**
 * Cache keys for Astro's incremental build (experimental.incrementalBuild): a page whose key and
 * templates are unchanged is copied from the previous build instead of rendered. A page's key is
 * the build key (code, settings, base path: see src/build/build-cache.ts) and the digest of every
 * report the page shows (its file's text, its attachments' size and time). The build provides the
 * digests with the rest of its context (src/site/build-context.ts); when it provides none (no
 * cache), pages get no key and are all rendered.
 */
import { createHash } from 'node:crypto';
import type { LoadedReport } from '../validate/index.ts';
import { buildContext } from './build-context.ts';

/** The key of a page showing these reports (in this order), plus anything else it shows. */
export function pageKey(reports: readonly LoadedReport[], ...extra: (string | number)[]): string | undefined {
  const handed = buildContext().pageDigests;
  if (!handed) return undefined;
  const hash = createHash('sha256').update(handed.buildKey);
  for (const r of reports) {
    const digest = handed.digests.get(r.id);
    if (!digest) return undefined; // unknown report: render it
    hash.update('\0').update(r.id).update(':').update(digest);
  }
  for (const e of extra) hash.update('\0').update(String(e));
  return hash.digest('hex');
}

const grouped = new WeakMap<readonly LoadedReport[], Map<string, LoadedReport[]>>();

/**
 * The key of a page about one project of a department: its own reports and the mentions of it in
 * the department's reports both come from that department's reports, so those make the key.
 */
export function departmentPageKey(all: readonly LoadedReport[], departmentId: string, ...extra: (string | number)[]): string | undefined {
  let byDepartment = grouped.get(all);
  if (!byDepartment) grouped.set(all, (byDepartment = Map.groupBy(all, (r) => r.report.department.id)));
  return pageKey(byDepartment.get(departmentId) ?? [], ...extra);
}
