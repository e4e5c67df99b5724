/**
 * Indicator rows of a fused 自评表 ("安装坡面水标尺10≥266米≥266米10水标尺宽度10…"): a leaf's name
 * is a run of at least four Chinese characters after a number; its cells are split in every way
 * the header's columns allow (分值 ≤ 100, 得分 ≤ 分值, a value is [operator] number [unit] or a
 * phrase, a % target stays ≤ 200). 分值 and 得分 are taken only when every such split agrees on
 * them; 目标值 and 完成值 only when the split is unique. Work is bounded per row (MAX_ROW chars,
 * MAX_SPLITS candidates), so the reader stays linear in the length of the text.
 */
import { where, type Cell } from './cells.ts';
import type { Role } from './forms.ts';
import type { FoundIndicator } from './indicators.ts';
import { fold } from './normalize.ts';
import { toStated } from './numbers.ts';
import type { Review } from './review.ts';
import { IMPORT_REVIEW } from '../errors/import-review.ts';

const MAX_ROW = 40;
const MAX_SPLITS = 64;
/** Candidate cells tried per row, whatever the text: a hard bound on the work. */
const MAX_STEPS = 1_500;
/** Rows tried per fused segment (a real form has a few dozen indicators). */
const MAX_ROWS = 200;
/** A leaf's name: four or more Chinese characters, after the form's own numbering ("任务1:", "指标2:") if any. */
const NAME = /(?:(?:任务|指标)\d{1,2}[:：])?[\u4e00-\u9fa5()“”、]{4,}/g;
const NUMBERED = /(?:任务|指标)\d{1,2}[:：]/g;
const NUMBERED_AT = /^(?:任务|指标)\d{1,2}[:：]/;
const VALUE = /^(?:[≥≤=<>]?(?:0|[1-9]\d*)(?:\.\d+)?(?:%|[\u4e00-\u9fa5]{1,3})?(?:以上|以内|以下)?|[\u4e00-\u9fa5“”()]{2,16})$/;
const NUMBER = /^(?:0|[1-9]\d{0,2})(?:\.\d+)?$/;

type Part = { role: Role; text: string };

function valid(role: Role, p: string, prev: Part[]): boolean {
  switch (role) {
    case 'max':
      return NUMBER.test(p) && Number(p) > 0 && Number(p) <= 100;
    case 'score': {
      const max = prev.find((x) => x.role === 'max');
      return NUMBER.test(p) && Number(p) <= (max ? Number(max.text) : 100);
    }
    case 'unit':
      return /^(?:%|[\u4e00-\u9fa5]{1,3})$/.test(p);
    case 'nature':
      return /^[≥≤=<>]?$/.test(p);
    case 'target':
    case 'actual': {
      if (!VALUE.test(p)) return false;
      const pct = prev.find((x) => x.role === 'unit')?.text === '%';
      return !pct || !/^\d/.test(p) || Number(p) <= 200;
    }
    default:
      return p === '';
  }
}

/** Every split of `s` into the roles (empty parts only where a role may be empty). */
export function splits(s: string, roles: readonly Role[]): Part[][] {
  const out: Part[][] = [];
  const cur: Part[] = [];
  let steps = 0;
  const walk = (at: number, k: number) => {
    if (out.length >= MAX_SPLITS || ++steps > MAX_STEPS) return;
    if (k === roles.length) {
      if (at === s.length) out.push([...cur]);
      return;
    }
    const role = roles[k]!;
    for (let end = at; end <= s.length; end++) {
      const p = s.slice(at, end);
      if (!valid(role, p, cur)) continue;
      cur.push({ role, text: p });
      walk(end, k + 1);
      cur.pop();
    }
  };
  walk(0, 0);
  return out;
}

const TEXT_ROLES: Role[] = ['nature', 'target', 'unit', 'actual'];

/**
 * `glue`: allow the text columns to have run on into the name — only where the header's number
 * columns come after every text column (so what follows the name is numbers only), and only once
 * no longer span of the row reads in full.
 */
