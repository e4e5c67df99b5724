/**
 * The story of a report as a reader wants it first: where the points were lost and why, one
 * plain sentence built only from figures the report states, and which targets were missed.
 * Nothing is guessed: a target counts as missed only when target and actual are numbers in the
 * same unit and the target says which way it points (≥, ≤, 不低于 …, or a bare 100%).
 */
import type { Indicator } from '../schema/index.ts';
import type { ChartFigure } from './charts-data.ts';
import { plainText } from '../formats/markdown.ts';
import type { LoadedReport } from './content.ts';
import { figure, formatNumber } from './format.ts';
import { executionRateView, unitOf } from './report-view.ts';

export interface PointsLost {
  name: string;
  /** Ancestors' names, outermost first. */
  parents: string[];
  lost: number;
  max: number;
  score: number;
  /** The indicator's own 扣分原因, else its nearest ancestor's 说明 (with whose it is). */
  reason?: { text: string; from?: string };
}

const hasBoth = (i: Indicator) => i.max !== undefined && i.score !== undefined;
const round = (n: number) => Math.round(n * 1e6) / 1e6;

/** Lowest scored indicators that lost points, the biggest loss first. */
export function pointsLost(r: LoadedReport): PointsLost[] {
  const out: PointsLost[] = [];
  const walk = (list: Indicator[], parents: Indicator[]) => {
    for (const ind of list) {
      if (ind.children?.some(hasBoth)) {
        walk(ind.children, [...parents, ind]);
        continue;
      }
      if (!hasBoth(ind) || ind.score! >= ind.max!) continue;
      const owner = [...parents].reverse().find((p) => p.note);
      const reason = ind.note ? { text: ind.note } : owner ? { text: owner.note!, from: owner.name } : undefined;
      out.push({
        name: ind.name,
        parents: parents.map((p) => p.name),
        lost: round(ind.max! - ind.score!),
        max: ind.max!,
        score: ind.score!,
        ...(reason && { reason }),
      });
    }
  };
  walk(r.report.score?.indicators ?? [], []);
  return out.sort((a, b) => b.lost - a.lost);
}

export const points = (n: number) => `${formatNumber(n)} 分`;

/** One plain paragraph from the report's own figures; parts the report does not state are left out. */
export function storySentence(r: LoadedReport): string {
  const b = r.report.budget;
  const s = r.report.score;
  const u = unitOf(r);
  const parts: string[] = [];
  if (b?.planned !== undefined && b.spent !== undefined)
    parts.push(`全年预算 ${figure(r, 'budget.planned', b.planned, u)}，实际支出 ${figure(r, 'budget.spent', b.spent, u)}`);
  else if (b?.planned !== undefined) parts.push(`全年预算 ${figure(r, 'budget.planned', b.planned, u)}`);
  const rate = executionRateView(r);
  if (rate.stated) parts.push(`报告所写预算执行率 ${rate.stated}${rate.differs && rate.computed ? `（按支出 ÷ 预算计算为 ${rate.computed}）` : ''}`);
  else if (rate.computed) parts.push(`按支出 ÷ 预算计算执行率为 ${rate.computed}`);
  let text = parts.length ? `${parts.join('，')}。` : '';
  if (s?.total !== undefined) {
    text += `自评得分 ${figure(r, 'score.total', s.total)} 分${s.max !== undefined ? `（满分 ${figure(r, 'score.max', s.max)} 分）` : ''}${s.grade ? `，等级为“${s.grade}”` : ''}。`;
    const lost = pointsLost(r);
    if (lost.length) {
      const total = round(lost.reduce((t, x) => t + x.lost, 0));
      const top = lost
        .slice(0, 2)
        .map((x) => `${x.name}（${points(x.lost)}）`)
        .join('、');
      text += `各项指标共扣 ${points(total)}，${lost.length > 2 ? '主要扣在' : '扣在'}${top}${lost.length > 2 ? `等 ${lost.length} 项` : ''}。`;
    } else if (s.max !== undefined && s.total >= s.max) text += '各项指标均得满分。';
  }
  return text;
}

