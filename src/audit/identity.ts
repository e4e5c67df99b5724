/** Identity checks: the year in the title against the fiscal year of the file. */
import { warn, type Rule } from './context.ts';

export const checkIdentity: Rule = (ctx) => {
  const { title, year } = ctx.report;
  const stated = [...title.matchAll(/(?<!\d)((?:19|20)\d{2})\s*年/g)].map((m) => Number(m[1]));
  if (stated.length === 0 || stated.includes(year)) return [];
  return [warn(ctx, 'W_TITLE_YEAR', ['year'], { year, titleYear: stated[0]!, title }, { year: String(year), title: String(stated[0]) })];
};
