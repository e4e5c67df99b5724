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
  const shown = digestOf(handed, reports);
  if (!shown) return undefined; // a report without a digest: render the page
  const hash = createHash('sha256').update(handed.buildKey).update('\0').update(shown);
  for (const e of extra) hash.update('\0').update(String(e));
  return hash.digest('hex');
}

type Digests = NonNullable<ReturnType<typeof buildContext>['pageDigests']>;
const combined = new WeakMap<Digests, WeakMap<readonly LoadedReport[], string | null>>();

/**
 * One digest of these reports' digests, remembered per list: the pages of a department or a year
 * share one list, and hashing it again for each of 10,000 report pages cost seconds of a rebuild.
 */
function digestOf(handed: Digests, reports: readonly LoadedReport[]): string | undefined {
  let lists = combined.get(handed);
  if (!lists) combined.set(handed, (lists = new WeakMap()));
  let digest = lists.get(reports);
  if (digest === undefined) lists.set(reports, (digest = combine(handed, reports)));
  return digest ?? undefined;
}

/** The reports' digests hashed together; null when one has none (its page is then rendered). */
function combine(handed: Digests, reports: readonly LoadedReport[]): string | null {
  const hash = createHash('sha256');
  for (const r of reports) {
    const d = handed.digests.get(r.id);
    if (!d) return null;
    hash.update(r.id).update(':').update(d).update('\0');
  }
  return hash.digest('hex');
}

const grouped = new WeakMap<readonly LoadedReport[], Map<string, LoadedReport[]>>();

/**
 * The key of a page about one department's report or project: a report page shows the
 * department's other reports, a project page its own reports and the department reports that
 * mention it; all of them come from that department's reports, so those make the key.
 */
export function departmentPageKey(all: readonly LoadedReport[], departmentId: string, ...extra: (string | number)[]): string | undefined {
  let byDepartment = grouped.get(all);
  if (!byDepartment) grouped.set(all, (byDepartment = Map.groupBy(all, (r) => r.report.department.id)));
  return pageKey(byDepartment.get(departmentId) ?? [], ...extra);
}