type Direction = 'atLeast' | 'atMost' | 'above' | 'below';
const OPERATORS: [RegExp, Direction][] = [
  [/^(?:≥|>=|＞=|不低于|不少于|不小于|至少|达到)/, 'atLeast'],
  [/^(?:≤|<=|＜=|不高于|不超过|不多于|不大于|控制在)/, 'atMost'],
  [/^(?:>|＞|高于|多于|大于|超过)/, 'above'],
  [/^(?:<|＜|低于|少于|小于)/, 'below'],
];
const SUFFIX: [RegExp, Direction][] = [
  [/(?:以上|及以上)$/, 'atLeast'],
  [/(?:以内|以下|及以下)$/, 'atMost'],
];
const NUMBER = /^([-+]?\d[\d,]*(?:\.\d+)?)\s*(%|％|[^\d\s.,%％]{0,4})$/;

interface Measure {
  n: number;
  unit: string;
}
function measure(text: string): Measure | undefined {
  const m = NUMBER.exec(text.trim());
  if (!m) return undefined;
  return { n: Number(m[1]!.replace(/,/g, '')), unit: m[2]!.replace('％', '%') };
}

/** Parses "≥95%", "不低于30个", "90%以上", "100%"; undefined when it cannot be judged. */
export function parseTarget(target: string | number): { direction: Direction; value: Measure } | undefined {
  let t = String(target).trim();
  let direction: Direction | undefined;
  for (const [re, d] of OPERATORS)
    if (re.test(t)) {
      direction = d;
      t = t.replace(re, '').trim();
      break;
    }
  if (!direction)
    for (const [re, d] of SUFFIX)
      if (re.test(t)) {
        direction = d;
        t = t.replace(re, '').trim();
        break;
      }
  const value = measure(t);
  if (!value) return undefined;
  // A bare 100% can only mean "reach 100%": no one sets "at most 100%" as a target.
  if (!direction && value.unit === '%' && value.n === 100) direction = 'atLeast';
  return direction ? { direction, value } : undefined;
}

/** True when the actual value plainly misses the target; false when met or when it cannot be judged. */
export function missedTarget(ind: Pick<Indicator, 'target' | 'actual'>): boolean {
  if (ind.target === undefined || ind.actual === undefined) return false;
  const t = parseTarget(ind.target);
  const a = typeof ind.actual === 'number' ? { n: ind.actual, unit: t?.value.unit ?? '' } : measure(ind.actual);
  if (!t || !a || a.unit !== t.value.unit) return false;
  const v = t.value.n;
  return { atLeast: a.n < v, atMost: a.n > v, above: a.n <= v, below: a.n >= v }[t.direction];
}

/** Points lost per indicator as a chart (biggest first) and a table with the reason. */
export function pointsLostFigure(r: LoadedReport): ChartFigure | undefined {
  const lost = pointsLost(r);
  if (!lost.length) return undefined;
  const told = new Set<string>();
  // A parent's 说明 shared by several indicators is written out once, then referred to.
  const reason = (x: PointsLost) => {
    if (!x.reason) return '报告未说明';
    if (!x.reason.from) return plainText(x.reason.text);
    if (told.has(x.reason.from)) return `见上（${x.reason.from}的说明）`;
    told.add(x.reason.from);
    return `（${x.reason.from}的说明）${plainText(x.reason.text)}`;
  };
  return {
    id: 'chart-points-lost',
    caption: '各项指标扣分及原因',
    spec: {
      kind: 'bar',
      horizontal: true,
      labels: lost.map((x) => x.name),
      unit: '扣分（分）',
      min: 0,
      series: [
        {
          label: '扣分',
          data: lost.map((x) => x.lost),
          text: lost.map((x) => points(x.lost)),
          labels: lost.map((x) => `−${formatNumber(x.lost)} 分`),
          tone: 'accent',
        },
      ],
    },
    table: {
      head: ['指标', '扣分', '得分 / 分值', '扣分原因'],
      numeric: [true, true, false],
      rows: lost.map((x) => ({
        label: [...x.parents, x.name].join(' › '),
        cells: [points(x.lost), `${formatNumber(x.score)} / ${formatNumber(x.max)} 分`, reason(x)],
      })),
    },
  };
}
