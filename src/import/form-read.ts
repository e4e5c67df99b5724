/**
 * Facts read from the cell stream by what the labels mean (forms.ts): the cover's label–value
 * pairs, the total score and grade; and the helpers the other stream readers share (a header
 * cell's role, a cell's value, the unit in force). The money table is form-money.ts, the
 * indicator rows form-indicators.ts. They complete what the structured readers (figures.ts,
 * indicators.ts) find, for forms that lost their table structure. Each walk is linear in the
 * number of cells.
 */
import { key, where, type Cell } from './cells.ts';
import {
  COVER_LABELS,
  GRADES,
  GRADE_LABEL,
  HEADER_ROLES,
  MONEY_TOTAL_ROW,
  TOTAL_LABEL,
  TOTAL_SCORE_LABEL,
  UNIT_IN_TEXT,
  WEIGHT_TOTAL_LABEL,
  type BudgetUnit,
  type Role,
} from './forms.ts';
import { fold } from './normalize.ts';
import { isBlankCell, toStated, type Stated } from './numbers.ts';
import { splitPair } from './fused.ts';

export interface Sourced<T> {
  value: T;
  where: string;
  line: number;
}

export function roleOf(text: string): Role | undefined {
  if (text.length > 40) return undefined;
  const k = key(text).replace(/\((?:万元|元|亿元)\)/g, '');
  if (!k || k.length > 24) return undefined;
  return HEADER_ROLES.find(([re]) => re.test(k))?.[1];
}

/** "864.2万", "350.00万元", "98%", "10", "9.5分": a number and its unit, or undefined. */
export function valueOf(text: string): (Stated & { unit?: string }) | undefined {
  if (text.length > 40) return undefined;
  const m = /^\s*(\d[\d,]*(?:\.\d+)?)\s*(%|万元|万|元|亿元|分)?\s*$/.exec(fold(text));
  if (!m) return undefined;
  const n = toStated(m[1]!);
  if (!n) return undefined;
  return m[2] ? { ...n, unit: m[2] === '万' ? '万元' : m[2] } : n;
}

export const isValue = (c: Cell) => valueOf(c.text) !== undefined || isBlankCell(c.text);

/** The unit a caption or header cell states: "(万元)", "金额单位: 万元", "项目资金 (元)", "(万元" cut at the cell's end. */
function unitStated(text: string): BudgetUnit | 'other' | undefined {
  const f = fold(text);
  // "(万元" at a cell's end: the header's bracket closed on a line the cell break cut off ("年度预算申请 | (万元").
  if (!/\((?:万美元|亿元|万元|元)(?:\)|$)|单位[:]?\s*(?:万美元|亿元|万元|元)$|^(?:万元|元|亿元)$/.test(f.replace(/\s+/g, ''))) return undefined;
  const u = UNIT_IN_TEXT.exec(f)?.[1];
  return u === '万美元' ? 'other' : (u as BudgetUnit | undefined);
}

/** The budget unit in force at each cell: the last one a caption or header stated before it. */
export function unitsAt(cells: readonly Cell[]): (BudgetUnit | undefined)[] {
  let unit: BudgetUnit | undefined;
  return cells.map((c) => {
    const u = unitStated(c.text);
    if (u === 'other') return unit;
    if (u) unit = u;
    return unit;
  });
}

// ---------------------------------------------------------------------------------------------
// Cover labels

export type CoverKey = keyof typeof COVER_LABELS;
const labelKind = (text: string): CoverKey | undefined => {
  const k = key(text);
  return (Object.keys(COVER_LABELS) as CoverKey[]).find((n) => COVER_LABELS[n].test(k));
};
const isStop = (c: Cell) =>
  labelKind(c.text) !== undefined ||
  roleOf(c.text) !== undefined ||
  /[:：]$/.test(c.text) ||
  MONEY_TOTAL_ROW.test(key(c.text).replace(/\((?:万元|元|亿元)\)$/, ''));

