/**
 * Score checks over the indicator tree at every level: a score above its max is an error;
 * children that do not add up to their parent, a stated 得分率 that differs from score ÷ max,
 * and a grade outside its band are warnings.
 */
import { num, type Finding } from '../findings.ts';
import { bandOf, gradeFits, rateFigure, scoreRate, type Grade, type Indicator } from '../schema/index.ts';
import { differs, digitsAt, error, rateAgrees, sum, warn, type AuditContext, type Rule } from './context.ts';

export const checkScores: Rule = (ctx) => {
  const s = ctx.report.score;
  const out: Finding[] = [];
  if (s) {
    if (s.total !== undefined && s.total > s.max) out.push(error(ctx, 'E_SCORE_ABOVE_MAX', ['score', 'total'], { score: num(s.total), max: num(s.max) }));
    if (s.indicators) {
      s.indicators.forEach((ind, i) => walk(ctx, ind, ['score', 'indicators', i], out));
      // score.max defaults to 100; only a full mark the report states is compared with the indicators.
      const statedMax = ctx.decimals.has('score.max') ? s.max : undefined;
      compareChildren(ctx, { name: '自评得分', score: s.total, max: statedMax }, s.indicators, ['score'], out, 'total');
    }
    if (s.grade && s.total !== undefined) checkGrade(ctx, s.grade, s.total, ['score', 'grade'], '自评', out);
  }
  ctx.report.keyEvaluations?.forEach((e, i) => {
    if (e.grade && e.score !== undefined) checkGrade(ctx, e.grade, e.score, ['keyEvaluations', i, 'grade'], `重点绩效评价“${e.name}”`, out);
  });
  return out;
};

function walk(ctx: AuditContext, ind: Indicator, path: PropertyKey[], out: Finding[]) {
  if (ind.score !== undefined && ind.max !== undefined && ind.score > ind.max)
    out.push(error(ctx, 'E_SCORE_ABOVE_MAX', [...path, 'score'], { indicator: ind.name, score: num(ind.score), max: num(ind.max) }));
  const computed = scoreRate(ind.score, ind.max);
  if (ind.rate !== undefined && computed !== undefined) {
    const d = digitsAt(ctx, [...path, 'rate']);
    if (!rateAgrees(ind.rate, computed, d))
      out.push(
        warn(
          ctx,
          'W_INDICATOR_RATE',
          [...path, 'rate'],
          { indicator: ind.name, stated: num(ind.rate, d), score: num(ind.score!), max: num(ind.max!), computed: num(computed, 2) },
          { stated: ind.rate, score: ind.score!, max: ind.max!, computed: rateFigure(computed) },
        ),
      );
  }
  if (ind.children) {
    ind.children.forEach((c, i) => walk(ctx, c, [...path, 'children', i], out));
    compareChildren(ctx, ind, ind.children, path, out, 'score');
  }
}

function compareChildren(
  ctx: AuditContext,
  parent: Pick<Indicator, 'name' | 'score' | 'max'>,
  children: Indicator[],
  path: PropertyKey[],
  out: Finding[],
  scoreKey: 'score' | 'total',
) {
  const kids = path.at(-1) === 'score' ? ['indicators'] : ['children'];
  for (const key of ['score', 'max'] as const) {
    const total = parent[key];
    const parts = children.map((c) => c[key]);
    if (total === undefined || parts.some((p) => p === undefined)) continue;
    const d = Math.max(...children.map((_, i) => digitsAt(ctx, [...path, ...kids, i, key])), digitsAt(ctx, [...path, key === 'score' ? scoreKey : key]));
    const s = sum(parts as number[], d);
    if (!differs(s, total, d)) continue;
    const what = key === 'score' ? '得分' : '分值';
    const names = children.map((c) => `${c.name} ${num(c[key]!)}`).join(' + ');
    const top = scoreKey === 'total';
    const subject = top ? `${key === 'score' ? '自评得分' : '满分'} ${num(total)}` : `指标“${parent.name}”的${what} ${num(total)}`;
    out.push(
      warn(
        ctx,
        key === 'score' ? 'W_SCORE_SUM' : 'W_MAX_SUM',
        [...path, key === 'score' ? scoreKey : key],
        { subject, parts: top ? '各指标' : '下级指标', names, sum: num(s) },
        { total, sum: s },
      ),
    );
  }
}

function checkGrade(ctx: AuditContext, grade: Grade, score: number, path: PropertyKey[], what: string, out: Finding[]) {
  if (gradeFits(grade, score)) return;
  const band = bandOf(grade).words;
  out.push(warn(ctx, 'W_GRADE_BAND', path, { what, grade, band, score: num(score) }, { grade, score, band }));
}
