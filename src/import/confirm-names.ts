/**
 * Names checked before the draft is written: a department's or project's name read from a misread
 * cell (a label, a date, a placeholder, page furniture) is trimmed to the one piece that reads as a
 * name or left empty, with its reason in 待核对. The words are data in forms.ts.
 */
import { IMPORT_REVIEW } from '../errors/import-review.ts';
import type { Draft } from './draft.ts';
import { NAME_FURNITURE, NOT_A_NAME, NOT_A_PROJECT_NAME, UNIT_SUFFIX } from './forms.ts';
import { fold } from './normalize.ts';
import type { Review } from './review.ts';

/**
 * A name read with page furniture or a label around it ("区商务局 填报日期", "发布日期: 2025-04-29-
 * 时效性: 有效红河州数据发展中心") keeps the one piece that reads as a name; a name with no such
 * piece (a label, a date, a placeholder) is left empty.
 */
export function confirmNames(draft: Draft, review: Review) {
  const names: [string, { name?: string } | undefined, [RegExp, string][]][] = [
    ['department.name', draft.data.department, NOT_A_NAME],
    ['project.name', draft.data.project, [...NOT_A_NAME, ...NOT_A_PROJECT_NAME]],
  ];
  for (const [field, holder, rules] of names) {
    if (!holder?.name) continue;
    const value = holder.name;
    const bad = (v: string) => rules.find(([re]) => re.test(fold(v).trim()))?.[1];
    const why = bad(value);
    if (!why) continue;
    const what = field === 'project.name' ? '项目名称' : '部门名称';
    const pieces = fold(value)
      .replace(NAME_FURNITURE, '|')
      .split('|')
      .map((p) => p.replace(/^[\s\-:;,]+|[\s\-:;,]+$/g, ''))
      .filter((p) => [...p].length >= 3 && !bad(p) && (field === 'project.name' || UNIT_SUFFIX.test(p)));
    if (pieces.length === 1) {
      holder.name = pieces[0]!;
      review.add(IMPORT_REVIEW.nameTrimmed({ what, value: value.slice(0, 60), name: pieces[0]! }), field);
      continue;
    }
    delete holder.name;
    draft.sources.delete(field);
    review.add(IMPORT_REVIEW.nameRejected({ what, value: value.slice(0, 40), why }), field);
  }
}
