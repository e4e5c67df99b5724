/**
 * The numbers behind every chart, built once at build time: a spec the browser draws
 * (src/client/charts.ts reads it from a data-chart attribute) and the table of the same
 * numbers that readers without JavaScript, printers and screen readers get.
 */
import { rateFigure, spentRate } from '../schema/index.ts';
import { decimalValue, wanDisplay } from '../schema/money.ts';
import { wanOf } from './compare/measures.ts';
import type { LoadedReport } from './content.ts';
import { computedPercent, figure, formatNumber, percent, signedPercent } from './format.ts';
import { indicatorRows, unitOf } from './report-view.ts';

export type Tone = 'primary' | 'secondary' | 'muted' | 'accent';

export interface ChartSeries {
  label: string;
  data: (number | null)[];
  /** The same values as the table shows them (stated precision, unit), for tooltips. */
  text: string[];
  tone: Tone;
  /** Drawn behind the next series at the same place (a bullet chart: score over max). */
  behind?: boolean;
  /** Value labels drawn at the end of each bar or point; default: `text`. */
  labels?: string[];
}

export interface ChartSpec {
  kind: 'bar' | 'line';
  horizontal?: boolean;
  labels: string[];
  /** Unit of the value axis, e.g. 万元, %, 分. */
  unit: string;
  series: ChartSeries[];
  /** Colour negative bars apart (growth rates). */
  signed?: boolean;
  min?: number;
  max?: number;
}

export interface ChartTable {
  head: string[];
  /** Per column after the first: right-aligned figures (true) or text (false). */
  numeric: boolean[];
  rows: { label: string; cells: string[] }[];
}

export interface ChartFigure {
  id: string;
  caption: string;
  /** Said under the caption, e.g. why only growth rates are drawn. */
  note?: string;
  /** Absent when there is nothing worth drawing (e.g. every row but one is 0): the table stands alone. */
  spec?: ChartSpec;
  table: ChartTable;
}

/** A figure that always has a chart. */
export type DrawnFigure = ChartFigure & { spec: ChartSpec };

/** Planned, spent and the split into basic and project spending, all in the report's unit. */
export function budgetFigure(r: LoadedReport): DrawnFigure | undefined {
  const b = r.report.budget;
  if (!b) return undefined;
  const u = unitOf(r);
  const parts = (
    [
      ['planned', '全年预算'],
      ['spent', '实际支出'],
      ['basic', '其中：基本支出'],
      ['project', '其中：项目支出'],
    ] as const
  )
    .filter(([k]) => b[k] !== undefined)
    .map(([k, label]) => ({
      label,
      value: b[k]!,
      text: figure(r, `budget.${k}`, b[k], u),
      share: k !== 'planned' && b.planned ? `（${computedPercent(spentRate({ spent: b[k]!, planned: b.planned })!)}）` : '',
    }));
  if (parts.length < 2) return undefined;
  return {
    id: 'chart-budget',
    caption: `预算执行情况（${u}）`,
    spec: {
      kind: 'bar',
      horizontal: true,
      labels: parts.map((p) => p.label),
      unit: u,
      min: 0,
      series: [
        { label: '金额', data: parts.map((p) => p.value), text: parts.map((p) => p.text), labels: parts.map((p) => `${p.text}${p.share}`), tone: 'primary' },
      ],
    },
    ...(b.planned && { note: '括号内为占全年预算的比例，按数字计算。' }),
    table: {
      head: ['项目', '金额', '占全年预算'],
      numeric: [true, true],
      rows: parts.map((p) => ({ label: p.label, cells: [p.text, p.share ? p.share.slice(1, -1) : '—'] })),
    },
  };
}

