/**
 * How reports point at each other: a department's project reports of a year, the department
 * report a project report belongs to, and the other years of the same department.
 */
import type { LoadedReport } from './content.ts';

/** Reports by department, built once per list: every report page asks, so scanning the whole
 * list each time grew with the square of the number of reports. */
const byDepartment = new WeakMap<readonly LoadedReport[], Map<string, LoadedReport[]>>();

function departmentOf(r: LoadedReport, all: readonly LoadedReport[]): LoadedReport[] {
  let index = byDepartment.get(all);
  if (!index) {
    index = new Map();
    for (const o of all) {
      const list = index.get(o.report.department.id);
      if (list) list.push(o);
      else index.set(o.report.department.id, [o]);
    }
    byDepartment.set(all, index);
  }
  return index.get(r.report.department.id) ?? [];
}

/** Project reports of the same department and year (for a department report page). */
export function projectReportsOf(r: LoadedReport, all: readonly LoadedReport[]): LoadedReport[] {
  return departmentOf(r, all)
    .filter((o) => o.report.kind === 'project' && o.report.year === r.report.year)
    .sort((a, b) => a.report.project!.name.localeCompare(b.report.project!.name, 'zh-CN'));
}

/** The department report of the same department and year (for a project report page). */
export function departmentReportOf(r: LoadedReport, all: readonly LoadedReport[]): LoadedReport | undefined {
  return departmentOf(r, all).find((o) => o.report.kind === 'department' && o.report.year === r.report.year);
}

/** Other years' department reports of the same department, newest first. */
export function otherYearsOf(r: LoadedReport, all: readonly LoadedReport[]): LoadedReport[] {
  return departmentOf(r, all)
    .filter((o) => o !== r && o.report.kind === r.report.kind && o.report.project?.id === r.report.project?.id)
    .sort((a, b) => b.report.year - a.report.year);
}
