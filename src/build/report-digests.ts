/**
 * A digest per report for the pages' cache keys (src/site/page-keys.ts): the SHA-256 of its
 * file's display path and text (from the memo, which read it this build) and the size and
 * modification time of each attachment (whose size and SHA-256 the pages show; hashing every
 * attachment's bytes on each build would cost more than rendering the page again).
 */
import { createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { LoadedReport } from '../validate/index.ts';
import type { ReportMemo } from './report-memo.ts';

export async function reportDigests(reports: readonly LoadedReport[], memo: ReportMemo): Promise<Map<string, string>> {
  const digests = new Map<string, string>();
  for (const r of reports) {
    const textKey = memo.keyOf(r.file);
    if (!textKey) continue;
    const hash = createHash('sha256').update(textKey);
    for (const a of r.report.attachments ?? []) {
      const s = await stat(join(dirname(r.path), a.file)).catch(() => undefined);
      hash
        .update('\0')
        .update(a.file)
        .update(':')
        .update(s ? `${s.size}:${s.mtimeMs}:${s.ino}` : 'missing');
    }
    digests.set(r.id, hash.digest('hex'));
  }
  return digests;
}
