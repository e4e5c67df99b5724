/** Money checks: parts against totals, and the stated execution rate against spent ÷ planned. */
import { num } from '../findings.ts';
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
      out.push(warn(ctx, 'W_BUDGET_PARTS', ['budget', 'spent'],
        `基本支出 ${num(b.basic, d)} + 项目支出 ${num(b.project, d)} = ${num(parts, d)} ${u}，与实际支出 ${num(b.spent, d)} ${u} 不符（相差 ${num(Math.abs(parts - b.spent), d)}）。`,
        { basic: b.basic, project: b.project, sum: parts, spent: b.spent }));
  }

  if (b.sources) {
    for (const key of ['planned', 'spent', 'initial'] as const) {
      const total = b[key];
      const parts = b.sources.map((s) => s[key]);
      if (total === undefined || parts.some((p) => p === undefined)) continue;
      const d = Math.max(digitsAt(ctx, ['budget', key]), ...b.sources.map((_, i) => digitsAt(ctx, ['budget', 'sources', i, key])));
      const s = sum(parts as number[], d);
      if (differs(s, total, d))
        out.push(warn(ctx, 'W_SOURCES_SUM', ['budget', key],
          `各资金来源的${LABEL[key]}合计 ${num(s, d)} ${u}，与${LABEL[key]} ${num(total, d)} ${u} 不符。`,
          { sum: s, total }));
    }
  }

  if (b.executionRate !== undefined && b.planned && b.spent !== undefined) {
    const computed = (b.spent / b.planned) * 100;
    const d = digitsAt(ctx, ['budget', 'executionRate']);
    if (!rateAgrees(b.executionRate, computed, d)) {
      const dd = Math.max(digitsAt(ctx, ['budget', 'spent']), digitsAt(ctx, ['budget', 'planned']));
      out.push(warn(ctx, 'W_RATE_MISMATCH', ['budget', 'executionRate'],
        `报告所写预算执行率 ${num(b.executionRate, d)}%，而实际支出 ${num(b.spent, dd)} ÷ 全年预算 ${num(b.planned, dd)} = ${num(computed, 2)}%。`,
        { stated: b.executionRate, spent: b.spent, planned: b.planned, computed: Math.round(computed * 100) / 100 },
        '数据按报告原文保留；如原文如此，在 acknowledgements 中说明。'));
    }
  }
  return out;
};

const LABEL = { planned: '全年预算', spent: '实际支出', initial: '年初预算' } as const;
