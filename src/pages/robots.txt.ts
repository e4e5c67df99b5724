// robots.txt: crawl everything; name the sitemap when a site URL is configured.
import { robotsTxt } from '../publish/robots.ts';

export function GET() {
  return new Response(robotsTxt(), { headers: { 'content-type': 'text/plain; charset=utf-8' } });
}
