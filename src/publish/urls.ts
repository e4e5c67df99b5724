/**
 * Absolute URLs for what must be absolute outside the site (canonical links, the feed, the
 * sitemap, robots.txt). The public site URL comes from `--site` or `url` in site.yaml; the build
 * works out the root with publicRoot() once and provides it (src/site/build-context.ts).
 */
import { buildContext } from '../site/build-context.ts';
import { href } from '../site/routes.ts';

/**
 * The public URL of the site root with a trailing slash. A URL given without the path
 * (https://example.gov.cn with base /xxgk/jxzp/) gets the base path appended.
 */
export function publicRoot(site: string, basePath: string): string {
  const url = new URL(site.trim());
  url.search = '';
  url.hash = '';
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  if (url.pathname === '/' && basePath !== '/') url.pathname = basePath;
  return url.href;
}

/** The configured public URL of the site root, with a trailing slash; undefined when none. */
export const siteUrl = (): string | undefined => buildContext().siteUrl;

/**
 * The absolute URL of a site path as `href()` returns it (base included), e.g.
 * /xxgk/jxzp/reports/2022-a/ → https://example.gov.cn/xxgk/jxzp/reports/2022-a/.
 * Undefined without a configured site URL.
 */
export function absoluteUrl(sitePath: string): string | undefined {
  const root = siteUrl();
  if (!root) return undefined;
  const b = buildContext().base;
  const rel = sitePath.startsWith(b) ? sitePath.slice(b.length) : sitePath.replace(/^\//, '');
  return new URL(rel, root).href;
}

/** The absolute URL when a site URL is configured, else the root-relative path (with base). */
export function publicUrl(path = ''): string {
  const local = href(path);
  return absoluteUrl(local) ?? local;
}
