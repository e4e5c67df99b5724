// data/reports.json: the index of every published report (open data).
import { allReports } from '../../site/content.ts';
import { siteSettings } from '../../site/settings.ts';
import { reportsIndexText } from '../../publish/datapackage.ts';
import { firstShardOnly } from '../../site/shard.ts';

export const GET = firstShardOnly(async () => {
  return new Response(reportsIndexText(await allReports(), await siteSettings()), { headers: { 'content-type': 'application/json; charset=utf-8' } });
});
