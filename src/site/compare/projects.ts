/**
 * Every project the data names, across years. A project with its own report is keyed by its
 * department and project id, which staff keep the same every year, so it can be followed even
 * when its name changes. Projects a department report only names (in a project group, or as
 * 重点绩效评价) are listed as mentions, attached to a project with its own report when the
 * department and the name match one of that project's names.
 */
import type { LoadedReport } from '../content.ts';

export interface Mention {
  year: number;
  /** The department report that names it. */
  r: LoadedReport;
  name: string;
  /** As written, in the naming report's unit. */
  planned?: number | undefined;
  spent?: number | undefined;
  score?: number | undefined;
  grade?: string | undefined;
  /** Where the report names it: the project group's name, or 重点绩效评价. */
  source: string;
  /** Data path, for the written precision. */
  path: string;
  /** The project with its own report, when the name matches. */
  projectKey?: string | undefined;
}

export interface ProjectEntry {
  /** department id / project id */
  key: string;
  departmentId: string;
  projectId: string;
  /** Latest name first, then older names that differ. */
  names: string[];
  departmentName: string;
  /** Its own reports, oldest first. */
  reports: LoadedReport[];
  mentions: Mention[];
}

export const projectKey = (departmentId: string, projectId: string) => `${departmentId}/${projectId}`;

export function mentionsOf(r: LoadedReport): Mention[] {
  const year = r.report.year;
  const groups = (r.report.projects?.groups ?? []).flatMap((g, gi) =>
    (g.items ?? []).map((it, ii) => ({
      year,
      r,
      name: it.name,
      planned: it.planned,
      spent: it.spent,
      source: g.name,
      path: `projects.groups[${gi}].items[${ii}]`,
    })),
  );
  const evaluated = (r.report.keyEvaluations ?? []).map((k, i) => ({
    year,
    r,
    name: k.name,
    planned: k.amount,
    score: k.score,
    grade: k.grade,
    source: '重点绩效评价',
    path: `keyEvaluations[${i}]`,
  }));
  return [...groups, ...evaluated];
}

export interface ProjectIndex {
  projects: ProjectEntry[];
  mentions: Mention[];
}

export function projectIndex(reports: readonly LoadedReport[]): ProjectIndex {
  const byKey = new Map<string, ProjectEntry>();
  const own = reports.filter((r) => r.report.kind === 'project' && r.report.project).sort((a, b) => a.report.year - b.report.year);
  for (const r of own) {
    const key = projectKey(r.report.department.id, r.report.project!.id);
    const e = byKey.get(key) ?? {
      key,
      departmentId: r.report.department.id,
      projectId: r.report.project!.id,
      names: [],
      departmentName: r.report.department.name,
      reports: [],
      mentions: [],
    };
    e.reports.push(r);
    e.departmentName = r.report.department.name;
    byKey.set(key, e);
  }
  for (const e of byKey.values()) e.names = [...new Set(e.reports.map((r) => r.report.project!.name).reverse())];
  const byName = new Map<string, string>();
  for (const e of byKey.values()) for (const n of e.names) byName.set(`${e.departmentId}\u0000${n}`, e.key);
  const mentions = reports.filter((r) => r.report.kind === 'department').flatMap(mentionsOf);
  for (const m of mentions) {
    m.projectKey = byName.get(`${m.r.report.department.id}\u0000${m.name}`);
    if (m.projectKey) byKey.get(m.projectKey)!.mentions.push(m);
  }
  mentions.sort((a, b) => b.year - a.year || a.r.report.department.name.localeCompare(b.r.report.department.name, 'zh-CN') || 0);
  const projects = [...byKey.values()].sort(
    (a, b) => a.departmentName.localeCompare(b.departmentName, 'zh-CN') || a.names[0]!.localeCompare(b.names[0]!, 'zh-CN'),
  );
  return { projects, mentions };
}
