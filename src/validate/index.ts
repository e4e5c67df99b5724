/**
 * Validation as a library call: load a content folder and decide whether it passes.
 * The CLI's `validate` and `build` are thin wrappers over this.
 */
import { errorsOf, type Finding } from '../findings.ts';
import type { AttachmentRules } from '../schema/site.ts';
import { loadContent, type AnalysisMemo, type LoadResult } from './load-content.ts';

export { loadContent, loadFile, reportId, findReportFiles, type Analysis, type AnalysisMemo, type LoadedReport, type LoadResult } from './load-content.ts';

export interface Verdict extends LoadResult {
  ok: boolean;
  errors: Finding[];
  /** Warnings not acknowledged by their report. */
  open: Finding[];
}

export async function validateContent(
  dir: string,
  opts: { strict?: boolean; cwd?: string; attachments?: AttachmentRules | undefined; memo?: AnalysisMemo | undefined } = {},
): Promise<Verdict> {
  const result = await loadContent(dir, opts.cwd, { attachments: opts.attachments, memo: opts.memo });
  const errors = errorsOf(result.findings);
  const open = result.findings.filter((f) => f.severity === 'warning' && !f.acknowledged);
  const ok = errors.length === 0 && !(opts.strict && open.length > 0);
  return { ...result, ok, errors, open };
}
