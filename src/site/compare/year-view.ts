/**
 * Everything the year page (and the home page, for the latest year) shows, worked out once:
 * totals, the grade and score distributions, the two rankings as charts with their tables, and
 * the comparison tables of department and project reports — each table also a CSV beside the page.
 */
import type { ChartFigure } from '../charts-data.ts';
import type { LoadedReport } from '../content.ts';
import { formatNumber } from '../format.ts';
import { reportHref } from '../routes.ts';
import { gradeDistribution, scoreDistribution, type Bucket } from './distribution.ts';
import { rateOf, scoreMaxOf, scoreOf, shortName } from './measures.ts';
import { rankBy, type Ranking } from './rankings.ts';
import { FIGURE_COLUMNS, figureCells, pct, unitNote, wanCell } from './report-cells.ts';
import { empty, num, text, type CompareTable } from './table.ts';
import { totalsOf, type Totals } from './totals.ts';
import { groupLosses, lossesTable, type GroupLoss } from './year-losses.ts';

/** A ranking chart; its table is the ranking table, rendered in the figure. */
export type RankingChart = Omit<ChartFigure, 'table'>;

export interface YearView {
  year: number;
  departments: LoadedReport[];
  projects: LoadedReport[];
  /** Department reports only: project money is part of the departments' budgets. */
  totals: Totals;
  /** Where the year's reports lost points, by indicator group, the biggest loss first. */
  losses: GroupLoss[];
  tables: {
    departments?: CompareTable;
    projects?: CompareTable;
    pointsLost?: CompareTable;
    grades: CompareTable;
    scores: CompareTable;
    rankRate: CompareTable;
    rankScore: CompareTable;
  };
  charts: { rate: RankingChart; score: RankingChart };
}

const byName = (a: LoadedReport, b: LoadedReport) =>
  a.report.department.name.localeCompare(b.report.department.name, 'zh-CN') ||
  (a.report.project?.name ?? '').localeCompare(b.report.project?.name ?? '', 'zh-CN');

function reportsTable(id: string, caption: string, list: LoadedReport[], project: boolean, totals?: Totals): CompareTable {
  const first = project ? [{ label: '项目' }, { label: '部门', csvOnly: false }] : [{ label: '部门' }];
  const note = unitNote(list, (r) => (project ? `${r.report.department.name}${r.report.project!.name}` : r.report.department.name));
  return {
    id,
    caption,
    sortable: true,
    columns: [...first, ...FIGURE_COLUMNS, { label: '报告标识', csvOnly: true }],
    ...(note && { note }),
    rows: list.map((r) => [
      ...(project ? [text(r.report.project!.name, reportHref(r.id)), text(r.report.department.name)] : [text(r.report.department.name, reportHref(r.id))]),
      ...figureCells(r),
      text(r.id),
    ]),
    ...(totals && {
      foot: [
        [
          text(`合计（${totals.reports} 份）`),
          ...(project ? [empty('')] : []),
          wanCell(totals.planned.exact),
          wanCell(totals.spent.exact),
          empty(),
          num(pct(totals.rate.value), totals.rate.value, totals.rate.value?.toFixed(2)),
          empty(),
          empty(),
          empty(''),
        ],
      ],
    }),
  };
}

function distributionTable(id: string, caption: string, first: string, buckets: Bucket[]): CompareTable {
  const n = buckets.reduce((s, b) => s + b.count, 0);
  const share = (c: number) => (n ? Math.round((c / n) * 1000) / 10 : 0);
  // A band no report falls in is named under the table, not shown as a row of 0 份 / 0.0%.
  const none = buckets.filter((b) => b.count === 0).map((b) => b.label);
  return {
    id,
    caption,
    columns: [{ label: first }, { label: '报告数', numeric: true }, { label: '占比', numeric: true, csv: '占比（%）' }],
    ...(none.length && n > 0 && { note: `没有报告的${first}：${none.join('、')}。` }),
    rows: buckets
      .filter((b) => b.count > 0 || n === 0)
      .map((b) => [text(b.label), num(`${b.count} 份`, b.count), num(`${formatNumber(share(b.count), 1)}%`, share(b.count), share(b.count).toFixed(1))]),
    foot: [[text('合计'), num(`${n} 份`, n), num('100.0%', 100, '100.0')]],
  };
}

