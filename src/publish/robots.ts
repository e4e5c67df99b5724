/**
 * robots.txt: everything may be crawled; the sitemap is named when a site URL is configured
 * (a sitemap needs absolute URLs). Under a subdirectory crawlers read only the host's root
 * robots.txt: docs/deploy.md says to copy the Sitemap line there.
 */
import { absoluteUrl } from './urls.ts';
import { href } from '../site/routes.ts';

export function robotsTxt(): string {
  const sitemap = absoluteUrl(href('sitemap.xml'));
  return ['User-agent: *', 'Allow: /', ...(sitemap ? ['', `Sitemap: ${sitemap}`] : []), ''].join('\n');
}
