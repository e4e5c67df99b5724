/**
 * The money table from the cell stream: a header of column names (年初预算数 | 全年预算数 |
 * 全年执行数 | 分值 | 执行率 | 得分, in any of the forms' wordings), then the 合计 row and the
 * funding-source rows; also label–value cells (| 基本支出总额 | 864.2万 |). A value is taken by
 * column position only where the row kept its empty cells and every value fits its column's
 * kind; otherwise only by kind (a % goes to the rate), and what stays ambiguous goes on the
 * review list. One walk over the cells.
 */
import { IMPORT_REVIEW } from '../errors/import-review.ts';
import { key, where, type Cell } from './cells.ts';
import { isValue, roleOf, unitsAt, valueOf, type Sourced } from './form-read.ts';
import { MONEY_TOTAL_ROW, SOURCE_ROW, type BudgetUnit, type Role } from './forms.ts';
import { near, splitDigits, type Slot } from './fused.ts';
import { fold } from './normalize.ts';
import { isBlankCell, type Stated } from './numbers.ts';
import type { Review } from './review.ts';

export type MoneyKey = 'initial' | 'planned' | 'spent' | 'basic' | 'project';
export interface StreamMoney {
  value: Stated;
  unit?: BudgetUnit | undefined;
  where: string;
  line: number;
}

export interface MoneyFound {
  money: Partial<Record<MoneyKey, StreamMoney>>;
  rate?: Sourced<Stated> | undefined;
  execution?: { max?: Stated | undefined; score?: Stated | undefined } | undefined;
  sources: { name: string; initial?: StreamMoney; planned?: StreamMoney; spent?: StreamMoney }[];
  /** The department form's 按支出性质分 total, stated beside its 基本支出 and 项目支出. */
  bySpending?: StreamMoney | undefined;
}

const LV_MONEY: [RegExp, MoneyKey][] = [
  [/^基本支出(?:总额|合计)?$/, 'basic'],
  [/^项目支出(?:总额|合计)?$/, 'project'],
  [/^预算数$/, 'planned'],
  [/^执行数$/, 'spent'],
];
const MONEY_ROLES: Role[] = ['initial', 'planned', 'received', 'spent'];

