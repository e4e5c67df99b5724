/**
 * Where a district loses points in a year: the points lost (分值 − 得分, only where a report
 * states both) summed over the year's reports by indicator group — the 一级 and 二级 names as
 * the reports write them — each group with the reports that lost there and their stated reasons
 * (the indicator's 扣分原因 / 偏差原因, else its parent's 说明). Nothing is estimated: an indicator
 * without both figures adds nothing.
 */
import type { LoadedReport } from '../content.ts';
import { formatNumber } from '../format.ts';
import { plainText } from '../../formats/markdown.ts';
import { pointsLost } from '../report-story.ts';
import { reportHref } from '../routes.ts';
import { shortName } from './measures.ts';
import { num, text, type CompareTable } from './table.ts';

export interface GroupLoss {
  /** 一级 name, and the 二级 name when the tree has one there. */
  top: string;
  sub?: string;
  lost: number;
  /** Each report that lost points in the group, the biggest loss first. */
  reports: { r: LoadedReport; lost: number; reasons: string[] }[];
}

const round = (n: number) => Math.round(n * 1e6) / 1e6;
const zh = (a: string, b: string) => a.localeCompare(b, 'zh-CN');

/** Every group that lost points this year, the biggest loss first. */
export function groupLosses(reports: readonly LoadedReport[]): GroupLoss[] {
  const groups = new Map<string, GroupLoss>();
  for (const r of reports)
    for (const x of pointsLost(r)) {
      const path = [...x.parents, x.name];
      const [top, sub] = [path[0]!, path[1]];
      const key = `${top}\0${sub ?? ''}`;
      const g = groups.get(key) ?? { top, ...(sub !== undefined && { sub }), lost: 0, reports: [] };
      groups.set(key, g);
      g.lost = round(g.lost + x.lost);
      let entry = g.reports.find((e) => e.r === r);
      if (!entry) g.reports.push((entry = { r, lost: 0, reasons: [] }));
      entry.lost = round(entry.lost + x.lost);
      const reason = x.reason && plainText(x.reason.text);
      if (reason && !entry.reasons.includes(reason)) entry.reasons.push(reason);
    }
  const list = [...groups.values()];
  for (const g of list) g.reports.sort((a, b) => b.lost - a.lost || zh(shortName(a.r), shortName(b.r)));
  return list.sort((a, b) => b.lost - a.lost || zh(a.top, b.top) || zh(a.sub ?? '', b.sub ?? ''));
}

/** The 一级 groups' totals, the biggest first: for the sentence above the table. */
export function topLosses(groups: readonly GroupLoss[]): { top: string; lost: number; reports: number }[] {
  const tops = new Map<string, { top: string; lost: number; ids: Set<string> }>();
  for (const g of groups) {
    const t = tops.get(g.top) ?? { top: g.top, lost: 0, ids: new Set<string>() };
    tops.set(g.top, t);
    t.lost = round(t.lost + g.lost);
    for (const e of g.reports) t.ids.add(e.r.id);
  }
  return [...tops.values()].sort((a, b) => b.lost - a.lost || zh(a.top, b.top)).map((t) => ({ top: t.top, lost: t.lost, reports: t.ids.size }));
}

const who = (r: LoadedReport) => (r.report.project ? `${shortName(r)}（${r.report.project.name}）` : shortName(r));

/** The groups as a comparison table (and its CSV): one row per group, the reports and reasons in words. */
export function lossesTable(year: number, groups: readonly GroupLoss[]): CompareTable {
  return {
    id: 'points-lost',
    caption: `${year} 年度各项指标扣分合计及原因`,
    sortable: true,
    columns: [
      { label: '一级指标' },
      { label: '二级指标' },
      { label: '扣分合计', numeric: true, csv: '扣分合计（分）' },
      { label: '扣分的报告', numeric: true, csv: '扣分的报告（份）' },
      { label: '各报告扣分及所写原因', csv: '各报告扣分（分）及所写原因' },
    ],
    rows: groups.map((g) => [
      text(g.top),
      text(g.sub ?? '—'),
      num(`${formatNumber(g.lost)} 分`, g.lost),
      num(`${g.reports.length} 份`, g.reports.length),
      text(g.reports.map((e) => `${who(e.r)} −${formatNumber(e.lost)} 分：${e.reasons.length ? e.reasons.join('；') : '报告未说明原因'}`).join('\n')),
    ]),
    note: '扣分 = 分值 − 得分，只计报告同时写明分值和得分的指标；原因按报告所写（扣分原因、偏差原因或上级指标的说明）。',
  };
}

/** The reports behind a row, for links on the page. */
export const lossLinks = (g: GroupLoss) => g.reports.map((e) => ({ label: who(e.r), href: reportHref(e.r.id), lost: e.lost, reasons: e.reasons }));
