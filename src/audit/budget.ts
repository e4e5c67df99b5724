/** Money checks: parts against totals, and the stated execution rate against spent ÷ planned. */
import { num } from '../findings.ts';
import { rateFigure, spentRate } from '../schema/index.ts';
import { differs, digitsAt, rateAgrees, sum, warn, type Rule } from './context.ts';

export const checkBudget: Rule = (ctx) => {
  const b = ctx.report.budget;
  if (!b) return [];
  const out = [];
  const u = b.unit;

  if (b.basic !== undefined && b.project !== undefined && b.spent !== undefined) {
    const d = Math.max(digitsAt(ctx, ['budget', 'basic']), digitsAt(ctx, ['budget', 'project']), digitsAt(ctx, ['budget', 'spent']));
    const parts = sum([b.basic, b.project], d);
    if (differs(parts, b.spent, d))
      out.push(
        warn(
          ctx,
          'W_BUDGET_PARTS',
          ['budget', 'spent'],
          { basic: num(b.basic, d), project: num(b.project, d), sum: num(parts, d), spent: num(b.spent, d), unit: u, gap: num(Math.abs(parts - b.spent), d) },
          { basic: b.basic, project: b.project, sum: parts, spent: b.spent },
        ),
      );
  }

  if (b.sources) {
    for (const key of ['planned', 'spent', 'initial'] as const) {
      const total = b[key];
      const parts = b.sources.map((s) => s[key]);
      if (total === undefined || parts.some((p) => p === undefined)) continue;
      const d = Math.max(digitsAt(ctx, ['budget', key]), ...b.sources.map((_, i) => digitsAt(ctx, ['budget', 'sources', i, key])));
      const s = sum(parts as number[], d);
      if (differs(s, total, d))
        out.push(warn(ctx, 'W_SOURCES_SUM', ['budget', key], { what: LABEL[key], sum: num(s, d), total: num(total, d), unit: u }, { sum: s, total }));
    }
  }

  const computed = spentRate(b);
  if (b.executionRate !== undefined && computed !== undefined) {
    const d = digitsAt(ctx, ['budget', 'executionRate']);
    if (!rateAgrees(b.executionRate, computed, d)) {
      const dd = Math.max(digitsAt(ctx, ['budget', 'spent']), digitsAt(ctx, ['budget', 'planned']));
      out.push(
        warn(
          ctx,
          'W_RATE_MISMATCH',
          ['budget', 'executionRate'],
          { stated: num(b.executionRate, d), spent: num(b.spent!, dd), planned: num(b.planned!, dd), computed: num(computed, 2) },
          { stated: b.executionRate, spent: b.spent!, planned: b.planned!, computed: rateFigure(computed) },
        ),
      );
    }
  }
  return out;
};

const LABEL = { planned: '全年预算', spent: '实际支出', initial: '年初预算' } as const;
