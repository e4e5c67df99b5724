// data/indicators.csv: one row per indicator of every report (UTF-8 with BOM, CRLF, for Excel).
import { allReports } from '../../site/content.ts';
import { indicatorsCsv } from '../../publish/tables.ts';
import { firstShardOnly } from '../../site/shard.ts';

export const GET = firstShardOnly(async () => {
  return new Response(indicatorsCsv(await allReports()), { headers: { 'content-type': 'text/csv; charset=utf-8' } });
});
