// feed.xml: the Atom feed of published reports, newest first.
import { allReports } from '../site/content.ts';
import { siteSettings } from '../site/settings.ts';
import { atomFeed } from '../publish/feed.ts';
import { firstShardOnly } from '../site/shard.ts';

export const GET = firstShardOnly(async () => {
  return new Response(atomFeed(await allReports(), await siteSettings()), { headers: { 'content-type': 'application/atom+xml; charset=utf-8' } });
});
