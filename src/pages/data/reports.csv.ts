// data/reports.csv: one row per report with its key figures (UTF-8 with BOM, CRLF, for Excel).
import { allReports } from '../../site/content.ts';
import { reportsCsv } from '../../publish/tables.ts';
import { firstShardOnly } from '../../site/shard.ts';

export const GET = firstShardOnly(async () => {
  return new Response(reportsCsv(await allReports()), { headers: { 'content-type': 'text/csv; charset=utf-8' } });
});
