/** Project checks: stated counts against the lists, payment rates against spent ÷ planned. */
import type { Finding } from '../findings.ts';
import { num } from '../findings.ts';
import { differs, digitsAt, rateAgrees, warn, type Rule } from './context.ts';

export const checkProjects: Rule = (ctx) => {
  const p = ctx.report.projects;
  const out: Finding[] = [];
  if (!p) return out;
  const groups = p.groups ?? [];
  groups.forEach((g, i) => {
    const path = ['projects', 'groups', i];
    if (g.count !== undefined && g.items && g.items.length > g.count)
      out.push(warn(ctx, 'W_COUNT_LIST', [...path, 'count'], `项目类别“${g.name}”写有 ${g.count} 个项目，却列出了 ${g.items.length} 个。`, { count: g.count, listed: g.items.length }));
    if (g.paymentRate !== undefined && g.planned && g.spent !== undefined) {
      const computed = (g.spent / g.planned) * 100;
      const d = digitsAt(ctx, [...path, 'paymentRate']);
      const dd = Math.max(digitsAt(ctx, [...path, 'spent']), digitsAt(ctx, [...path, 'planned']));
      if (!rateAgrees(g.paymentRate, computed, d))
        out.push(warn(ctx, 'W_RATE_MISMATCH', [...path, 'paymentRate'], `项目类别“${g.name}”所写支付率 ${num(g.paymentRate, d)}%，而支付资金 ${num(g.spent, dd)} ÷ 预算资金 ${num(g.planned, dd)} = ${num(computed, 2)}%。`, { stated: g.paymentRate, spent: g.spent, planned: g.planned, computed: Math.round(computed * 100) / 100 }));
    }
  });
  const counted = groups.map((g) => g.count ?? 0).reduce((a, b) => a + b, 0);
  if (p.count !== undefined && counted > p.count)
    out.push(warn(ctx, 'W_COUNT_LIST', ['projects', 'count'], `共写有 ${p.count} 个项目，而各类别项目数之和为 ${counted}。`, { count: p.count, sum: counted }));
  const budgetProject = ctx.report.budget?.project;
  const u = ctx.report.budget?.unit ?? '万元';
  if (p.amount !== undefined && budgetProject !== undefined) {
    const d = Math.max(digitsAt(ctx, ['projects', 'amount']), digitsAt(ctx, ['budget', 'project']));
    if (differs(p.amount, budgetProject, d))
      out.push(warn(ctx, 'W_PROJECT_AMOUNT', ['projects', 'amount'], `项目涉及资金 ${num(p.amount, d)} ${u}，与项目支出 ${num(budgetProject, d)} ${u} 不符。`, { amount: p.amount, project: budgetProject }));
  }
  return out;
};
