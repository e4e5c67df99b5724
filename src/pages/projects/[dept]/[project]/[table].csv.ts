// Each table of a project page as CSV, beside the page.
import type { APIRoute } from 'astro';
import { allReports } from '../../../../site/content.ts';
import { departmentPageKey } from '../../../../site/page-keys.ts';
import { projectIndex } from '../../../../site/compare/projects.ts';
import { projectMentionsTable, projectTrends, projectYearsTable } from '../../../../site/compare/project-view.ts';
import { tableCsv, type CompareTable } from '../../../../site/compare/table.ts';
import { inShard } from '../../../../site/shard.ts';

export async function getStaticPaths() {
  const all = await allReports();
  return inShard(
    'projects/[dept]/[project]/[table].csv',
    projectIndex(all).projects.flatMap((e) =>
      [projectYearsTable(e), projectMentionsTable(e), ...projectTrends(e).map((t) => t.table)]
        .filter((t): t is CompareTable => Boolean(t))
        .map((table) => ({
          params: { dept: e.departmentId, project: e.projectId, table: table.id },
          props: { table },
          cacheKey: departmentPageKey(all, e.departmentId, e.projectId, table.id),
        })),
    ),
  );
}

export const GET: APIRoute = ({ props }) =>
  new Response(tableCsv((props as { table: CompareTable }).table), { headers: { 'content-type': 'text/csv; charset=utf-8' } });
