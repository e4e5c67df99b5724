// The project index's tables as CSV: /projects/projects.csv and /projects/named.csv.
import type { APIRoute } from 'astro';
import { allReports } from '../../site/content.ts';
import { projectIndex } from '../../site/compare/projects.ts';
import { mentionsTable, projectsTable } from '../../site/compare/project-view.ts';
import { tableCsv, type CompareTable } from '../../site/compare/table.ts';
import { inShard } from '../../site/shard.ts';

export async function getStaticPaths() {
  const { projects, mentions } = projectIndex(await allReports());
  return inShard(
    'projects/[table].csv',
    [projectsTable(projects), mentionsTable(mentions)].map((table) => ({ params: { table: table.id }, props: { table } })),
  );
}

export const GET: APIRoute = ({ props }) =>
  new Response(tableCsv((props as { table: CompareTable }).table), { headers: { 'content-type': 'text/csv; charset=utf-8' } });
