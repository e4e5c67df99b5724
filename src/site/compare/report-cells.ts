/**
 * The figures of one report as table cells, shared by every comparison table: amounts in one
 * unit, 万元, converted exactly from the stated digits (a report in 元 shows 25,389.50 万元 for its
 * 253,895,000 元), so no column mixes units; rates and scores as the report writes them. The CSV
 * gets plain numbers, the unit in the header.
 */
import { written } from '../../number-format.ts';
import { decimalText, decimalValue, wanDisplay, type Decimal } from '../../schema/money.ts';
import type { LoadedReport } from '../content.ts';
import { computedPercent, figure, formatNumber, percent } from '../format.ts';
import { unitOf } from '../report-view.ts';
import { plannedWanOf, rateOf, scoreOf, spentWanOf } from './measures.ts';
import { num, type Cell, type Column } from './table.ts';

const GRADE_ORDER: Record<string, number> = { 优: 4, 良: 3, 中: 2, 差: 1 };

export const FIGURE_COLUMNS: Column[] = [
  { label: '全年预算', numeric: true, csv: '全年预算（万元）' },
  { label: '实际支出', numeric: true, csv: '实际支出（万元）' },
  { label: '执行率', sub: '报告所写', numeric: true, csv: '报告所写预算执行率（%）' },
  { label: '执行率', sub: '按数字计算', numeric: true, csv: '计算预算执行率（%）' },
  { label: '自评得分', numeric: true },
  { label: '等级', numeric: true },
];

/** An amount in 万元 as a cell: shown with separators, sorted by value, the CSV every digit. */
export const wanCell = (d: Decimal | undefined, missing = '未注明'): Cell =>
  d ? num(wanDisplay(d), decimalValue(d), decimalText(d)) : num(missing, undefined);

/** Said under a comparison table whose reports are not all in 万元: which were converted. */
export function unitNote(reports: readonly LoadedReport[], label: (r: LoadedReport) => string): string | undefined {
  const other = reports.filter((r) => r.report.budget && unitOf(r) !== '万元');
  if (!other.length) return undefined;
  const names = other.map((r) => `${label(r)}（${unitOf(r)}）`).join('、');
  return `金额统一换算为万元（元 ÷ 10,000，亿元 × 10,000），由报告原文数字换算，不作舍入；原文不以万元为单位的：${names}，原文数字见其报告页。`;
}

export function figureCells(r: LoadedReport): Cell[] {
  const b = r.report.budget;
  const rate = rateOf(r);
  const grade = r.report.score?.grade;
  return [
    wanCell(plannedWanOf(r)),
    wanCell(spentWanOf(r)),
    num(percent(r, 'budget.executionRate', b?.executionRate), b?.executionRate, written(r, 'budget.executionRate', b?.executionRate)),
    num(rate === undefined ? '无法计算' : computedPercent(rate), rate, rate?.toFixed(2)),
    num(figure(r, 'score.total', scoreOf(r), '分'), scoreOf(r), written(r, 'score.total', scoreOf(r))),
    { text: grade ?? '未注明', sort: grade ? GRADE_ORDER[grade] : undefined, csv: grade },
  ];
}

/** An exact total in 万元: 12,345.60 万元. */
export const wan = (d: Decimal | undefined) => (d ? wanDisplay(d) : '未注明');
export const pct = (n: number | undefined) => (n === undefined ? '无法计算' : `${formatNumber(n, 2)}%`);
