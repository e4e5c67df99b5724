import { say, UserError, type Said } from '../errors/user-error.ts';

/** The base path a site is served under: `/` or a plain subdirectory such as /xxgk/jxzp/. */
export function normalizeBase(base: string | undefined): string {
  if (!base || base === '/') return '/';
  const trimmed = base.trim().replace(/^\/*/, '/').replace(/\/*$/, '/');
  if (!/^\/[A-Za-z0-9._~\-/]*\/$/.test(trimmed) || trimmed.includes('//') || trimmed.split('/').includes('..'))
    throw new UserError(say('BASE_INVALID', { base }));
  return trimmed;
}

/** What is wrong when `site` (--site, or site.yaml's url) is not an http(s) address a page can link to; undefined when it is. */
export function siteUrlProblem(site: string): Said | undefined {
  const url = URL.canParse(site.trim()) ? new URL(site.trim()) : undefined;
  if (url && /^https?:$/.test(url.protocol) && url.hostname) return undefined;
  return say('SITE_URL_INVALID', { site });
}
