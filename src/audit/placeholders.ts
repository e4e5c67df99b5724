/**
 * Template left unfilled: the template's placeholders (××区××局, xxxxxxxx, example.gov.cn, 示例),
 * its instruction texts (扣分原因……) and its ids (bumen-biaoshi) must not reach a published page.
 * Drafts are not published, so only reports without `draft: true` are checked.
 */
import { formatPath, type Finding } from '../findings.ts';
import { error, type AuditContext, type Rule } from './context.ts';

/** The ids templates/report.yaml ships with; test/validate/placeholders.test.ts pins them to it. */
export const TEMPLATE_IDS = ['bumen-biaoshi', 'xiangmu-biaoshi'] as const;

/** The template's instruction texts (every value in templates/report.yaml that ends in ……). */
export const TEMPLATE_TEXTS = [
  '扣分原因……',
  '评价情况……',
  '部门概况与主要职责……',
  '年度总体工作和重点工作任务……',
  '部门整体收支情况……',
  '绩效管理情况……',
  '自评结论……',
  '绩效目标完成情况分析……',
  '项目支出完成情况分析……',
  '主要工作成效……',
  '存在的主要问题……',
  '下一步改进措施……',
  '原文如此……',
];

/** Marks of a placeholder anywhere in a value. */
const MARKS: [RegExp, string][] = [
  [/×{2}|Ｘ{2}|✕{2}/, '××'],
  [/(?<![A-Za-z])[xX]{4,}(?![A-Za-z])/, 'xxxx'],
  [/example\.(gov\.cn|com|org)/i, 'example 网址'],
];

/**
 * 示例 as the whole value, or leading an instruction (示例：…). A name that merely contains 示例
 * passes: test and benchmark reports are named 示例/虚构 on purpose, and are never in content/.
 */
const EXAMPLE = /^(示例|示例文字|示例内容|示例项目|示例单位)$|^示例[：:]/;

export function placeholderIn(value: string): string | undefined {
  const text = value.trim();
  if (TEMPLATE_TEXTS.includes(text) || EXAMPLE.test(text)) return text;
  for (const [re] of MARKS) if (re.test(text)) return text;
  return undefined;
}

export const checkPlaceholders: Rule = (ctx) => {
  if (ctx.report.draft) return [];
  const out: Finding[] = [];
  const { department, project } = ctx.report;
  if ((TEMPLATE_IDS as readonly string[]).includes(department.id))
    out.push(error(ctx, 'E_TEMPLATE_ID', ['department', 'id'], { which: 'department', id: department.id }));
  if (project && (TEMPLATE_IDS as readonly string[]).includes(project.id))
    out.push(error(ctx, 'E_TEMPLATE_ID', ['project', 'id'], { which: 'project', id: project.id }));
  walk(ctx, ctx.report, [], out);
  return out;
};

function walk(ctx: AuditContext, value: unknown, path: PropertyKey[], out: Finding[]): void {
  if (typeof value === 'string') {
    const field = formatPath(path);
    if (field === 'department.id' || field === 'project.id') return;
    const hit = placeholderIn(value);
    if (hit) out.push(error(ctx, 'E_PLACEHOLDER', path, { text: hit }));
  } else if (Array.isArray(value)) value.forEach((v, i) => walk(ctx, v, [...path, i], out));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(ctx, v, [...path, k], out);
}
