/**
 * The figures of one report as table cells, shared by every comparison table: shown as the
 * report writes them (its unit, its precision), sorted by their value in 万元, and written to the
 * CSV as plain numbers with the unit in a column of its own.
 */
import { written } from '../../publish/figures.ts';
import type { LoadedReport } from '../content.ts';
import { computedPercent, figure, formatNumber, percent } from '../format.ts';
import { unitOf } from '../report-view.ts';
import { plannedWan, rateOf, scoreOf, spentWan } from './measures.ts';
import { num, type Cell, type Column } from './table.ts';

const GRADE_ORDER: Record<string, number> = { 优: 4, 良: 3, 中: 2, 差: 1 };

export const FIGURE_COLUMNS: Column[] = [
  { label: '全年预算', numeric: true },
  { label: '实际支出', numeric: true },
  { label: '执行率', sub: '报告所写', numeric: true, csv: '报告所写预算执行率（%）' },
  { label: '执行率', sub: '按数字计算', numeric: true, csv: '计算预算执行率（%）' },
  { label: '自评得分', numeric: true },
  { label: '等级', numeric: true },
  { label: '金额单位', csvOnly: true },
];

export function figureCells(r: LoadedReport): Cell[] {
  const b = r.report.budget;
  const rate = rateOf(r);
  const grade = r.report.score?.grade;
  return [
    num(figure(r, 'budget.planned', b?.planned, unitOf(r)), plannedWan(r), written(r, 'budget.planned', b?.planned)),
    num(figure(r, 'budget.spent', b?.spent, unitOf(r)), spentWan(r), written(r, 'budget.spent', b?.spent)),
    num(percent(r, 'budget.executionRate', b?.executionRate), b?.executionRate, written(r, 'budget.executionRate', b?.executionRate)),
    num(rate === undefined ? '无法计算' : computedPercent(rate), rate, rate?.toFixed(2)),
    num(figure(r, 'score.total', scoreOf(r), '分'), scoreOf(r), written(r, 'score.total', scoreOf(r))),
    { text: grade ?? '未注明', sort: grade ? GRADE_ORDER[grade] : undefined, csv: grade },
    { text: unitOf(r), csv: b ? unitOf(r) : undefined },
  ];
}

/** 万元 with two places: 12,345.60 万元 (totals and conversions). */
export const wan = (n: number | undefined) => (n === undefined ? '未注明' : `${formatNumber(n, 2)} 万元`);
export const pct = (n: number | undefined) => (n === undefined ? '无法计算' : `${formatNumber(n, 2)}%`);
