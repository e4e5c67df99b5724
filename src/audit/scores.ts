/**
 * Score checks over the indicator tree at every level: a score above its max is an error;
 * children that do not add up to their parent, a stated 得分率 that differs from score ÷ max,
 * and a grade outside its band are warnings.
 */
import type { Finding } from '../findings.ts';
import { num } from '../findings.ts';
import { GRADE_BANDS, type Grade, type Indicator } from '../schema/index.ts';
import { differs, digitsAt, error, rateAgrees, sum, warn, type AuditContext, type Rule } from './context.ts';

export const checkScores: Rule = (ctx) => {
  const s = ctx.report.score;
  const out: Finding[] = [];
  if (s) {
    if (s.total !== undefined && s.total > s.max)
      out.push(error(ctx, 'E_SCORE_ABOVE_MAX', ['score', 'total'], `自评得分 ${num(s.total)} 超过满分 ${num(s.max)}。`, '核对原文；满分不是 100 时写 score.max。'));
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
    out.push(error(ctx, 'E_SCORE_ABOVE_MAX', [...path, 'score'], `指标“${ind.name}”得分 ${num(ind.score)} 超过分值 ${num(ind.max)}。`, '核对原文中的分值和得分。'));
  if (ind.rate !== undefined && ind.score !== undefined && ind.max) {
    const computed = (ind.score / ind.max) * 100;
    const d = digitsAt(ctx, [...path, 'rate']);
    if (!rateAgrees(ind.rate, computed, d))
      out.push(warn(ctx, 'W_INDICATOR_RATE', [...path, 'rate'], `指标“${ind.name}”所写得分率 ${num(ind.rate, d)}%，而得分 ${num(ind.score)} ÷ 分值 ${num(ind.max)} = ${num(computed, 2)}%。`, { stated: ind.rate, score: ind.score, max: ind.max, computed: Math.round(computed * 100) / 100 }));
  }
  if (ind.children) {
    ind.children.forEach((c, i) => walk(ctx, c, [...path, 'children', i], out));
    compareChildren(ctx, ind, ind.children, path, out, 'score');
  }
}

function compareChildren(ctx: AuditContext, parent: Pick<Indicator, 'name' | 'score' | 'max'>, children: Indicator[], path: PropertyKey[], out: Finding[], scoreKey: 'score' | 'total') {
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
    out.push(warn(ctx, key === 'score' ? 'W_SCORE_SUM' : 'W_MAX_SUM', [...path, key === 'score' ? scoreKey : key],
      `${subject}，与${top ? '各指标' : '下级指标'}${what}之和 ${names} = ${num(s)} 不符。`, { total, sum: s }));
  }
}

function checkGrade(ctx: AuditContext, grade: Grade, score: number, path: PropertyKey[], what: string, out: Finding[]) {
  const [lo, hi] = GRADE_BANDS[grade];
  if (score >= lo && score < hi) return;
  const band = BAND_WORDS[grade];
  out.push(warn(ctx, 'W_GRADE_BAND', path, `${what}等级“${grade}”要求得分${band}，而得分为 ${num(score)}。`, { grade, score, band }, '等级按财预〔2020〕10号：优 ≥ 90，80 ≤ 良 < 90，60 ≤ 中 < 80，差 < 60。'));
}

/** The bands of GRADE_BANDS in words staff read without interval notation. */
const BAND_WORDS: Record<Grade, string> = { 优: '在 90 分及以上', 良: '在 80 分及以上、不到 90 分', 中: '在 60 分及以上、不到 80 分', 差: '不到 60 分' };