/** Budget and spending by funding source, where the report gives them. */
export function sourcesFigure(r: LoadedReport): ChartFigure | undefined {
  const sources = r.report.budget?.sources;
  if (!sources?.length) return undefined;
  const u = unitOf(r);
  const cols = (['planned', 'spent'] as const).filter((k) => sources.some((s) => s[k] !== undefined));
  const label = { planned: '全年预算', spent: '实际支出' } as const;
  const cell = (i: number, k: 'planned' | 'spent') => figure(r, `budget.sources[${i}].${k}`, sources[i]![k], u);
  const drawn = sources.map((s, i) => ({ s, i })).filter(({ s }) => cols.some((k) => (s[k] ?? 0) !== 0));
  const zero = sources.filter((s) => !drawn.some((d) => d.s === s)).filter((s) => cols.some((k) => s[k] === 0));
  const zeroNote = zero.length ? `${zero.map((s) => s.name).join('、')}为 0 ${u}，图中不画。` : undefined;
  return {
    id: 'chart-sources',
    caption: `按资金来源（${u}）`,
    ...(zeroNote && { note: zeroNote }),
    ...(drawn.length >= 2 && {
      spec: {
        kind: 'bar' as const,
        horizontal: true,
        labels: drawn.map(({ s }) => s.name),
        unit: u,
        min: 0,
        series: cols.map((k, j) => ({
          label: label[k],
          data: drawn.map(({ s }) => s[k] ?? null),
          text: drawn.map(({ i }) => cell(i, k)),
          tone: (j === 0 && cols.length > 1 ? 'muted' : 'primary') as Tone,
        })),
      },
    }),
    table: {
      head: ['资金来源', ...cols.map((k) => label[k])],
      numeric: cols.map(() => true),
      rows: sources.map((s, i) => ({ label: s.name, cells: cols.map((k) => cell(i, k)) })),
    },
  };
}

/** 得分率 of every indicator with a score and a max, so a 3-point indicator is as visible as a
 * 50-point one; each bar labelled with its points. The table is the indicator table itself. */
export function indicatorSpec(r: LoadedReport): ChartSpec | undefined {
  const rows = indicatorRows(r).filter((row) => row.ind.max && row.ind.score !== undefined);
  if (!rows.length) return undefined;
  const labels = rows.map((row) => `${row.depth ? `${'·'.repeat(row.depth)} ` : ''}${row.ind.name}`);
  const rate = (row: (typeof rows)[number]) => Math.round((row.ind.score! / row.ind.max!) * 1000) / 10;
  return {
    kind: 'bar',
    horizontal: true,
    labels,
    unit: '得分率（%）',
    min: 0,
    max: 100,
    series: [
      {
        label: '得分率',
        data: rows.map(rate),
        text: rows.map((row) => `${row.score} / ${row.max} 分`),
        labels: rows.map((row) => `${formatNumber(rate(row))}%（${row.score}/${row.max}）`),
        tone: 'primary',
      },
    ],
  };
}

/** Every key figure in the table; only the growth rates in the chart, since the values' units differ. */
export function keyFiguresFigure(r: LoadedReport): DrawnFigure | undefined {
  const kf = r.report.keyFigures;
  if (!kf?.length) return undefined;
  const withChange = kf.map((k, i) => ({ k, i })).filter(({ k }) => k.change !== undefined);
  const changeText = (i: number, n: number) => signedPercent(n, r.decimals.get(`keyFigures[${i}].change`));
  const units = new Set(kf.filter((k) => k.value !== undefined).map((k) => k.unit ?? ''));
  return {
    id: 'chart-key-figures',
    caption: '主要指标及增减幅度',
    note:
      units.size > 1
        ? `各项数值的单位不同（${[...units].filter(Boolean).join('、')}），不能放在一张图上比较；图中只画报告写明的增减幅度（%），数值见表。`
        : '图中画的是报告写明的增减幅度（%），数值见表。',
    spec: {
      kind: 'bar',
      horizontal: true,
      signed: true,
      unit: '%',
      labels: withChange.map(({ k }) => k.name),
      series: [
        { label: '增减幅度', data: withChange.map(({ k }) => k.change!), text: withChange.map(({ k, i }) => changeText(i, k.change!)), tone: 'primary' },
      ],
    },
    table: {
      head: ['指标', '数值', '增减', '说明'],
      numeric: [true, true, false],
      rows: kf.map((k, i) => ({
        label: k.name,
        cells: [
          k.value === undefined ? '未注明' : figure(r, `keyFigures[${i}].value`, k.value, k.unit),
          k.change === undefined ? '未注明' : changeText(i, k.change),
          k.note ?? '',
        ],
      })),
    },
  };
}

/** Said in a trend's table and tooltip for a year between two reports that has none. */
export const NO_REPORT = '无报告';

/**
 * Department reports across years (oldest first): spending, execution rate, total score. A year
 * between the first and the last without a report stays on the axis as a gap, named.
 */
