/**
 * The project pages' tables: the index of every project the data names (those with their own
 * reports, then every mention in a department report), and one project's years side by side.
 */
import { trendFigures, type ChartFigure } from '../charts-data.ts';
import type { LoadedReport } from '../content.ts';
import { chartTable } from './chart-table.ts';
import { figure, formatNumber } from '../format.ts';
import { unitOf } from '../report-view.ts';
import { departmentHref, reportHref } from '../routes.ts';
import { written } from '../../publish/figures.ts';
import { inWan } from './measures.ts';
import type { Mention, ProjectEntry } from './projects.ts';
import { FIGURE_COLUMNS, figureCells } from './report-cells.ts';
import { num, text, type Cell, type CompareTable } from './table.ts';
import { projectHref } from './urls.ts';

const yearsText = (e: ProjectEntry) => {
  const ys = e.reports.map((r) => r.report.year);
  return ys.length === 1 ? `${ys[0]} 年度` : `${ys.join('、')} 年度`;
};

export function projectsTable(projects: ProjectEntry[]): CompareTable {
  return {
    id: 'projects',
    caption: '有项目支出绩效自评报告的项目',
    sortable: true,
    columns: [
      { label: '项目' },
      { label: '部门' },
      { label: '报告年度' },
      { label: '报告数', numeric: true },
      { label: '最近一年', sub: '全年预算', numeric: true, csv: '最近一年全年预算' },
      { label: '最近一年', sub: '自评得分', numeric: true, csv: '最近一年自评得分' },
      { label: '金额单位', csvOnly: true },
      { label: '项目标识', csvOnly: true },
    ],
    rows: projects.map((e) => {
      const last = e.reports.at(-1)!;
      const cells = figureCells(last);
      return [
        text(e.names[0]!, projectHref(e.key)),
        text(e.departmentName, departmentHref(e.departmentId)),
        text(yearsText(e)),
        num(`${e.reports.length} 份`, e.reports.length),
        cells[0]!,
        cells[4]!,
        cells[6]!,
        text(e.key),
      ];
    }),
  };
}

function mentionCells(m: Mention): Cell[] {
  const u = unitOf(m.r);
  return [
    num(
      figure(m.r, `${m.path}.${m.source === '重点绩效评价' ? 'amount' : 'planned'}`, m.planned, u),
      inWan(m.r, m.planned),
      written(m.r, `${m.path}.${m.source === '重点绩效评价' ? 'amount' : 'planned'}`, m.planned),
    ),
    num(figure(m.r, `${m.path}.spent`, m.spent, u), inWan(m.r, m.spent), written(m.r, `${m.path}.spent`, m.spent)),
    num(m.score === undefined ? '未注明' : `${formatNumber(m.score)} 分`, m.score),
    { text: u, csv: u },
  ];
}

const MENTION_COLUMNS = [
  { label: '预算资金', numeric: true },
  { label: '支付资金', numeric: true },
  { label: '评价得分', numeric: true },
  { label: '金额单位', csvOnly: true },
];

export function mentionsTable(mentions: Mention[]): CompareTable {
  return {
    id: 'named',
    caption: '部门整体报告中列出的项目',
    sortable: true,
    columns: [{ label: '项目' }, { label: '年度', numeric: true }, { label: '部门' }, { label: '出处' }, ...MENTION_COLUMNS],
    rows: mentions.map((m) => [
      text(m.name, m.projectKey ? projectHref(m.projectKey) : undefined),
      num(`${m.year} 年度`, m.year, String(m.year)),
      text(m.r.report.department.name, departmentHref(m.r.report.department.id)),
      text(m.source, reportHref(m.r.id)),
      ...mentionCells(m),
    ]),
    note: '金额按所在报告的单位；带链接的项目有自己的绩效自评报告。',
  };
}

/** One project: its own reports, a row per year (oldest first, so the years read left to right in time). */
export function projectYearsTable(e: ProjectEntry): CompareTable {
  return {
    id: 'years',
    caption: '历年项目支出绩效自评',
    sortable: true,
    columns: [{ label: '年度' }, { label: '项目名称' }, ...FIGURE_COLUMNS],
    rows: e.reports.map((r: LoadedReport) => [
      { text: `${r.report.year} 年度`, sort: r.report.year, csv: String(r.report.year), href: reportHref(r.id) },
      text(r.report.project!.name),
      ...figureCells(r),
    ]),
  };
}

export function projectMentionsTable(e: ProjectEntry): CompareTable | undefined {
  if (!e.mentions.length) return undefined;
  return {
    id: 'named',
    caption: '部门整体报告中的记载',
    sortable: true,
    columns: [{ label: '年度' }, { label: '出处' }, ...MENTION_COLUMNS],
    rows: [...e.mentions]
      .sort((a, b) => a.year - b.year)
      .map((m) => [{ text: `${m.year} 年度`, sort: m.year, csv: String(m.year), href: reportHref(m.r.id) }, text(m.source), ...mentionCells(m)]),
  };
}

/** Spending, rate and score across the project's years (the department trend charts, fed its own reports). */
export function projectTrends(e: ProjectEntry): { figure: ChartFigure; table: CompareTable }[] {
  if (e.reports.length < 2) return [];
  const asSeries = e.reports.map((r) => ({ ...r, report: { ...r.report, kind: 'department' as const } }));
  return trendFigures(asSeries).map((figure) => ({ figure, table: chartTable(figure, figure.id.replace(/^chart-/, '')) }));
}
