/** Identity checks: the year in the title, and the year folder the file sits in, against `year`. */
import { basename, dirname } from 'node:path';
import type { Finding } from '../findings.ts';
import { warn, type Rule } from './context.ts';

export const checkIdentity: Rule = (ctx) => {
  const { title, year } = ctx.report;
  const out: Finding[] = [];
  const stated = [...title.matchAll(/(?<!\d)((?:19|20)\d{2})\s*年/g)].map((m) => Number(m[1]));
  if (stated.length > 0 && !stated.includes(year))
    out.push(warn(ctx, 'W_TITLE_YEAR', ['year'], `年度写的是 ${year}，而标题写的是 ${stated[0]} 年：“${title}”。`, { year: String(year), title: String(stated[0]) }, '核对原文；标题年度与财政年度不同属正常时，在 acknowledgements 中说明。'));
  const folder = basename(dirname(ctx.file));
  if (/^(19|20)\d{2}$/.test(folder) && Number(folder) !== year)
    out.push(warn(ctx, 'W_FOLDER_YEAR', ['year'], `文件放在 ${folder} 文件夹，而年度写的是 ${year}。`, { folder, year: String(year) }, `核对年度：是 ${year} 年度的报告，就把文件移到 ${year} 文件夹；是 ${folder} 年度的，就把 year 改为 ${folder}。`));
  return out;
};
