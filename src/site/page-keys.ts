/**
 * Cache keys for Astro's incremental build (experimental.incrementalBuild): a page whose key and
 * templates are unchanged is copied from the previous build instead of rendered. A page's key is
 * the build key (code, settings, base path: see src/build/build-cache.ts) and the digest of every
 * report the page shows (its file's text, its attachments' size and time). When the build hands
 * over no digests (no cache), pages get no key and are all rendered.
 */
import { createHash } from 'node:crypto';
import type { LoadedReport } from '../validate/index.ts';

const HANDOFF = Symbol.for('jixiao.pageDigests');
type Handoff = { buildKey: string; digests: Map<string, string> };

export function handOverDigests(buildKey: string, digests: Map<string, string>): void {
  (globalThis as Record<symbol, Handoff>)[HANDOFF] = { buildKey, digests };
}

/** The key of a page showing these reports (in this order), plus anything else it shows. */
export function pageKey(reports: readonly LoadedReport[], ...extra: (string | number)[]): string | undefined {
  const handed = (globalThis as Record<symbol, Handoff | undefined>)[HANDOFF];
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
