/**
 * Tiny hand-written reports (虚构) for the comparison unit tests, loaded by the real loader, so
 * every expected figure in the tests is worked out by hand from the YAML below.
 */
import { join } from 'node:path';
import { writeTree } from '../../helpers/build-site.ts';
import { loadContent, type LoadedReport } from '../../../src/validate/index.ts';
import { provideTestContext } from '../../helpers/build-context.ts';

// The comparison modules link pages (src/site/routes.ts): they read the base path the build provides.
provideTestContext();

export interface Mini {
  id: string;
  year?: number;
  unit?: string;
  planned?: number | string;
  spent?: number | string;
  rate?: number | string;
  total?: number;
  grade?: string;
  max?: number;
  /** YAML lines of score.indicators, indented by 4. */
  indicators?: string;
  project?: { id: string; name: string };
  /** YAML of `projects:` (without the key). */
  projects?: string;
}

export function yamlOf(m: Mini): string {
  const year = m.year ?? 2023;
  const b = [
    m.unit && `  unit: ${m.unit}`,
    m.planned !== undefined && `  planned: ${m.planned}`,
    m.spent !== undefined && `  spent: ${m.spent}`,
    m.rate !== undefined && `  executionRate: ${m.rate}`,
  ].filter(Boolean);
  const s = [
    m.total !== undefined && `  total: ${m.total}`,
    m.max !== undefined && `  max: ${m.max}`,
    m.grade && `  grade: ${m.grade}`,
    m.indicators && `  indicators:\n${m.indicators}`,
  ].filter(Boolean);
  return (
    [
      `kind: ${m.project ? 'project' : 'department'}`,
      `year: ${year}`,
      `title: ${year}年度示例市虚构区${m.id}${m.project ? m.project.name : '部门整体支出'}绩效自评报告`,
      `department: { id: ${m.id}, name: 示例市虚构区${m.id}局, shortName: 虚构${m.id} }`,
      m.project && `project: { id: ${m.project.id}, name: ${m.project.name} }`,
      b.length && `budget:\n${b.join('\n')}`,
      s.length && `score:\n${s.join('\n')}`,
      m.projects && `projects:\n${m.projects}`,
      // A published report says why a figure is left out (staff's completeness rule).
      (m.planned === undefined || m.spent === undefined || m.total === undefined) &&
        [
          'notStated:',
          (m.planned === undefined || m.spent === undefined) && '  budget: 原报告未公开预算数（虚构示例）',
          m.total === undefined && '  score: 原报告未给出自评得分（虚构示例）',
        ]
          .filter(Boolean)
          .join('\n'),
    ]
      .filter(Boolean)
      .join('\n') + '\n'
  );
}

export async function load(...minis: Mini[]): Promise<LoadedReport[]> {
  const files = Object.fromEntries(minis.map((m, i) => [`content/${m.year ?? 2023}/${i}-${m.id}${m.project ? `-${m.project.id}` : ''}.yaml`, yamlOf(m)]));
  const { reports, findings } = await loadContent(join(writeTree(files), 'content'));
  const errors = findings.filter((f) => f.severity === 'error');
  if (errors.length) throw new Error(JSON.stringify(errors, null, 1));
  const order = (r: LoadedReport) => Number(/\/(\d+)-[^/]*$/.exec(r.path)![1]);
  return [...reports].sort((a, b) => order(a) - order(b));
}