export function readMoney(cells: readonly Cell[], review: Review): MoneyFound {
  const out: MoneyFound = { money: {}, sources: [] };
  const units = unitsAt(cells);
  const put = (k: MoneyKey, c: Cell, i: number) => {
    const v = valueOf(c.text);
    if (!v || out.money[k] || (v.unit && !['万元', '元', '亿元'].includes(v.unit))) return;
    const unit = (v.unit as BudgetUnit | undefined) ?? units[i];
    if (!unit && v.value !== 0) {
      review.add(IMPORT_REVIEW.amountUnitless({ where: where(c), text: c.text }), 'budget');
      return;
    }
    out.money[k] = { value: v, unit, where: where(c), line: c.line };
  };
  // Label–value cells: | 基本支出总额 | 864.2万 |, "预算数 6.84"
  for (let i = 0; i + 1 < cells.length; i++) {
    const k = key(cells[i]!.text);
    const hit = LV_MONEY.find(([re]) => re.test(k));
    // A label before a run of numbers heads a table row ("项目支出: | 874.20 | 308.17 | 1025.20", one a year): which is this year's is the header's to say.
    const row = i + 2 < cells.length && valueOf(cells[i + 2]!.text) !== undefined && !isBlankCell(cells[i + 2]!.text);
    if (hit && !row && valueOf(cells[i + 1]!.text) && valueOf(cells[i + 1]!.text)!.unit !== '%') put(hit[1], cells[i + 1]!, i + 1);
  }
  // The department form's 按支出性质分 column, label and amount in one cell: "按支出性质分:1925.67", "其中:基本支出:900.47", "项目支出:1025.20".
  cells.forEach((c, i) => {
    const m = /^(?:其中:)?\s*(按支出性质分|基本支出|项目支出)\s*:\s*(\d[\d,]*(?:\.\d+)?(?:万元|万|元|亿元)?)$/.exec(key(c.text));
    if (!m) return;
    if (m[1] !== '按支出性质分') return put(m[1] === '基本支出' ? 'basic' : 'project', { ...c, text: m[2]! }, i);
    const v = valueOf(m[2]!);
    const unit = (v?.unit as BudgetUnit | undefined) ?? units[i];
    if (v && unit && !out.bySpending) out.bySpending = { value: v, unit, where: where(c), line: c.line };
  });
  // The money table: a header with at least two money columns, then its rows.
  for (let i = 0; i < cells.length; i++) {
    const header = headerAt(cells, i);
    if (!header) continue;
    const roles = header.roles;
    if (roles.filter((r) => MONEY_ROLES.includes(r)).length < 2 && !(roles.includes('rate') && roles.some((r) => MONEY_ROLES.includes(r)))) {
      i = header.end - 1;
      continue;
    }
    let j = header.end;
    let first = true;
    for (let rows = 0; rows < 8 && j < cells.length; rows++) {
      let label = '';
      while (j < cells.length && !cells[j]!.text.trim()) j++;
      if (cells[j] && key(cells[j]!.text).length > 40) j++; // a note between rows ("1.预算执行率=…")
      if (j >= cells.length) break;
      if (!isValue(cells[j]!) && !roleOf(cells[j]!.text)) {
        label = key(cells[j]!.text);
        j++;
      }
      const isTotal = label ? MONEY_TOTAL_ROW.test(label) : first;
      const src = label ? SOURCE_ROW.exec(label) : null;
      if (!isTotal && !src) break;
      const vals: Cell[] = [];
      const at: number[] = [];
      const fusedRow = cells[j]?.mode === 'fused' && /^[\d.%]+$/.test(fold(cells[j]!.text)) ? (unfuse(cells[j]!, roles) ?? []) : undefined;
      if (fusedRow && !fusedRow.length) review.add(IMPORT_REVIEW.moneyFused({ label, text: cells[j]!.text }), 'budget', cells[j]!.line);
      if (fusedRow) {
        vals.push(...fusedRow);
        fusedRow.forEach(() => at.push(j));
        j++;
      }
      for (; !fusedRow && j < cells.length && vals.length < roles.length; j++) {
        const c = cells[j]!;
        if (roleOf(c.text) && !isValue(c)) continue; // "预算数 6.84 到位数 6.84": the label inside a cell
        if (!isValue(c)) break;
        if (!c.text.trim() && (c.mode === 'space' || !vals.length || vals.at(-1)!.line !== c.line)) continue;
        vals.push(c);
        at.push(j);
      }
      first = false;
      const got = assign(roles, vals) ?? byArithmetic(roles, vals);
      if (!got) {
        review.add(IMPORT_REVIEW.moneyCount({ label, values: vals.length, columns: roles.length }), 'budget', vals[0]?.line);
      }
      const cellFor = (r: Role) => got?.get(r);
      const taken = new Set(got?.values());
      const left = got ? vals.filter((c) => !taken.has(c) && !isBlankCell(c.text)) : [];
      if (left.length) review.add(IMPORT_REVIEW.moneyLeft({ label, values: left.map((c) => c.text), where: where(left[0]!) }), 'budget', left[0]!.line);
      if (isTotal) {
        for (const r of ['initial', 'planned', 'spent'] as const) {
          const c = cellFor(r);
          if (c) put(r, c, at[vals.indexOf(c)]!);
        }
        const rc = cellFor('rate');
        const rv = rc && valueOf(rc.text);
        if (rc && rv && (rv.unit === '%' || (!rv.unit && (header.ratePct || rv.value === 0 || (rv.value >= 2 && rv.value <= 200)))))
          out.rate ??= { value: rv, where: where(rc), line: rc.line };
        const max = cellFor('max');
        const score = cellFor('score');
        const mv = max && valueOf(max.text);
        const sv = score && valueOf(score.text);
        if ((mv && !mv.unit) || (sv && !sv.unit)) out.execution ??= { max: mv && !mv.unit ? mv : undefined, score: sv && !sv.unit ? sv : undefined };
        // The typed fallback found no amount: a single rate may still be read.
        if (!got) {
          const pct = vals.filter((c) => valueOf(c.text)?.unit === '%');
          if (pct.length === 1) out.rate ??= { value: valueOf(pct[0]!.text)!, where: where(pct[0]!), line: pct[0]!.line };
        }
      } else if (src && got) {
        const s: MoneyFound['sources'][number] = { name: cells[j - vals.length - 1]?.text.replace(/^其中\s*[:：]\s*/, '').replace(/\s+/g, '') ?? src[1]! };
        for (const r of ['initial', 'planned', 'spent'] as const) {
          const c = cellFor(r);
          const v = c && valueOf(c.text);
          const unit = (v?.unit as BudgetUnit | undefined) ?? units[at[vals.indexOf(c!)]!];
          if (c && v && (unit || v.value === 0) && v.unit !== '%') s[r] = { value: v, unit, where: where(c), line: c.line };
        }
        if (s.initial || s.planned || s.spent) out.sources.push(s);
      }
    }
    i = j - 1;
  }
  return out;
}