export function readFusedRow(name: string, rest: string, roles: readonly Role[], glue = false): FoundIndicator | undefined {
  if (rest.length > MAX_ROW + 8) return undefined;
  const s = fold(rest).replace(/[…。.]+$/, '');
  if (!s || s.length > MAX_ROW) return undefined;
  let all = splits(s, roles);
  // Words for 目标值 and 完成值 ("不超编、无违规支出全部达成44"): they ran on into the name, which
  // no border tells apart; when only the number columns are left, 分值 and 得分 are read from them
  // (every split agreeing, 得分 ≤ 分值) and the name keeps the words, flagged (`glued`).
  let glued = false;
  const lastText = Math.max(...roles.map((r, k) => (TEXT_ROLES.includes(r) ? k : -1)));
  const numbersLast = lastText >= 0 && roles.slice(lastText + 1).includes('max') && roles.slice(lastText + 1).includes('score');
  if (numbersLast && /[\u4e00-\u9fa5]$/.test(name) && /^[\d.]+$/.test(s)) {
    // Both readings are candidates: "1010" is 1 | 0 | 1 | 0 in four columns, or 10 | 10 after a name
    // that swallowed its words; 分值 and 得分 are kept below only where every candidate agrees.
    const words = splits(
      s,
      roles.filter((r) => !TEXT_ROLES.includes(r)),
    );
    if (!all.length && !glue) return undefined;
    glued = !all.length && words.length > 0;
    all = [...all, ...words];
  }
  if (!all.length || all.length >= MAX_SPLITS) return undefined; // none, or too many to be sure
  const pick = (r: Role, split: Part[]) => split.find((x) => x.role === r)?.text;
  const same = (r: Role) => all.every((x) => pick(r, x) === pick(r, all[0]!));
  if (!same('max') || !same('score') || pick('score', all[0]!) === undefined) return undefined;
  const leaf: FoundIndicator = { name };
  const max = pick('max', all[0]!);
  const score = pick('score', all[0]!)!;
  if (max) leaf.max = toStated(max);
  leaf.score = toStated(score);
  if (glued) {
    leaf.glued = true;
    return leaf;
  }
  if (all.length === 1) {
    const t = pick('target', all[0]!);
    const a = pick('actual', all[0]!);
    if (t) leaf.target = `${pick('nature', all[0]!) ?? ''}${t}${pick('unit', all[0]!) ?? ''}`;
    if (a) leaf.actual = a;
  }
  return leaf;
}

/** Leaves from one fused segment: candidate names, each row taking text up to the next name that lets it parse. */
export function readFusedSegment(cell: Cell, roles: readonly Role[], review: Review): FoundIndicator[] {
  const text = cell.text;
  const f = fold(text);
  // A name starts the segment, follows a number, or is the form's numbering ("…未及时完成任务2:健康档案…":
  // the numbering starts a row even after a note's words, so it is looked for on its own too).
  const numbered = [...f.matchAll(NUMBERED)].map((m) => {
    NAME.lastIndex = m.index!;
    return NAME.exec(f);
  });
  NAME.lastIndex = 0;
  const all = [...f.matchAll(NAME), ...numbered.filter((m): m is RegExpExecArray => !!m && !!m[0])];
  const seen = new Set<number>();
  const names = all
    .filter((m) => m.index === 0 || /[\d%]/.test(f[m.index! - 1]!) || NUMBERED_AT.test(m[0]))
    .sort((a, b) => a.index! - b.index!)
    .filter((m) => !seen.has(m.index!) && seen.add(m.index!))
    .slice(0, MAX_ROWS);
  const out: FoundIndicator[] = [];
  for (let i = 0; i < names.length;) {
    const n = names[i]!;
    let done = false;
    for (let k = i + 1, glue = false; k <= names.length && k <= i + 3; k++) {
      const end = k < names.length ? names[k]!.index! : f.length;
      const leaf = readFusedRow(text.slice(n.index!, n.index! + n[0].length), f.slice(n.index! + n[0].length, end), roles, glue);
      if (!leaf && !glue && (k === names.length || k === i + 3)) {
        // No span read in full: once more, letting the text columns run on into the name.
        glue = true;
        k = i;
        continue;
      }
      // "、开已公开": the rest of a cell a page break cut (its start is the row before): not a leaf.
      if (leaf && /^[、，,]/.test(leaf.name)) break;
      if (leaf) {
        if (leaf.glued) {
          delete leaf.glued;
          review.add(IMPORT_REVIEW.nameGlued({ name: leaf.name, where: where(cell) }), 'score.indicators', cell.line);
        }
        out.push(leaf);
        i = k;
        done = true;
        break;
      }
    }
    if (!done) {
      review.add(`指标“${n[0]}”（${where(cell)}）各格粘连，无法唯一拆分，分值和得分未填入，请核对。`, 'score.indicators', cell.line);
      i++;
    }
  }
  return out;
}
