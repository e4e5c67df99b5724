/**
 * What a report page shows, worked out once from a loaded report: the indicator tree as rows,
 * the stated and computed execution rate, the 信息公开 fields, the audit warnings in plain
 * words. Pure functions, so that pages stay templates and the logic is unit-tested.
 */
import { DisclosureSchema, fieldTitle, type Indicator } from '../schema/index.ts';
import type { LoadedReport } from './content.ts';
import { computedPercent, figure, formatNumber, percent } from './format.ts';

/** 万元 unless the report says otherwise. */
export const unitOf = (r: LoadedReport) => r.report.budget?.unit ?? '万元';

export interface IndicatorRow {
  ind: Indicator;
  /** 0 for 一级指标, 1 for 二级 … */
  depth: number;
  /** Dotted data path, e.g. score.indicators[0].children[1] */
  path: string;
  /** Names of the ancestors, outermost first. */
  parents: string[];
  max: string;
  score: string;
  /** 得分率 as stated, else score ÷ max; empty when neither is known. */
  rate: string;
  rateComputed: boolean;
}

const LEVELS = ['一级指标', '二级指标', '三级指标', '四级指标', '五级指标'];
export const levelName = (depth: number) => LEVELS[depth] ?? `${depth + 1}级指标`;

export function indicatorRows(r: LoadedReport): IndicatorRow[] {
  const rows: IndicatorRow[] = [];
  const walk = (list: Indicator[], depth: number, path: string, parents: string[]) =>
    list.forEach((ind, i) => {
      const p = `${path}[${i}]`;
      const stated = ind.rate !== undefined;
      const rate = stated ? percent(r, `${p}.rate`, ind.rate) : ind.score !== undefined && ind.max ? ratePercent(ind.score, ind.max) : '';
      rows.push({
        ind, depth, path: p, parents,
        max: ind.max === undefined ? '' : figure(r, `${p}.max`, ind.max),
        score: ind.score === undefined ? '' : figure(r, `${p}.score`, ind.score),
        rate, rateComputed: !stated && rate !== '',
      });
      if (ind.children) walk(ind.children, depth + 1, `${p}.children`, [...parents, ind.name]);
    });
  walk(r.report.score?.indicators ?? [], 0, 'score.indicators', []);
  return rows;
}

/** score ÷ max as a percentage with at most one decimal: 92%, 87.5%. */
export function ratePercent(score: number, max: number): string {
  const v = Math.round((score / max) * 1000) / 10;
  return `${formatNumber(v, Number.isInteger(v) ? 0 : 1)}%`;
}

export interface ExecutionRate {
  /** As the report states it, e.g. "98.0%"; undefined when not stated. */
  stated?: string;
  /** spent ÷ planned, two decimals, e.g. "98.41%"; undefined when either is missing. */
  computed?: string;
  /** True when both exist and the stated one is not the computed one rounded to its precision. */
  differs: boolean;
}

export function executionRate(r: LoadedReport): ExecutionRate {
  const b = r.report.budget;
  const stated = b?.executionRate === undefined ? undefined : percent(r, 'budget.executionRate', b.executionRate);
  const computed = b?.planned && b.spent !== undefined ? computedPercent(b.spent, b.planned) : undefined;
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
  stated: '报告所写', computed: '按数字计算', spent: '实际支出', planned: '预算', basic: '基本支出', project: '项目支出',
  sum: '下级合计', total: '所写总数', count: '所写个数', listed: '所列个数', amount: '涉及资金', score: '得分', max: '分值',
  grade: '等级', band: '等级要求的得分',
};

export interface WarningView {
  code: string;
  message: string;
  /** Chinese title of the field the warning is about, e.g. 预算执行率. */
  field?: string;
  figures: { label: string; value: string }[];
  acknowledged?: string;
}

/** Warnings about the data file rather than the document: for staff, never on the public page. */
export const STAFF_ONLY_WARNINGS = new Set(['W_ACK_UNUSED', 'W_DRAFT', 'W_RAW_EMPHASIS']);

export function warningViews(r: Pick<LoadedReport, 'warnings' | 'decimals'>): WarningView[] {
  return r.warnings
    .filter((w) => !STAFF_ONLY_WARNINGS.has(w.code))
    .map((w) => {
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

const formatFigure = (key: string, v: number, digits?: number) => (key === 'stated' || key === 'computed' ? `${formatNumber(v, digits)}%` : formatNumber(v, digits));

/** "score.indicators[0].children[1].score" → ['score','indicators',0,'children',1,'score'] */
export function parsePath(field: string): PropertyKey[] {
  return field.split(/\.|(?=\[)/).map((seg) => (seg.startsWith('[') ? Number(seg.slice(1, -1)) : seg));
}

/** "优（≥ 90 分）": a grade with its band (财预〔2020〕10号). */
export const GRADE_BAND_TEXT: Record<string, string> = { 优: '≥ 90 分', 良: '80 分至不足 90 分', 中: '60 分至不足 80 分', 差: '不足 60 分' };
