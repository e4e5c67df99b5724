/**
 * Which figures were never checked (issue 31): on a draft, and on a report that keeps a
 * `checked:` list, every number the list does not cover is named in one warning, and every entry
 * that covers no figure (a typing slip, a field since removed) in one of its own. A report
 * without the list and without `draft: true` was typed by hand before the list existed: nothing.
 */
import { closest, finding, type Finding } from '../findings.ts';
import { checkProgress, figuresOf } from '../schema/index.ts';
import type { AuditContext } from './context.ts';

export function checkChecked(ctx: AuditContext): Finding[] {
  const { report } = ctx;
  if (!report.draft && report.checked === undefined) return [];
  const figures = figuresOf(report, (path) => ctx.decimals.has(path));
  const { total, unchecked, strays } = checkProgress(figures, report.checked);
  const out: Finding[] = [];
  const listLine = ctx.lineOf(report.checked ? ['checked'] : ['draft']);
  if (unchecked.length)
    out.push(
      finding('W_UNCHECKED', { file: ctx.file, line: listLine, field: 'checked' }, { count: unchecked.length, total, names: unchecked.map((f) => f.label) }),
    );
  for (const { entry, index } of strays)
    out.push(
      finding(
        'W_CHECKED_UNKNOWN',
        { file: ctx.file, line: ctx.lineOf(['checked', index]), field: `checked[${index}]` },
        {
          entry,
          suggestion: closest(
            entry,
            figures.map((f) => f.path),
          ),
        },
      ),
    );
  return out;
}
