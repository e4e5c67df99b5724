/**
 * Validation as a library call: load a content folder and decide whether it passes.
 * The CLI's `validate` and `build` are thin wrappers over this.
 */
import { errorsOf, type Finding } from '../findings.ts';
import { loadContent, type AnalysisMemo, type LoadResult } from './load-content.ts';

export { loadContent, loadFile, reportId, findReportFiles, type Analysis, type AnalysisMemo, type LoadedReport, type LoadResult } from './load-content.ts';

export interface Verdict extends LoadResult {
  ok: boolean;
  errors: Finding[];
  /** Warnings not acknowledged by their report. */
  open: Finding[];
}

export async function validateContent(dir: string, opts: { strict?: boolean; cwd?: string; memo?: AnalysisMemo } = {}): Promise<Verdict> {
  const result = await loadContent(dir, opts.cwd, opts.memo);
  const errors = errorsOf(result.findings);
  const open = result.findings.filter((f) => f.severity === 'warning' && !f.acknowledged);
  const ok = errors.length === 0 && !(opts.strict && open.length > 0);
  return { ...result, ok, errors, open };
}