function rankingTable(
  id: string,
  caption: string,
  ranking: Ranking,
  valueLabel: string,
  cell: (r: LoadedReport) => ReturnType<typeof num>,
  extra: { label: string; csv?: string; cell: (r: LoadedReport) => ReturnType<typeof num> },
  valueCsv: string,
  note?: string,
): CompareTable {
  const missing = valueLabel.includes('执行率') ? '无法计算' : '未注明';
  return {
    id,
    caption,
    sortable: true,
    ...(note && { note }),
    columns: [
      { label: '部门' },
      { label: '名次', numeric: true },
      { label: valueLabel, numeric: true, csv: valueCsv },
      { label: extra.label, numeric: true, ...(extra.csv && { csv: extra.csv }) },
    ],
    rows: [
      ...ranking.ranked.map(({ r, rank }) => [
        text(r.report.department.name, reportHref(r.id)),
        num(`第 ${rank} 名`, rank, String(rank)),
        cell(r),
        extra.cell(r),
      ]),
      ...ranking.unranked.map((r) => [
        text(r.report.department.name, reportHref(r.id)),
        { ...empty('不参与排名'), sort: undefined },
        { ...cell(r), text: missing },
        extra.cell(r),
      ]),
    ],
  };
}

/** What every label starts with (虚构区 in 虚构区教育局, 虚构区交通局 …), when each keeps two characters after it. */
export function commonPrefix(labels: string[]): string {
  if (labels.length < 2) return '';
  let p = labels[0]!;
  for (const l of labels) while (!l.startsWith(p)) p = p.slice(0, -1);
  while (p && labels.some((l) => l.length - p.length < 2)) p = p.slice(0, -1);
  return p;
}

function rankingChart(id: string, caption: string, note: string, ranking: Ranking, unit: string, max: number, valueText: (v: number) => string): RankingChart {
  const names = ranking.ranked.map(({ r }) => shortName(r));
  const prefix = commonPrefix(names);
  return {
    id,
    caption,
    note: prefix ? `${note}图中部门名称省略了共同的“${prefix}”，全称见表。` : note,
    spec: {
      kind: 'bar',
      horizontal: true,
      unit,
      min: 0,
      max,
      labels: names.map((n) => n.slice(prefix.length)),
      series: [{ label: caption, data: ranking.ranked.map((x) => x.value), text: ranking.ranked.map((x) => valueText(x.value)), tone: 'primary' }],
    },
  };
}

export function yearView(year: number, reports: readonly LoadedReport[]): YearView {
  const departments = reports.filter((r) => r.report.kind === 'department').sort(byName);
  const projects = reports.filter((r) => r.report.kind === 'project').sort(byName);
  const totals = totalsOf(departments);
  const name = (r: LoadedReport) => r.report.department.name;
  const byRate = rankBy(departments, rateOf, name);
  const byScore = rankBy(departments, scoreOf, name);
  const cells = (r: LoadedReport) => figureCells(r);
  const rateMax = Math.max(100, ...byRate.ranked.map((x) => Math.ceil(x.value)));
  const scoreMax = Math.max(100, ...departments.map(scoreMaxOf));
  const losses = groupLosses([...departments, ...projects]);
  return {
    year,
    departments,
    projects,
    totals,
    losses,
    tables: {
      ...(losses.length && { pointsLost: lossesTable(year, losses) }),
      ...(departments.length && { departments: reportsTable('departments', `${year} 年度各部门整体支出绩效自评`, departments, false, totals) }),
      ...(projects.length && { projects: reportsTable('projects', `${year} 年度项目支出绩效自评`, projects, true) }),
      grades: distributionTable('grades', `${year} 年度部门整体自评等级分布`, '等级', gradeDistribution(departments)),
      scores: distributionTable('scores', `${year} 年度部门整体自评得分分布`, '得分', scoreDistribution(departments)),
      rankRate: rankingTable(
        'rank-rate',
        `${year} 年度预算执行率排名（按数字计算）`,
        byRate,
        '执行率',
        (r) => cells(r)[3]!,
        { label: '全年预算', csv: '全年预算（万元）', cell: (r) => cells(r)[0]! },
        '计算预算执行率（%）',
        unitNote(departments, name),
      ),
      rankScore: rankingTable(
        'rank-score',
        `${year} 年度自评得分排名`,
        byScore,
        '自评得分',
        (r) => cells(r)[4]!,
        { label: '等级', cell: (r) => cells(r)[5]! },
        '自评得分（分）',
      ),
    },
    charts: {
      rate: rankingChart(
        'chart-rank-rate',
        '预算执行率排名（%）',
        '执行率按各部门报告的实际支出 ÷ 全年预算计算；坐标从 0% 起。',
        byRate,
        '%',
        rateMax,
        (v) => `${formatNumber(v, 2)}%`,
      ),
      score: rankingChart(
        'chart-rank-score',
        '自评得分排名（分）',
        `坐标从 0 分起，满分 ${scoreMax} 分。自评得分是部门自己打的分，不是审计结论。`,
        byScore,
        '分',
        scoreMax,
        (v) => `${formatNumber(v)} 分`,
      ),
    },
  };
}
