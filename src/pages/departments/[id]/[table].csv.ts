// Each table of a department page as CSV, beside the page: /departments/<id>/years.csv and so on.
import type { APIRoute } from 'astro';
import { departments } from '../../../site/content.ts';
import { pageKey } from '../../../site/page-keys.ts';
import { departmentView } from '../../../site/compare/department-view.ts';
import { tableCsv, type CompareTable } from '../../../site/compare/table.ts';
import { inShard } from '../../../site/shard.ts';

export async function getStaticPaths() {
  return inShard(
    'departments/[id]/[table].csv',
    (await departments()).flatMap((d) => {
      const v = departmentView(d.reports);
      const tables = [
        v.years,
        v.change?.figures,
        v.change?.indicators.rows.length ? v.change.indicators : undefined,
        v.projects,
        ...v.trends.map((t) => t.table),
      ];
      return tables
        .filter((t): t is CompareTable => Boolean(t))
        .map((table) => ({ params: { id: d.id, table: table.id }, props: { table }, cacheKey: pageKey(d.reports, table.id) }));
    }),
  );
}

export const GET: APIRoute = ({ props }) =>
  new Response(tableCsv((props as { table: CompareTable }).table), { headers: { 'content-type': 'text/csv; charset=utf-8' } });
