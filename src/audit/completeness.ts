/**
 * Nothing half-filled goes public: a report that is not a draft states its budget (planned and
 * spent) and its total score, or says in `notStated`, in a sentence the page then shows, that the
 * original does not state them. A figure is never filled in to make a report pass.
 */
import type { Finding } from '../findings.ts';
import { error, warn, type Rule } from './context.ts';

export const checkCompleteness: Rule = (ctx) => {
  const { report } = ctx;
  if (report.draft) return [];
  const out: Finding[] = [];
  const b = report.budget;
  const missing = (
    [
      ['planned', '全年预算'],
      ['spent', '实际支出'],
    ] as const
  ).filter(([k]) => b?.[k] === undefined);
  const said = report.notStated;
  if (missing.length && !said?.budget) {
    const names = missing.map(([k, t]) => `${t}（budget.${k}）`).join('和');
    out.push(error(ctx, 'E_BUDGET_MISSING', b ? ['budget', missing[0]![0]] : ['budget'], { names }));
  }
  if (!missing.length && said?.budget) out.push(warn(ctx, 'W_NOT_STATED_UNUSED', ['notStated', 'budget'], { what: 'budget' }));
  const total = report.score?.total;
  if (total === undefined && !said?.score) out.push(error(ctx, 'E_SCORE_MISSING', report.score ? ['score', 'total'] : ['score'], undefined));
  if (total !== undefined && said?.score) out.push(warn(ctx, 'W_NOT_STATED_UNUSED', ['notStated', 'score'], { what: 'score' }));
  return out;
};