/** A run of header cells starting at i: their roles (a repeated money role drops the group caption before it). */
function headerAt(cells: readonly Cell[], i: number): { roles: Role[]; end: number; ratePct: boolean } | undefined {
  const roles: Role[] = [];
  let ratePct = false;
  let j = i;
  for (; j < cells.length && roles.length < 16; j++) {
    const r = roleOf(cells[j]!.text);
    if (!r || (roles.length >= 2 && cells[j + 1] && valueOf(cells[j + 1]!.text))) break; // "预算数 6.84": a row's label
    if (r === 'rate' && /%/.test(fold(cells[j]!.text))) ratePct = true;
    if (MONEY_ROLES.includes(r) && roles[0] === r && roles.length <= 2) roles.shift();
    roles.push(r);
  }
  return roles.length >= 2 ? { roles, end: j, ratePct } : undefined;
}

/** Values to columns: by position when each value fits its column, else by kind around the one rate. */
function assign(roles: readonly Role[], input: readonly Cell[]): Map<Role, Cell> | undefined {
  let vals = input;
  const fits = (r: Role, c: Cell) => {
    if (isBlankCell(c.text)) return true;
    const v = valueOf(c.text)!;
    if (r === 'rate') return !v.unit || v.unit === '%';
    return v.unit !== '%';
  };
  const lead = roles.findIndex((r) => !MONEY_ROLES.includes(r));
  const positional =
    vals.length === roles.length ||
    vals.every((c) => c.mode !== 'space') ||
    (vals.length === (lead < 0 ? roles.length : lead) && vals.every((c) => valueOf(c.text)?.unit !== '%'));
  if (positional && vals.length <= roles.length && vals.every((c, k) => fits(roles[k]!, c))) {
    const m = new Map<Role, Cell>();
    vals.forEach((c, k) => {
      if (!isBlankCell(c.text) && !m.has(roles[k]!)) m.set(roles[k]!, c);
    });
    return m;
  }
  while (vals.length && !vals.at(-1)!.text.trim()) vals = vals.slice(0, -1);
  // By kind: one % value is the rate; the numbers on each side fill their side only if they fit exactly.
  const ri = roles.indexOf('rate');
  const pi = vals.findIndex((c) => valueOf(c.text)?.unit === '%');
  if (ri < 0 || pi < 0) return undefined;
  const m = new Map<Role, Cell>([['rate', vals[pi]!]]);
  const before = vals.slice(0, pi);
  const after = vals.slice(pi + 1);
  if (before.length === ri) before.forEach((c, k) => m.set(roles[k]!, c));
  if (after.length === roles.length - ri - 1) after.forEach((c, k) => m.set(roles[ri + 1 + k]!, c));
  return before.length === ri && after.length === roles.length - ri - 1 ? m : m.size > 1 ? m : undefined;
}

