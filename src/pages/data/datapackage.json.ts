// data/datapackage.json: a Frictionless Data Package describing the open-data files.
import { allReports } from '../../site/content.ts';
import { siteSettings } from '../../site/settings.ts';
import { datapackageText } from '../../publish/datapackage.ts';
import { firstShardOnly } from '../../site/shard.ts';

export const GET = firstShardOnly(async () => {
  return new Response(await datapackageText(await allReports(), await siteSettings()), { headers: { 'content-type': 'application/json; charset=utf-8' } });
});
