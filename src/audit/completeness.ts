/**
 * Nothing half-filled goes public: a report that is not a draft states its budget (planned and
 * spent) and its total score, or says in `notStated`, in a sentence the page then shows, that the
 * original does not state them. A figure is never filled in to make a report pass.
 */
import type { Finding } from '../findings.ts';
import { error, warn, type Rule } from './context.ts';

const BUDGET_HINT = '按报告原文填写；原文确实没有公开这些数字时，在文件末尾写 notStated: { budget: 原报告未公开预算数 }（写明原因，页面会显示这句话）。不要填 0。';
const SCORE_HINT = '按报告原文填写 score.total；原文确实没有给出自评得分时，写 notStated: { score: 原报告未给出自评得分 }（写明原因，页面会显示这句话）。不要填 0。';

export const checkCompleteness: Rule = (ctx) => {
  const { report } = ctx;
  if (report.draft) return [];
  const out: Finding[] = [];
  const b = report.budget;
  const missing = ([['planned', '全年预算'], ['spent', '实际支出']] as const).filter(([k]) => b?.[k] === undefined);
  const said = report.notStated;
  if (missing.length && !said?.budget) {
    const names = missing.map(([k, t]) => `${t}（budget.${k}）`).join('和');
    out.push(error(ctx, 'E_BUDGET_MISSING', b ? ['budget', missing[0]![0]] : ['budget'], `报告没有写${names}，不能发布。`, BUDGET_HINT));
  }
  if (!missing.length && said?.budget)
    out.push(warn(ctx, 'W_NOT_STATED_UNUSED', ['notStated', 'budget'], '已写了全年预算和实际支出，notStated.budget 的说明不会显示。', {}, '删除 notStated 中的 budget 一行。'));
  const total = report.score?.total;
  if (total === undefined && !said?.score)
    out.push(error(ctx, 'E_SCORE_MISSING', report.score ? ['score', 'total'] : ['score'], '报告没有写自评得分（score.total），不能发布。', SCORE_HINT));
  if (total !== undefined && said?.score)
    out.push(warn(ctx, 'W_NOT_STATED_UNUSED', ['notStated', 'score'], '已写了自评得分，notStated.score 的说明不会显示。', {}, '删除 notStated 中的 score 一行。'));
  return out;
};
