/**
 * What `jixiao dev` knows about the content at any moment: the reports to show (drafts too),
 * the site settings, and every finding, by file. Reloaded as a whole after each save: validating
 * even a few hundred files takes well under a second, and a whole reload cannot go stale.
 */
import { relative } from 'node:path';
import { auditReport } from '../audit/index.ts';
import { errorsOf, type Finding } from '../findings.ts';
import type { SiteSettings } from '../schema/index.ts';
import { loadProject } from '../load/project.ts';
import type { LoadedReport } from '../validate/index.ts';

export interface ContentSnapshot {
  reports: LoadedReport[];
  /** undefined when site.yaml has errors (then `errors` says which). */
  settings?: SiteSettings | undefined;
  findings: Finding[];
  errors: Finding[];
  /** For each draft: the errors it would have once `draft: true` is deleted. */
  pending: Finding[];
}

export async function loadSnapshot(contentDir: string, settingsPath: string, cwd: string): Promise<ContentSnapshot> {
  // The same loader as build (src/load/project.ts): the same settings, rules and findings.
  const { settings, verdict, findings } = await loadProject({ contentDir, settingsPath, cwd });
  const pending = verdict.reports
    .filter((r) => r.report.draft)
    .flatMap((r) => errorsOf(auditReport({ report: { ...r.report, draft: false }, file: r.file, lineOf: r.lineOf, decimals: r.decimals })));
  return { reports: verdict.reports, settings, findings, errors: errorsOf(findings), pending };
}

/** The findings about one file, as shown to the person who just saved it. */
export function findingsOf(s: ContentSnapshot, file: string): { findings: Finding[]; pending: Finding[] } {
  return { findings: s.findings.filter((f) => f.file === file), pending: s.pending.filter((f) => f.file === file) };
}

export const shownPath = (path: string, cwd: string) => relative(cwd, path) || path;
