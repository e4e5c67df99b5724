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

/**
 * `loose`: the header has a 得分系数 column, whose arithmetic (得分 = 分值 × 系数) checks every split:
 * there the text columns may be blank, as that form leaves its 调整指标值 column.
 */
function valid(role: Role, p: string, prev: Part[], loose = false): boolean {
  if (loose && p === '' && (role === 'target' || role === 'actual' || role === 'unit' || role === 'other')) return true;
  switch (role) {
    case 'coef':
      return /^(?:0|[1-9]\d{0,2})(?:\.\d+)?%$/.test(p) && Number(p.slice(0, -1)) <= 100;
    case 'core':
      return /^(?:是|否)?$/.test(p);
    case 'other':
      return VALUE.test(p);
    case 'max':
      return NUMBER.test(p) && Number(p) > 0 && Number(p) <= 100;
    case 'score': {
      const max = prev.find((x) => x.role === 'max');
      return NUMBER.test(p) && Number(p) <= (max ? Number(max.text) : 100);
    }
    case 'unit':
      return /^(?:%|[\u4e00-\u9fa5]{1,3})$/.test(p);
    case 'nature':
      return /^(?:[≥≤=<>]?|定量(?:指标)?|定性(?:指标)?)$/.test(p);
    case 'target':
    case 'actual': {
      if (!VALUE.test(p)) return false;
      const pct = prev.find((x) => x.role === 'unit')?.text === '%';
      return !pct || !/^\d/.test(p) || Number(p.replace(/%$/, '')) <= 200;
    }
    default:
      return p === '';
  }
}

/** Every split of `s` into the roles (empty parts only where a role may be empty). */
export function splits(s: string, roles: readonly Role[]): Part[][] {
  const loose = roles.includes('coef') && roles.includes('max') && roles.includes('score');
  const out: Part[][] = [];
  const cur: Part[] = [];
  let steps = 0;
  const walk = (at: number, k: number) => {
    if (out.length >= MAX_SPLITS || ++steps > MAX_STEPS) return;
    if (k === roles.length) {
      if (at === s.length && (!loose || coefFits(cur))) out.push([...cur]);
      return;
    }
    const role = roles[k]!;
    for (let end = at; end <= s.length; end++) {
      const p = s.slice(at, end);
      if (!valid(role, p, cur, loose)) continue;
      cur.push({ role, text: p });
      walk(end, k + 1);
      cur.pop();
    }
  };
  walk(0, 0);
  return out;
}

const TEXT_ROLES: Role[] = ['nature', 'target', 'unit', 'actual', 'other'];

/**
 * `glue`: allow the text columns to have run on into the name — only where the header's number
 * columns come after every text column (so what follows the name is numbers only), and only once
 * no longer span of the row reads in full.
 */
/** 得分 = 分值 × 得分系数, to the two decimals a form writes. */
function coefFits(parts: Part[]): boolean {
  const get = (r: Role) => parts.find((x) => x.role === r)?.text;
  const coef = get('coef');
  const max = get('max');
  const score = get('score');
  if (!coef || !max || !score) return false;
  return Math.abs((Number(max) * Number(coef.slice(0, -1))) / 100 - Number(score)) <= 0.006;
}

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
  if (numbersLast && /[\u4e00-\u9fa5]$/.test(name) && /^[\d.%]+(?:是|否)?$/.test(s)) {
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

/**
 * The cells a name's run of characters swallowed, given back to the row: the 指标性质 word
 * ("…定量指标") where the header has that column, then the 计量单位 where the same unit follows a
 * number in the row's targets ("演出场次场" before "≥20场24场": the unit is 场).
 */
function trimName(name: string, rest: string, roles: readonly Role[]): [string, string] {
  let n = name;
  let r = rest;
  const nature = roles.includes('nature') ? /(?:定量|定性)(?:指标)?$/.exec(n) : null;
  if (nature && nature.index >= 2) {
    r = n.slice(nature.index) + r;
    n = n.slice(0, nature.index);
  }
  if (roles.includes('unit'))
    for (const len of [2, 1]) {
      const u = n.slice(-len);
      if (n.length - len >= 4 && /^[\u4e00-\u9fa5]+$/.test(u) && fold(r).includes(`${u}`) && new RegExp(`\\d${u}`).test(fold(r))) {
        r = u + r;
        n = n.slice(0, -len);
        break;
      }
    }
  return [n, r];
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
  // A header ending in 是否核心指标 ends each row with 是 or 否: that word is the row's last cell, not
  // the start of the next name.
  const core = roles.at(-1) === 'core';
  type Name = { at: number; text: string };
  const all: Name[] = [...f.matchAll(NAME), ...numbered.filter((m): m is RegExpExecArray => !!m && !!m[0])].map((m) =>
    core && /^[是否].{4,}/.test(m[0]) ? { at: m.index! + 1, text: m[0].slice(1) } : { at: m.index!, text: m[0] },
  );
  const seen = new Set<number>();
  const names = all
    .filter((m) => m.at === 0 || /[\d%]/.test(f[m.at - 1]!) || NUMBERED_AT.test(m.text) || (core && /[是否]/.test(f[m.at - 1]!)))
    .sort((a, b) => a.at - b.at)
    .filter((m) => !seen.has(m.at) && seen.add(m.at))
    .slice(0, MAX_ROWS);
  const out: FoundIndicator[] = [];
  for (let i = 0; i < names.length;) {
    const n = names[i]!;
    let done = false;
    for (let k = i + 1, glue = false; k <= names.length && k <= i + 3; k++) {
      const end = k < names.length ? names[k]!.at : f.length;
      const [name, rest] = trimName(text.slice(n.at, n.at + n.text.length), f.slice(n.at + n.text.length, end), roles);
      const leaf = readFusedRow(name, rest, roles, glue);
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
      review.add(IMPORT_REVIEW.fusedUnsplit({ indicator: n.text, where: where(cell) }), 'score.indicators', cell.line);
      i++;
    }
  }
  return out;
}
