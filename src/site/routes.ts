/**
 * Every URL of the site in one place, all under the base path the build validated (`--base` or
 * site.yaml's base) and provided; import.meta.env.BASE_URL can be overridden by a stray
 * BASE_URL variable, so it is not used.
 */
import { buildContext } from './build-context.ts';

export const href = (path = '') => `${buildContext().base}${path.replace(/^\//, '')}`;
export const reportHref = (id: string) => href(`reports/${id}/`);
export const departmentHref = (id: string) => href(`departments/${id}/`);
export const yearHref = (year: number) => href(`years/${year}/`);
