/**
 * What changed in a department from one report to the next it published: the headline figures
 * up or down (money in 万元, the computed rate in percentage points, the score in points), and
 * the indicators that lost or gained points, matched by their names (with their parents' names,
 * since 预算执行 may sit under different headings).
 */
import type { Indicator } from '../../schema/index.ts';
import { decimalValue, subtractDecimals, type Decimal } from '../../schema/money.ts';
import type { LoadedReport } from '../content.ts';
import { plannedWanOf, rateOf, scoreOf, spentWanOf } from './measures.ts';

export interface FigureChange {
  label: string;
  unit: '万元' | '%' | '分';
  before: number | undefined;
  after: number | undefined;
  /** after − before, rounded to the unit's precision; undefined when either side is missing. */
  delta: number | undefined;
  /** Amounts: the same three exactly, in 万元, from the stated digits. */
  exact?: { before: Decimal | undefined; after: Decimal | undefined; delta: Decimal | undefined };
}

export interface IndicatorChange {
  /** Names from the top level down, e.g. ['管理效率', '预算执行']. */
  path: string[];
  max: number | undefined;
  before: number;
  after: number;
  delta: number;
  /** The report's reason for points lost this year, when it gives one. */
  note: string | undefined;
}

const round = (n: number, places: number) => Math.round(n * 10 ** places) / 10 ** places;
const diff = (a: number | undefined, b: number | undefined, places: number) => (a === undefined || b === undefined ? undefined : round(b - a, places));

function moneyChange(label: string, get: (r: LoadedReport) => Decimal | undefined, prev: LoadedReport, cur: LoadedReport): FigureChange {
  const [before, after] = [get(prev), get(cur)];
  const delta = before && after ? subtractDecimals(before, after) : undefined;
  const n = (d: Decimal | undefined) => d && decimalValue(d);
  return { label, unit: '万元', before: n(before), after: n(after), delta: n(delta), exact: { before, after, delta } };
}

export function figureChanges(prev: LoadedReport, cur: LoadedReport): FigureChange[] {
  const rows: [string, FigureChange['unit'], (r: LoadedReport) => number | undefined, number][] = [
    ['预算执行率（按数字计算）', '%', rateOf, 2],
    ['自评得分', '分', scoreOf, 2],
  ];
  return [
    moneyChange('全年预算', plannedWanOf, prev, cur),
    moneyChange('实际支出', spentWanOf, prev, cur),
    ...rows.map(([label, unit, get, places]) => ({ label, unit, before: get(prev), after: get(cur), delta: diff(get(prev), get(cur), places) })),
  ];
}

/** Leaf indicators (those without children) with a score, keyed by their name path. */
function leaves(r: LoadedReport): Map<string, { path: string[]; ind: Indicator }> {
  const out = new Map<string, { path: string[]; ind: Indicator }>();
  const walk = (list: Indicator[], parents: string[]) => {
    for (const ind of list) {
      const path = [...parents, ind.name];
      if (ind.children?.length) walk(ind.children, path);
      else if (ind.score !== undefined) out.set(path.join('\u0000'), { path, ind });
    }
  };
  walk(r.report.score?.indicators ?? [], []);
  return out;
}

/** Indicators present in both reports whose score moved, the largest loss first. */
export function indicatorChanges(prev: LoadedReport, cur: LoadedReport): IndicatorChange[] {
  const before = leaves(prev);
  const out: IndicatorChange[] = [];
  for (const [key, { path, ind }] of leaves(cur)) {
    const old = before.get(key);
    if (!old) continue;
    const delta = round(ind.score! - old.ind.score!, 2);
    if (delta !== 0) out.push({ path, max: ind.max, before: old.ind.score!, after: ind.score!, delta, note: delta < 0 ? ind.note : undefined });
  }
  return out.sort((a, b) => a.delta - b.delta || a.path.join().localeCompare(b.path.join(), 'zh-CN'));
}