/**
 * A row with fewer values than columns and no way to tell which cells were left blank
 * ("880 880 880 10 10" under 年初预算数 全年预算数 全年执行数 分值 执行率 得分): every way of placing
 * the values in order, each in a column it fits, is tried against the form's arithmetic (amounts
 * are not percents, a weight is at most 100, a score at most its weight, a rate agrees with
 * spent ÷ planned); the row is read only when exactly one placement passes.
 */
function byArithmetic(roles: readonly Role[], vals: readonly Cell[]): Map<Role, Cell> | undefined {
  const nums = vals.map((c) => valueOf(c.text));
  if (vals.length > roles.length || vals.length < 2 || nums.some((v) => !v) || roles.length > 10) return undefined;
  const found: Map<Role, Cell>[] = [];
  const pick: number[] = [];
  const ok = () => {
    const at = (r: Role) => {
      const k = pick.findIndex((ri) => roles[ri] === r);
      return k < 0 ? undefined : nums[k]!;
    };
    for (let k = 0; k < pick.length; k++) {
      const r = roles[pick[k]!]!;
      const v = nums[k]!;
      if (MONEY_ROLES.includes(r) && v.unit === '%') return false;
      if (r === 'rate' && ((v.unit && v.unit !== '%') || v.value > 200)) return false;
      if ((r === 'max' || r === 'score') && (v.unit || v.value > 100)) return false;
    }
    const planned = at('planned');
    const spent = at('spent');
    const rate = at('rate');
    const max = at('max');
    const score = at('score');
    if (max && score && score.value > max.value) return false;
    if (rate && planned && spent && planned.value > 0 && !near((spent.value / planned.value) * 100, rate.value, 0.01)) return false;
    if (rate && !(planned && spent)) return false;
    return true;
  };
  const walk = (ri: number, k: number) => {
    if (found.length > 1) return;
    if (k === vals.length) {
      if (ok()) found.push(new Map(pick.map((r, i) => [roles[r]!, vals[i]!])));
      return;
    }
    for (let r = ri; r <= roles.length - (vals.length - k); r++) {
      pick.push(r);
      walk(r + 1, k + 1);
      pick.pop();
    }
  };
  walk(0, 0);
  return found.length === 1 ? found[0] : undefined;
}

/** "202010100.00%10" under 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分: the one split the form's rules allow. */
function unfuse(c: Cell, roles: readonly Role[]): Cell[] | undefined {
  if (c.mode !== 'fused' || !/^[\d.%]+$/.test(fold(c.text))) return undefined;
  const slots = roles.map((r): Slot => (MONEY_ROLES.includes(r) ? 'money' : r === 'rate' ? 'rate' : r === 'max' ? 'max' : r === 'score' ? 'score' : 'num'));
  const at = (r: Role) => roles.indexOf(r);
  const parts = splitDigits(c.text, slots, (v) => {
    const planned = v[at('planned')];
    const spent = v[at('spent')];
    const rate = v[at('rate')];
    const max = v[at('max')];
    const score = v[at('score')];
    if (planned && spent && rate && planned.value > 0 && !near((spent.value / planned.value) * 100, rate.value, 0.01)) return false;
    if (max && score && score.value > max.value) return false;
    if (max && score && rate && !near((max.value * rate.value) / 100, score.value, 0.01)) return false;
    return true;
  });
  return parts?.map((p, k) => ({ ...c, text: p.text, col: c.col * 10 + k }));
}
