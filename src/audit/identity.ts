/** Identity checks: the year in the title, and the year folder the file sits in, against `year`. */
import { basename, dirname } from 'node:path';
import type { Finding } from '../findings.ts';
import { warn, type Rule } from './context.ts';

export const checkIdentity: Rule = (ctx) => {
  const { title, year } = ctx.report;
  const out: Finding[] = [];
  const stated = [...title.matchAll(/(?<!\d)((?:19|20)\d{2})\s*年/g)].map((m) => Number(m[1]));
  if (stated.length > 0 && !stated.includes(year))
    out.push(warn(ctx, 'W_TITLE_YEAR', ['year'], { year, titleYear: stated[0]!, title }, { year: String(year), title: String(stated[0]) }));
  const folder = basename(dirname(ctx.file));
  if (/^(19|20)\d{2}$/.test(folder) && Number(folder) !== year)
    out.push(warn(ctx, 'W_FOLDER_YEAR', ['year'], { folder, year }, { folder, year: String(year) }));
  return out;
};
