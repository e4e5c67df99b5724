// Each table of a year page as CSV, beside the page: /years/2023/departments.csv and so on.
import type { APIRoute } from 'astro';
import { years } from '../../../site/content.ts';
import { pageKey } from '../../../site/page-keys.ts';
import { tableCsv, type CompareTable } from '../../../site/compare/table.ts';
import { yearView } from '../../../site/compare/year-view.ts';
import { inShard } from '../../../site/shard.ts';

export async function getStaticPaths() {
  return inShard(
    'years/[year]/[table].csv',
    (await years()).flatMap(({ year, reports }) =>
      Object.values(yearView(year, reports).tables)
        .filter((t): t is CompareTable => Boolean(t))
        .map((table) => ({ params: { year: String(year), table: table.id }, props: { table }, cacheKey: pageKey(reports, table.id) })),
    ),
  );
}

export const GET: APIRoute = ({ props }) =>
  new Response(tableCsv((props as { table: CompareTable }).table), { headers: { 'content-type': 'text/csv; charset=utf-8' } });