/** Label → value for the cover fields; the first value of each label wins. */
export function readCover(cells: readonly Cell[]): Partial<Record<CoverKey, Sourced<string>>> {
  const out: Partial<Record<CoverKey, Sourced<string>>> = {};
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i]!;
    let kind = labelKind(c.text);
    let value: string | undefined;
    let at = c;
    if (!kind) {
      const m = /^([^:：]{2,12})[:：](.+)$/.exec(c.text);
      if (m && (kind = labelKind(m[1]!))) value = m[2]!.trim();
      else continue;
    } else if (c.mode === 'space') {
      const parts: string[] = [];
      // A unit's name is one cell; a project's name may be split at a space ("2020 年市级…资金").
      const most = kind === 'project' ? 8 : 1;
      for (let j = i + 1; j < cells.length && j <= i + most && cells[j]!.line === c.line && !isStop(cells[j]!); j++) parts.push(cells[j]!.text);
      value = parts.join(' ');
      at = cells[i + 1] ?? c;
    } else {
      for (let j = i + 1; j < cells.length && j <= i + 4; j++) {
        if (cells[j]!.text.trim()) {
          value = cells[j]!.text;
          at = cells[j]!;
          break;
        }
      }
      if (value !== undefined && isStop(at)) value = undefined;
    }
    if (!kind || out[kind] || !value) continue;
    // "[:]农业工作科" where the colon was cut off its label; "219-…" a unit's code.
    const v = value
      .replace(/^[:：]\s*/, '')
      .replace(/^\d{3,}[A-Z0-9]*\s*[-－—]\s*/, '')
      .trim();
    if (!v || isBlankCell(v) || /^[（(].{0,20}字以内/.test(v) || v.length > 80) continue;
    out[kind] = { value: v, where: where(at), line: at.line };
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Total score and grade

export interface TotalFound {
  total?: Sourced<Stated> | undefined;
  grade?: Sourced<string> | undefined;
}

export function readTotal(cells: readonly Cell[], maxBeforeScore: boolean): TotalFound {
  const out: TotalFound = {};
  for (let i = 0; i < cells.length && !out.total; i++) {
    const k = key(cells[i]!.text);
    if (!TOTAL_SCORE_LABEL.test(k) && !TOTAL_LABEL.test(k)) continue;
    const nums: Cell[] = [];
    let j = i + 1;
    for (; j < cells.length && j <= i + 6 && nums.length < 2; j++) {
      const c = cells[j]!;
      if (!c.text.trim()) continue;
      // A fused cell runs on into the next words ("100100注:1."): its leading digits only.
      const text = c.mode === 'fused' ? (/^(\d+(?:\.\d+)?)(?=[\u4e00-\u9fa5]|$)/.exec(fold(c.text))?.[1] ?? c.text) : c.text;
      const v = valueOf(text);
      if (!v || (v.unit && v.unit !== '分')) break;
      const pair = v.value > 100 && c.mode === 'fused' ? splitPair(text) : undefined;
      if (pair) {
        nums.push(...pair.map((p) => ({ ...c, text: p.text })));
        break;
      }
      nums.push({ ...c, text });
    }
    if (!nums.length) continue;
    let pick: Cell | undefined;
    if (nums.length === 2) pick = maxBeforeScore ? nums[1] : nums[0];
    else if (!WEIGHT_TOTAL_LABEL.test(k)) pick = nums[0];
    const v = pick && valueOf(pick.text);
    if (!pick || !v || v.value > 100) continue;
    out.total = { value: v, where: where(pick), line: pick.line };
    const g = cells[j] && fold(cells[j]!.text).trim();
    if (g && GRADES[g]) out.grade = { value: GRADES[g]!, where: where(cells[j]!), line: cells[j]!.line };
  }
  if (!out.grade) {
    for (let i = 0; i + 1 < cells.length; i++) {
      if (!GRADE_LABEL.test(key(cells[i]!.text))) continue;
      const g = fold(cells[i + 1]!.text).trim();
      if (GRADES[g]) {
        out.grade = { value: GRADES[g]!, where: where(cells[i + 1]!), line: cells[i + 1]!.line };
        break;
      }
    }
  }
  return out;
}
