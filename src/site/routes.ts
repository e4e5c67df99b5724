/** Every URL of the site in one place, all under the configured base path. */
const base = () => (import.meta.env.BASE_URL ?? '/').replace(/\/?$/, '/');

export const href = (path = '') => `${base()}${path.replace(/^\//, '')}`;
export const reportHref = (id: string) => href(`reports/${id}/`);
export const departmentHref = (id: string) => href(`departments/${id}/`);
export const yearHref = (year: number) => href(`years/${year}/`);
