/**
 * Every URL of the site in one place, all under the base path `jixiao build --base` was given
 * (passed as JIXIAO_BASE; import.meta.env.BASE_URL can be overridden by a stray BASE_URL variable).
 */
const base = () => (process.env.JIXIAO_BASE ?? '/').replace(/\/?$/, '/');

export const href = (path = '') => `${base()}${path.replace(/^\//, '')}`;
export const reportHref = (id: string) => href(`reports/${id}/`);
export const departmentHref = (id: string) => href(`departments/${id}/`);
export const yearHref = (year: number) => href(`years/${year}/`);
