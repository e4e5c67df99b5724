/**
 * How reports point at each other: a department's project reports of a year, the department
 * report a project report belongs to, and the other years of the same department.
 */
import type { LoadedReport } from './content.ts';

const sameDept = (a: LoadedReport, b: LoadedReport) => a.report.department.id === b.report.department.id;

/** Project reports of the same department and year (for a department report page). */
export function projectReportsOf(r: LoadedReport, all: readonly LoadedReport[]): LoadedReport[] {
  return all
    .filter((o) => o.report.kind === 'project' && sameDept(o, r) && o.report.year === r.report.year)
    .sort((a, b) => a.report.project!.name.localeCompare(b.report.project!.name, 'zh-CN'));
}

/** The department report of the same department and year (for a project report page). */
export function departmentReportOf(r: LoadedReport, all: readonly LoadedReport[]): LoadedReport | undefined {
  return all.find((o) => o.report.kind === 'department' && sameDept(o, r) && o.report.year === r.report.year);
}

/** Other years' department reports of the same department, newest first. */
export function otherYearsOf(r: LoadedReport, all: readonly LoadedReport[]): LoadedReport[] {
  return all
    .filter((o) => o !== r && o.report.kind === r.report.kind && sameDept(o, r) && o.report.project?.id === r.report.project?.id)
    .sort((a, b) => b.report.year - a.report.year);
}

/** A short name for lists: the project name for project reports, else the department name. */
export const shortTitle = (r: LoadedReport) => (r.report.kind === 'project' ? r.report.project!.name : r.report.department.name);
