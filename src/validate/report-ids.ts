/**
 * Report ids, which are also page paths (reports/{id}/) and open-data names. The id has always
 * been year-department[-project], joined by `-`; but ids themselves contain `-`, so department
 * `a-b`'s department report and department `a`'s project `b` both came out as 2022-a-b, and the
 * second was refused as the same report (issue 28.8). Ids are kept exactly as they were wherever
 * that form is shared by no other report of the content, so the URLs of existing sites do not
 * change; where it is shared, a department report keeps it and each project report sharing it
 * becomes year-department--project. A slug never holds `--` (common.ts), so that form is neither
 * a plain id nor ambiguous itself: no two reports share an id.
 */
import type { Report } from '../schema/index.ts';

/** The id as it has always been made: year-department[-project]. */
export const plainId = (r: Report) => [r.year, r.department.id, r.kind === 'project' ? r.project?.id : undefined].filter(Boolean).join('-');

/** A project report's id where its plain id is shared: the project set apart by `--`. */
export const qualifiedId = (r: Report) => (r.kind === 'project' && r.project ? `${r.year}-${r.department.id}--${r.project.id}` : plainId(r));

/** What makes two files the same report: year, kind, department and project. */
export const identityKey = (r: Report) => JSON.stringify([r.year, r.kind, r.department.id, r.kind === 'project' ? (r.project?.id ?? null) : null]);

/** Ids for reports of distinct identity (identityKey), in the same order: plain unless shared. */
export function reportIds(reports: readonly Report[]): string[] {
  const count = new Map<string, number>();
  for (const r of reports) count.set(plainId(r), (count.get(plainId(r)) ?? 0) + 1);
  return reports.map((r) => (count.get(plainId(r))! > 1 ? qualifiedId(r) : plainId(r)));
}