export function trendFigures(reports: readonly LoadedReport[]): DrawnFigure[] {
  const list = reports.filter((r) => r.report.kind === 'department').sort((a, b) => a.report.year - b.report.year);
  if (!list.length) return [];
  const first = list[0]!.report.year;
  const years = Array.from({ length: list.at(-1)!.report.year - first + 1 }, (_, i) => first + i);
  const slots = years.map((y) => list.find((r) => r.report.year === y));
  const missing = years.filter((_, i) => !slots[i]);
  const labels = years.map((y, i) => (slots[i] ? `${y}年` : `${y}年（${NO_REPORT}）`));
  const each = <T>(f: (r: LoadedReport) => T, gap: T) => slots.map((r) => (r ? f(r) : gap));
  const converted = list.filter((r) => r.report.budget && unitOf(r) !== '万元');
  const wan = (k: 'planned' | 'spent') => slots.map((r) => r && wanOf(r, `budget.${k}`, r.report.budget?.[k]));
  const data = (k: 'planned' | 'spent') => wan(k).map((d) => (d ? decimalValue(d) : null));
  const money = (k: 'planned' | 'spent') => wan(k).map((d, i) => (!slots[i] ? NO_REPORT : d ? wanDisplay(d) : '未注明'));
  const stated = each(
    (r) => (r.report.budget?.executionRate === undefined ? '未注明' : percent(r, 'budget.executionRate', r.report.budget.executionRate)),
    NO_REPORT,
  );
  const rates = each((r) => spentRate(r.report.budget), undefined);
  const computed = rates.map((x, i) => (!slots[i] ? NO_REPORT : x === undefined ? '无法计算' : computedPercent(x)));
  const computedN = rates.map((x) => (x === undefined ? null : rateFigure(x)));
  const scores = each((r) => figure(r, 'score.total', r.report.score?.total, '分'), NO_REPORT);
  const rows = (cells: string[][]) => years.map((y, i) => ({ label: `${y}年`, cells: cells.map((c) => c[i]!) }));
  const gapNote = missing.length ? `${missing.map((y) => `${y} 年`).join('、')}没有部门整体报告，图中留空。` : '';
  return [
    {
      id: 'chart-trend-money',
      caption: '历年预算与支出（万元）',
      ...((converted.length || gapNote) && {
        note: `${converted.length ? `金额统一换算为万元（元 ÷ 10,000，亿元 × 10,000），由报告原文数字换算，不作舍入；${converted.map((r) => `${r.report.year} 年度`).join('、')}报告原文以${[...new Set(converted.map(unitOf))].join('、')}为单位，原文数字见其报告页。` : ''}${gapNote}`,
      }),
      spec: {
        kind: 'bar',
        labels,
        unit: '万元',
        min: 0,
        series: [
          { label: '全年预算', data: data('planned'), text: money('planned'), tone: 'muted' },
          { label: '实际支出', data: data('spent'), text: money('spent'), tone: 'primary' },
        ],
      },
      table: { head: ['年度', '全年预算', '实际支出'], numeric: [true, true], rows: rows([money('planned'), money('spent')]) },
    },
    {
      id: 'chart-trend-rate',
      caption: '历年预算执行率（%）',
      note: `“报告所写”为报告原文的执行率；“按数字计算”为实际支出 ÷ 全年预算，两者可能不同。${gapNote}`,
      spec: {
        kind: 'line',
        labels,
        unit: '%',
        min: 0,
        max: Math.max(100, ...computedN.map((n) => Math.ceil(n ?? 0)), ...list.map((r) => Math.ceil(r.report.budget?.executionRate ?? 0))),
        series: [
          { label: '报告所写', data: each((r) => r.report.budget?.executionRate ?? null, null), text: stated, tone: 'primary' },
          { label: '按数字计算', data: computedN, text: computed, tone: 'accent' },
        ],
      },
      table: { head: ['年度', '报告所写', '按数字计算'], numeric: [true, true], rows: rows([stated, computed]) },
    },
    {
      id: 'chart-trend-score',
      caption: '历年自评得分（分）',
      ...(gapNote && { note: gapNote }),
      spec: {
        kind: 'line',
        labels,
        unit: '分',
        min: 0,
        max: Math.max(...list.map((r) => r.report.score?.max ?? 100)),
        series: [{ label: '自评得分', data: each((r) => r.report.score?.total ?? null, null), text: scores, tone: 'primary' }],
      },
      table: {
        head: ['年度', '自评得分', '等级'],
        numeric: [true, true],
        rows: rows([scores, each((r) => r.report.score?.grade ?? '未注明', NO_REPORT)]),
      },
    },
  ];
}
