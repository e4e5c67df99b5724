/**
 * The project pages' tables: the index of every project the data names (those with their own
 * reports, then every mention in a department report), and one project's years side by side.
 */
import { trendFigures, type ChartFigure } from '../charts-data.ts';
import type { LoadedReport } from '../content.ts';
import { chartTable } from './chart-table.ts';
import { formatNumber } from '../format.ts';
import { departmentHref, reportHref } from '../routes.ts';
import { wanOf } from './measures.ts';
import type { Mention, ProjectEntry } from './projects.ts';
import { FIGURE_COLUMNS, figureCells, unitNote, wanCell } from './report-cells.ts';
import { num, text, type Cell, type CompareTable } from './table.ts';
import { projectHref } from './urls.ts';

const unique = <T>(xs: T[]) => [...new Set(xs)];

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
      { label: '最近一年', sub: '全年预算', numeric: true, csv: '最近一年全年预算（万元）' },
      { label: '最近一年', sub: '自评得分', numeric: true, csv: '最近一年自评得分（分）' },
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
        text(e.key),
      ];
    }),
  };
}

function mentionCells(m: Mention): Cell[] {
  return [
    wanCell(wanOf(m.r, `${m.path}.${m.source === '重点绩效评价' ? 'amount' : 'planned'}`, m.planned)),
    wanCell(wanOf(m.r, `${m.path}.spent`, m.spent)),
    num(m.score === undefined ? '未注明' : `${formatNumber(m.score)} 分`, m.score),
  ];
}

const MENTION_COLUMNS = [
  { label: '预算资金', numeric: true, csv: '预算资金（万元）' },
  { label: '支付资金', numeric: true, csv: '支付资金（万元）' },
  { label: '评价得分', numeric: true, csv: '评价得分（分）' },
];

/**
 * The projects department reports name without a report of their own, each once: one row per
 * department and name, the years it is named in, and the figures of the latest naming. Projects
 * with their own report are in projectsTable (their mentions on their own page).
 */
export function mentionsTable(mentions: Mention[]): CompareTable {
  const byProject = Map.groupBy(
    mentions.filter((m) => !m.projectKey),
    (m) => `${m.r.report.department.id}\u0000${m.name}`,
  );
  const rows = [...byProject.values()].map((ms) => ms.toSorted((a, b) => b.year - a.year));
  return {
    id: 'named',
    caption: '部门整体报告中列出、没有自己报告的项目',
    sortable: true,
    columns: [
      { label: '项目' },
      { label: '部门' },
      { label: '记载年度' },
      { label: '最近一次出处' },
      ...MENTION_COLUMNS.map((c) => ({ ...c, label: `最近一次${c.label}`, csv: `最近一次${c.csv}` })),
    ],
    rows: rows.map((ms) => {
      const m = ms[0]!;
      return [
        text(m.name),
        text(m.r.report.department.name, departmentHref(m.r.report.department.id)),
        text(`${unique(ms.map((x) => x.year)).join('、')} 年度`),
        text(`${m.year} 年度${m.source}`, reportHref(m.r.id)),
        ...mentionCells(m),
      ];
    }),
    note: [
      unitNote(unique(rows.map((ms) => ms[0]!.r)), (r) => `${r.report.year} 年度${r.report.department.name}`),
      '有自己绩效自评报告的项目列在上表，不再重复。',
    ]
      .filter(Boolean)
      .join(''),
  };
}

/** One project: its own reports, a row per year (oldest first, so the years read left to right in time). */
export function projectYearsTable(e: ProjectEntry): CompareTable {
  return {
    id: 'years',
    caption: '历年项目支出绩效自评',
    sortable: true,
    columns: [{ label: '年度' }, { label: '项目名称' }, ...FIGURE_COLUMNS],
    ...(unitNote(e.reports, (r) => `${r.report.year} 年度`) && { note: unitNote(e.reports, (r) => `${r.report.year} 年度`) }),
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
