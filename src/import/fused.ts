/**
 * Fused cells: a 自评表 whose cells lost every border ("项目名称中江县…主管部门中江县水利局",
 * "年度资金总额:202010100.00%10", "总分100100"). Text is cut before each known label word
 * (forms.ts FUSED_WORDS), and a run of digits is split only where exactly one split fits the
 * form's rules (no leading zeros, 分值 ≤ 100, 得分 ≤ 分值, a % stays a %, 执行率 = 执行数 ÷
 * 预算数, 得分 = 分值 × 执行率). Any other split stays unread and goes on the review list.
 * Enumeration is bounded: runs longer than MAX_RUN characters are never split.
 */
import type { Cell } from './cells.ts';
import { FUSED_LEVEL, FUSED_WORDS } from './forms.ts';
import { fold } from './normalize.ts';
import { toStated, type Stated } from './numbers.ts';

const MAX_RUN = 24;
const WORDS = new RegExp(
  `${FUSED_LEVEL}|${[...FUSED_WORDS]
    .sort((a, b) => b.length - a.length)
    .map((w) => w.replace(/[()]/g, '\\$&'))
    .join('|')}`,
  'g',
);

/** Long cells without spaces, cut before each label word the vocabulary knows. */
export function splitFusedCells(cells: readonly Cell[]): Cell[] {
  const out: Cell[] = [];
  for (const c of cells) {
    // A line without spaces, or one space-separated token as long (a fused form pasted into a line of prose).
    if ((c.mode !== 'line' && c.mode !== 'space') || c.text.length < 60 || / /.test(c.text.slice(0, 400))) {
      out.push(c);
      continue;
    }
    const f = fold(c.text);
    let last = 0;
    let col = 1;
    for (const m of f.matchAll(WORDS)) {
      const at = m.index!;
      if (at > last) out.push({ ...c, mode: 'fused', text: c.text.slice(last, at), col: col++ });
      out.push({ ...c, mode: 'fused', text: c.text.slice(at, at + m[0].length), col: col++ });
      last = at + m[0].length;
    }
    if (last < c.text.length) out.push({ ...c, mode: 'fused', text: c.text.slice(last), col });
  }
  return out;
}

export type Slot = 'money' | 'max' | 'score' | 'rate' | 'num';

const plain = (s: string) => /^(?:0|[1-9]\d*)(?:\.\d+)?$/.test(s);

/**
 * The one way to split a run of digits into the slots, or undefined when none or several fit.
 * `rules` checks a whole candidate (e.g. 执行率 = 执行数 ÷ 预算数).
 */
export function splitDigits(run: string, slots: readonly Slot[], rules: (v: Stated[]) => boolean = () => true): { value: Stated; text: string }[] | undefined {
  const s = fold(run).trim();
  if (s.length > MAX_RUN || !/^[\d.%]+$/.test(s)) return undefined;
  let found: { value: Stated; text: string }[] | undefined;
  let count = 0;
  const parts: string[] = [];
  let steps = 0;
  const walk = (at: number, k: number) => {
    if (count > 1 || ++steps > 20_000) {
      count = Math.max(count, 2);
      return;
    }
    if (k === slots.length) {
      if (at !== s.length) return;
      const v = parts.map((p) => toStated(p.replace('%', ''))!);
      if (!rules(v)) return;
      count++;
      found = v.map((value, k) => ({ value, text: parts[k]! }));
      return;
    }
    for (let end = at + 1; end <= s.length; end++) {
      const p = s.slice(at, end);
      if (p.slice(0, -1).includes('%')) break;
      const slot = slots[k]!;
      const pct = p.endsWith('%');
      if (pct && slot !== 'rate') continue;
      if (slot === 'rate' && !pct && s.includes('%')) continue;
      const body = pct ? p.slice(0, -1) : p;
      if (!plain(body)) continue;
      const n = Number(body);
      if ((slot === 'max' && (n <= 0 || n > 100)) || (slot === 'score' && n > 100) || (slot === 'rate' && n > 200)) continue;
      parts[k] = p;
      walk(end, k + 1);
    }
  };
  walk(0, 0);
  return count === 1 ? found : undefined;
}

/** Two scores fused into one ("总分100100" = 分值 100, 得分 100): the only split into two numbers ≤ 100. */
export const splitPair = (run: string) => splitDigits(run, ['max', 'score']);

/** Close enough at the precision the form wrote (the rate to 2 decimals, scores to 2). */
export const near = (a: number, b: number, tol = 0.006) => Math.abs(a - b) <= tol;
