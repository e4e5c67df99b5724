/**
 * What a report page shows, worked out once from a loaded report: the indicator tree as rows,
 * the stated and computed execution rate, the 信息公开 fields, the audit warnings in plain
 * words. Pure functions, so that pages stay templates and the logic is unit-tested.
 */
import { parsePath } from '../findings.ts';
import { DisclosureSchema, fieldTitle, indicatorEntries, scoreRate, spentRate, type IndicatorEntry } from '../schema/index.ts';
import type { LoadedReport } from './content.ts';
import { computedPercent, figure, formatNumber, percent } from './format.ts';

/** 万元 unless the report says otherwise. */
export const unitOf = (r: LoadedReport) => r.report.budget?.unit ?? '万元';

export interface IndicatorRow extends IndicatorEntry {
  max: string;
  score: string;
  /** 得分率 as stated, else score ÷ max; empty when neither is known. */
  rate: string;
  rateComputed: boolean;
}

const LEVELS = ['一级指标', '二级指标', '三级指标', '四级指标', '五级指标'];
export const levelName = (depth: number) => LEVELS[depth] ?? `${depth + 1}级指标`;

export function indicatorRows(r: LoadedReport): IndicatorRow[] {
  return indicatorEntries(r.report.score?.indicators).map((e) => {
    const { ind, path: p } = e;
    const stated = ind.rate !== undefined;
    const computed = scoreRate(ind.score, ind.max);
    const rate = stated ? percent(r, `${p}.rate`, ind.rate) : computed !== undefined ? ratePercent(computed) : '';
    return {
      ...e,
      max: ind.max === undefined ? '' : figure(r, `${p}.max`, ind.max),
      score: ind.score === undefined ? '' : figure(r, `${p}.score`, ind.score),
      rate,
      rateComputed: !stated && rate !== '',
    };
  });
}

/** A 得分率 computed from score ÷ max, with at most one decimal: 92%, 87.5%. */
export function ratePercent(rate: number): string {
  const v = Math.round(rate * 10) / 10;
  return `${formatNumber(v, Number.isInteger(v) ? 0 : 1)}%`;
}

export interface ExecutionRateView {
  /** As the report states it, e.g. "98.0%"; undefined when not stated. */
  stated?: string;
  /** spent ÷ planned, two decimals, e.g. "98.41%"; undefined when either is missing. */
  computed?: string;
  /** True when both exist and the stated one is not the computed one rounded to its precision. */
  differs: boolean;
}

export function executionRateView(r: LoadedReport): ExecutionRateView {
  const b = r.report.budget;
  const stated = b?.executionRate === undefined ? undefined : percent(r, 'budget.executionRate', b.executionRate);
  const rate = spentRate(b);
  const computed = rate === undefined ? undefined : computedPercent(rate);
  const differs = r.warnings.some((w) => w.code === 'W_RATE_MISMATCH' && w.field === 'budget.executionRate');
  return { ...(stated && { stated }), ...(computed && { computed }), differs };
}

/** The 信息公开 block: every field of the schema, absent ones as undefined (shown as 未注明). */
export function disclosureFields(r: LoadedReport): { key: string; label: string; value?: string; url?: boolean }[] {
  const d = (r.report.disclosure ?? {}) as Record<string, string | undefined>;
  return Object.keys(DisclosureSchema.shape).map((key) => ({
    key,
    label: fieldTitle(['disclosure', key]) ?? key,
    ...(d[key] !== undefined && { value: d[key] }),
    ...(key === 'sourceUrl' && { url: true }),
  }));
}

const FIGURE_LABELS: Record<string, string> = {
  stated: '报告所写',
  computed: '按数字计算',
  spent: '实际支出',
  planned: '预算',
  basic: '基本支出',
  project: '项目支出',
  sum: '下级合计',
  total: '所写总数',
  count: '所写个数',
  listed: '所列个数',
  amount: '涉及资金',
  score: '得分',
  max: '分值',
  grade: '等级',
  band: '等级要求的得分',
};

export interface WarningView {
  code: string;
  message: string;
  /** Chinese title of the field the warning is about, e.g. 预算执行率. */
  field?: string;
  figures: { label: string; value: string }[];
  acknowledged?: string;
}

export function warningViews(r: Pick<LoadedReport, 'warnings' | 'decimals'>): WarningView[] {
  return r.warnings.map((w) => {
    const field = w.field ? fieldTitle(parsePath(w.field)) : undefined;
    return {
      code: w.code,
      message: w.message,
      ...(field && { field }),
      figures: Object.entries(w.figures ?? {}).map(([k, v]) => ({
        label: FIGURE_LABELS[k] ?? k,
        value: typeof v === 'number' ? formatFigure(k, v, k === 'stated' && w.field ? r.decimals.get(w.field) : undefined) : v,
      })),
      ...(w.acknowledged && { acknowledged: w.acknowledged }),
    };
  });
}

const formatFigure = (key: string, v: number, digits?: number) =>
  key === 'stated' || key === 'computed' ? `${formatNumber(v, digits)}%` : formatNumber(v, digits);
