import { UserError } from '../errors/user-error.ts';

/** The base path a site is served under: `/` or a plain subdirectory such as /xxgk/jxzp/. */
export function normalizeBase(base: string | undefined): string {
  if (!base || base === '/') return '/';
  const trimmed = base.trim().replace(/^\/*/, '/').replace(/\/*$/, '/');
  if (!/^\/[A-Za-z0-9._~\-/]*\/$/.test(trimmed) || trimmed.includes('//') || trimmed.split('/').includes('..'))
    throw new UserError(`--base ${base} 不是有效的子目录路径，应形如 /xxgk/jxzp/。`);
  return trimmed;
}

/** A Chinese sentence when `site` (--site, or site.yaml's url) is not an http(s) address a page can link to; undefined when it is. */
export function siteUrlProblem(site: string): string | undefined {
  const url = URL.canParse(site.trim()) ? new URL(site.trim()) : undefined;
  if (url && /^https?:$/.test(url.protocol) && url.hostname) return undefined;
  return `--site ${site} 不是有效的网址，应形如 https://www.example.gov.cn/xxgk/jxzp/。`;
}
