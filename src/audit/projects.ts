/** Project checks: stated counts against the lists, payment rates against spent ÷ planned. */
import { num, type Finding } from '../findings.ts';
import { rateFigure, spentRate } from '../schema/index.ts';
import { differs, digitsAt, rateAgrees, warn, type Rule } from './context.ts';

export const checkProjects: Rule = (ctx) => {
  const p = ctx.report.projects;
  const out: Finding[] = [];
  if (!p) return out;
  const groups = p.groups ?? [];
  groups.forEach((g, i) => {
    const path = ['projects', 'groups', i];
    if (g.count !== undefined && g.items && g.items.length > g.count)
      out.push(
        warn(ctx, 'W_COUNT_LIST', [...path, 'count'], { group: g.name, count: g.count, listed: g.items.length }, { count: g.count, listed: g.items.length }),
      );
    const computed = spentRate(g);
    if (g.paymentRate !== undefined && computed !== undefined) {
      const d = digitsAt(ctx, [...path, 'paymentRate']);
      const dd = Math.max(digitsAt(ctx, [...path, 'spent']), digitsAt(ctx, [...path, 'planned']));
      if (!rateAgrees(g.paymentRate, computed, d))
        out.push(
          warn(
            ctx,
            'W_RATE_MISMATCH',
            [...path, 'paymentRate'],
            { group: g.name, stated: num(g.paymentRate, d), spent: num(g.spent!, dd), planned: num(g.planned!, dd), computed: num(computed, 2) },
            { stated: g.paymentRate, spent: g.spent!, planned: g.planned!, computed: rateFigure(computed) },
          ),
        );
    }
  });
  const counted = groups.map((g) => g.count ?? 0).reduce((a, b) => a + b, 0);
  if (p.count !== undefined && counted > p.count)
    out.push(warn(ctx, 'W_COUNT_LIST', ['projects', 'count'], { count: p.count, listed: counted }, { count: p.count, sum: counted }));
  const budgetProject = ctx.report.budget?.project;
  const u = ctx.report.budget?.unit ?? '万元';
  if (p.amount !== undefined && budgetProject !== undefined) {
    const d = Math.max(digitsAt(ctx, ['projects', 'amount']), digitsAt(ctx, ['budget', 'project']));
    if (differs(p.amount, budgetProject, d))
      out.push(
        warn(
          ctx,
          'W_PROJECT_AMOUNT',
          ['projects', 'amount'],
          { amount: num(p.amount, d), project: num(budgetProject, d), unit: u },
          { amount: p.amount, project: budgetProject },
        ),
      );
  }
  return out;
};
