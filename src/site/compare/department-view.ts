/**
 * What a department page compares: its department reports year by year (a sortable table), the
 * changes from the report before the latest (figures up or down, indicators that lost or gained
 * points), and its project reports with amounts and scores, each linked to the project's page
 * where it can be followed across years.
 */
import { trendFigures, type ChartFigure } from '../charts-data.ts';
import type { LoadedReport } from '../content.ts';
import { chartTable } from './chart-table.ts';
import { formatNumber } from '../format.ts';
import { reportHref } from '../routes.ts';
import { figureChanges, indicatorChanges } from './changes.ts';
import { projectKey } from './projects.ts';
import { decimalText, wanDisplay, type Decimal } from '../../schema/money.ts';
import { FIGURE_COLUMNS, figureCells, unitNote, wanCell } from './report-cells.ts';
import { num, text, type CompareTable } from './table.ts';
import { projectHref } from './urls.ts';

export interface DepartmentView {
  departmentReports: LoadedReport[];
  years?: CompareTable;
  /** The latest report and the one before it, when there are two. */
  change?: { from: LoadedReport; to: LoadedReport; figures: CompareTable; indicators: CompareTable };
  projects?: CompareTable;
  /** Trend charts (two or more department reports), each with its table as a comparison table. */
  trends: { figure: ChartFigure; table: CompareTable }[];
}

const signed = (n: number, unit: string) =>
  `${n > 0 ? '+' : n < 0 ? '−' : '±'}${formatNumber(Math.abs(n), Number.isInteger(n) ? 0 : 2)}${unit === '%' ? ' 个百分点' : ` ${unit}`}`;
const signedWan = (d: Decimal) => `${d.digits > 0n ? '+' : d.digits < 0n ? '' : '±'}${wanDisplay(d)}`;
const value = (n: number | undefined, unit: string) =>
  n === undefined ? '未注明' : `${formatNumber(n, Number.isInteger(n) ? 0 : 2)}${unit === '%' ? '%' : ` ${unit}`}`;
const word = (n: number | undefined) => (n === undefined ? '无法比较' : n > 0 ? '增加' : n < 0 ? '减少' : '持平');

function changeTables(from: LoadedReport, to: LoadedReport): { figures: CompareTable; indicators: CompareTable } {
  const a = `${from.report.year} 年度`;
  const b = `${to.report.year} 年度`;
  const figures = figureChanges(from, to);
  const inds = indicatorChanges(from, to);
  return {
    figures: {
      id: 'change-figures',
      caption: `${b}与 ${a}相比`,
      columns: [
        { label: '项目' },
        { label: a, numeric: true },
        { label: b, numeric: true },
        { label: '变化', numeric: true },
        { label: '增减', numeric: false },
        { label: '单位', csvOnly: true },
      ],
      rows: figures.map((f) => [
        text(f.label),
        ...(f.exact
          ? [
              wanCell(f.exact.before),
              wanCell(f.exact.after),
              f.exact.delta ? num(signedWan(f.exact.delta), f.delta, decimalText(f.exact.delta)) : num('—', undefined),
            ]
          : [
              num(value(f.before, f.unit), f.before),
              num(value(f.after, f.unit), f.after),
              num(f.delta === undefined ? '—' : signed(f.delta, f.unit), f.delta),
            ]),
        text(word(f.delta)),
        { text: f.unit === '%' ? '%（变化为百分点）' : f.unit, csv: f.unit === '%' ? '%（变化为百分点）' : f.unit },
      ]),
      note: `${unitNote([from, to], (r) => `${r.report.year} 年度报告`) ?? '金额为万元。'}执行率为实际支出 ÷ 全年预算。`,
    },
    indicators: {
      id: 'change-indicators',
      caption: `${b}得分有变化的指标（与 ${a}相比）`,
      sortable: true,
      columns: [
        { label: '指标' },
        { label: '分值', numeric: true },
        { label: a, sub: '得分', numeric: true },
        { label: b, sub: '得分', numeric: true },
        { label: '变化', numeric: true },
        { label: `${b}扣分原因` },
      ],
      rows: inds.map((c) => [
        text(c.path.join(' › ')),
        num(c.max === undefined ? '未注明' : `${formatNumber(c.max)} 分`, c.max),
        num(`${formatNumber(c.before)} 分`, c.before),
        num(`${formatNumber(c.after)} 分`, c.after),
        num(`${c.delta > 0 ? '+' : '−'}${formatNumber(Math.abs(c.delta))} 分`, c.delta),
        text(c.note ?? (c.delta < 0 ? '报告未说明' : '')),
      ]),
      note: inds.length
        ? '按指标名称对照两年的报告；失分最多的在前。'
        : !from.report.score?.indicators || !to.report.score?.indicators
          ? `${from.report.score?.indicators ? b : a}的报告没有列出各项指标的得分，无法逐项比较。`
          : '两年报告中名称相同的指标，得分都没有变化。',
    },
  };
}

export function departmentView(reports: readonly LoadedReport[]): DepartmentView {
  const depts = reports.filter((r) => r.report.kind === 'department').sort((a, b) => b.report.year - a.report.year);
  const projects = reports
    .filter((r) => r.report.kind === 'project')
    .sort((a, b) => b.report.year - a.report.year || a.report.project!.name.localeCompare(b.report.project!.name, 'zh-CN'));
  const trends = depts.length > 1 ? trendFigures(depts).map((figure) => ({ figure, table: chartTable(figure, figure.id.replace(/^chart-/, '')) })) : [];
  const view: DepartmentView = { departmentReports: depts, trends };
  if (depts.length)
    view.years = {
      id: 'years',
      caption: '历年部门整体支出绩效自评',
      sortable: true,
      columns: [{ label: '年度' }, ...FIGURE_COLUMNS],
      ...(unitNote(depts, (r) => `${r.report.year} 年度`) && { note: unitNote(depts, (r) => `${r.report.year} 年度`) }),
      rows: depts.map((r) => [{ text: `${r.report.year} 年度`, sort: r.report.year, csv: String(r.report.year), href: reportHref(r.id) }, ...figureCells(r)]),
    };
  if (depts.length > 1) view.change = { from: depts[1]!, to: depts[0]!, ...changeTables(depts[1]!, depts[0]!) };
  if (projects.length)
    view.projects = {
      id: 'projects',
      caption: '项目支出绩效自评',
      sortable: true,
      columns: [{ label: '项目' }, { label: '年度', numeric: true }, ...FIGURE_COLUMNS, { label: '历年', csv: '项目标识' }],
      ...(unitNote(projects, (r) => `${r.report.year} 年度${r.report.project!.name}`) && {
        note: unitNote(projects, (r) => `${r.report.year} 年度${r.report.project!.name}`),
      }),
      rows: projects.map((r) => [
        text(r.report.project!.name, reportHref(r.id)),
        num(`${r.report.year} 年度`, r.report.year, String(r.report.year)),
        ...figureCells(r),
        {
          ...text('历年对比', projectHref(projectKey(r.report.department.id, r.report.project!.id))),
          csv: projectKey(r.report.department.id, r.report.project!.id),
        },
      ]),
    };
  return view;
}
