import { UserError } from '../errors/user-error.ts';

/** The base path a site is served under: `/` or a plain subdirectory such as /xxgk/jxzp/. */
export function normalizeBase(base: string | undefined): string {
  if (!base || base === '/') return '/';
  const trimmed = base.trim().replace(/^\/*/, '/').replace(/\/*$/, '/');
  if (!/^\/[A-Za-z0-9._~\-/]*\/$/.test(trimmed) || trimmed.includes('//') || trimmed.split('/').includes('..'))
    throw new UserError(`--base ${base} 不是有效的子目录路径，应形如 /xxgk/jxzp/。`);
  return trimmed;
}
