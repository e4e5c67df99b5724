/**
 * Indicator rows from the cell stream, for 自评表 whose rows lost their borders (one line of
 * space-separated cells, pipe rows broken across lines). After a header naming the columns,
 * each row is: level names (产出指标, 数量指标 … from forms.ts), the leaf's name, then its
 * cells up to the run of numbers that fills the header's number columns (分值 / 得分 / 权重占比 /
 * 折算得分), matched from the right. A row that runs into a header word or a total is dropped
 * and reported; a score in a % cell is never taken. One walk over the cells.
 */
import { IMPORT_REVIEW } from '../errors/import-review.ts';
import { IMPORT_MISSING, IMPORT_WHERE } from '../errors/import-draft.ts';
import { key, where, type Cell } from './cells.ts';
import { EMPTY_ROW, LEVEL_NAME, LEVEL_WEIGHT, OPERATORS, ROW_NUMBERING, TOTAL_LABEL } from './forms.ts';
import type { FoundIndicator } from './indicators.ts';
import { fold } from './normalize.ts';
import { isBlankCell } from './numbers.ts';
import type { Review } from './review.ts';
import { roleOf, valueOf } from './form-read.ts';
import type { Role } from './forms.ts';
import { readFusedSegment } from './fused-rows.ts';

const NUMERIC: Role[] = ['max', 'score', 'weightPct', 'weighted'];
const TEXT: Role[] = ['nature', 'target', 'unit', 'actual'];
const L1 = /^(?:产出|效益|效果|满意度|决策|过程|管理|履职)指标/;
const MAX_ROW = 16;

export interface StreamIndicators {
  indicators: FoundIndicator[];
  maxBeforeScore: boolean;
  sources: Map<FoundIndicator, string>;
}

const isNum = (c: Cell) => {
  const v = valueOf(c.text);
  return !!v && (!v.unit || v.unit === '%');
};
const isOp = (t: string) => OPERATORS[fold(t).trim()] !== undefined;
const emptyRow = (k: string) => EMPTY_ROW.test(k);

export function readStreamIndicators(cells: readonly Cell[], review: Review): StreamIndicators {
  const out: StreamIndicators = { indicators: [], maxBeforeScore: true, sources: new Map() };
  for (let i = 0; i < cells.length; i++) {
    const h = header(cells, i);
    if (!h) continue;
    // The number columns a row ends with: the header's trailing ones ("单项指标得分 | 权重占比 | 折算得分"), else all of them.
    const tail: Role[] = [];
    for (let k = h.roles.length - 1; k >= 0; k--) {
      const r = h.roles[k]!;
      if (NUMERIC.includes(r)) tail.unshift(r);
      else if (r !== 'note' || tail.length) break;
    }
    const numeric = tail.length ? tail : h.roles.filter((r) => NUMERIC.includes(r));
    const text = h.roles.filter((r) => TEXT.includes(r));
    out.maxBeforeScore = numeric.indexOf('max') < numeric.lastIndexOf('score') || !numeric.includes('max');
    if (cells[h.end]?.mode === 'fused') {
      readFused(cells, h, out, review);
      if (out.indicators.length) break;
      continue;
    }
    if (cells[h.end]?.mode === 'line' && cells[h.start]!.mode === 'line') {
      readPositional(cells, h, out, review);
      if (out.indicators.length) break;
      continue;
    }
    const tree = new LevelTree(out.indicators);
    let j = h.end;
    while (j < cells.length) {
      const c = cells[j]!;
      const k = key(c.text);
      if (!k || isBlankCell(c.text)) {
        j++;
        continue;
      }
      if (TOTAL_LABEL.test(k) || (roleOf(c.text) && header(cells, j))) break;
      // The template's empty row ("指标2:" and nothing else), a level's weight on its own line ("(30分)").
      if (emptyRow(k) || LEVEL_WEIGHT.test(k)) {
        j++;
        continue;
      }
      // A level name broken over two lines: "经济效益 / 指标", "可持续影 / 响指标".
      const next = cells[j + 1];
      if (c.mode === 'line' && next?.mode === 'line' && !LEVEL_NAME.test(k) && LEVEL_NAME.test(k + key(next.text))) {
        tree.heading(k + key(next.text), L1.test(k + key(next.text)));
        j += 2;
        continue;
      }
      if (LEVEL_NAME.test(k)) {
        tree.heading(c.text.replace(/\s+/g, '').replace(/[(（]\s*\d+(?:\.\d+)?\s*分\s*[)）]$/, ''), L1.test(k));
        j++;
        continue;
      }
      if (isNum(c) || isOp(c.text) || k.length > 60) {
        j++;
        continue;
      }
      // A leaf: its name, then cells until the run of numbers is long enough.
      const vals: Cell[] = [];
      let run = 0;
      let end = j + 1;
      let broken = false;
      for (; end < cells.length && vals.length < MAX_ROW; end++) {
        const v = cells[end]!;
        if (!v.text.trim()) continue;
        const vk = key(v.text);
        if (isNum(v)) {
          vals.push(v);
          run++;
          continue;
        }
        if (run >= numeric.length) break;
        if (emptyRow(vk)) {
          broken = true;
          break;
        }
        const vr = roleOf(v.text);
        if (TOTAL_LABEL.test(vk) || LEVEL_NAME.test(vk) || vr === 'l1' || vr === 'l2' || vr === 'l3') {
          broken = true;
          break;
        }
        vals.push(v);
        run = 0;
      }
      if (broken || run < numeric.length || !numeric.length) {
        if (run > 0 || (broken && vals.length > 1)) review.add(IMPORT_REVIEW.rowUnsplit({ indicator: c.text, where: where(c) }), 'score.indicators', c.line);
        j = broken ? end : Math.max(end, j + 1);
        continue;
      }
      const leaf = readLeaf(c, vals, numeric, text, review);
      if (leaf) {
        tree.add(leaf);
        out.sources.set(leaf, where(vals.at(-1)!));
        leaf.source = IMPORT_WHERE.from({ where: where(c) });
      }
      j = end;
    }
    if (out.indicators.length) break;
    i = j;
  }
  prune(out.indicators);
  return out;
}

function readLeaf(nameCell: Cell, vals: Cell[], numeric: Role[], text: Role[], review: Review): FoundIndicator | undefined {
  // "指标1:工程质量合格": the template's numbering is not the indicator's name.
  const leaf: FoundIndicator = { name: nameCell.text.trim().replace(ROW_NUMBERING, '') || nameCell.text.trim() };
  const nums = vals.slice(vals.length - numeric.length);
  let rest = vals.slice(0, vals.length - numeric.length);
  for (const [k, r] of numeric.entries()) {
    const v = valueOf(nums[k]!.text)!;
    if ((r === 'max' || r === 'score') && v.unit === '%') return undefined;
    if (r === 'max' && !leaf.max) leaf.max = v;
    if (r === 'score') leaf.score = v;
  }
  if (leaf.max && leaf.score && leaf.score.value > leaf.max.value) {
    review.add(IMPORT_REVIEW.scoreOverMax({ indicator: leaf.name, score: leaf.score.value, max: leaf.max.value }), 'score.indicators', nameCell.line);
  }
  // The name carried on in the next cell ("支持服务贸易、服务外 | 包企业数量"): one cell more than the text columns.
  const wants = text.includes('target') && text.includes('actual') ? 2 : text.length;
  if (rest.length === wants + 1 && !valueOf(rest[0]!.text) && !isOp(rest[0]!.text) && /[\u4e00-\u9fa5]$/.test(leaf.name)) {
    leaf.name += rest[0]!.text.trim();
    review.add(IMPORT_REVIEW.nameJoined({ name: leaf.name, where: where(nameCell) }), 'score.indicators', nameCell.line);
    rest = rest.slice(1);
  }
  const t = rest.map((c) => c.text.trim());
  if (t.length === 2) {
    leaf.target = t[0];
    leaf.actual = t[1];
  } else if (t.length >= 3 && isOp(t[0]!)) {
    // ≧ | 100 | % | 100%  or  >= | 98 | %(百分比) | 100% | 完成
    const unit = t.length >= 4 && !valueOf(t[2]!) ? t[2]! : '';
    leaf.target = `${t[0]}${t[1]}${unit.replace(/\(.*\)$/, '')}`;
    leaf.actual = t[unit ? 3 : 2];
  }
  return leaf;
}

/** Level names that got no leaf under them are dropped. */
function prune(nodes: FoundIndicator[]) {
  for (let i = nodes.length - 1; i >= 0; i--) {
    const n = nodes[i]!;
    if (n.children) {
      prune(n.children);
      if (!n.children.length) delete n.children;
    }
    if (!n.children && n.score === undefined && n.max === undefined) nodes.splice(i, 1);
  }
}

/**
 * The indicator tree as a table's rows build it: a level name opens a first-level heading (a
 * 一级指标 name, or any when none is open yet) or a second-level one under it; a scored row goes
 * under the deepest open heading, or at the top when there is none.
 */
class LevelTree {
  private l1: FoundIndicator | undefined;
  private l2: FoundIndicator | undefined;
  private readonly top: FoundIndicator[];
  constructor(top: FoundIndicator[]) {
    this.top = top;
  }

  heading(name: string, firstLevel: boolean): void {
    const node: FoundIndicator = { name };
    if (firstLevel) {
      this.l1 = node;
      this.l2 = undefined;
      this.top.push(node);
    } else {
      // A 二级 name with no 一级 above it (the 一级 cell lost): it stands at the top, its fellow 二级 names beside it.
      this.l2 = node;
      (this.l1 ? (this.l1.children ??= []) : this.top).push(node);
    }
  }

  add(leaf: FoundIndicator): void {
    const parent = this.l2 ?? this.l1;
    if (parent) (parent.children ??= []).push(leaf);
    else this.top.push(leaf);
  }
}

/** A fused table: level names were cut out as cells; each other segment holds one or more rows. */
function readFused(cells: readonly Cell[], h: { roles: Role[]; end: number }, out: StreamIndicators, review: Review) {
  const at = h.roles.findIndex((r) => r === 'l3' || r === 'name');
  const roles = h.roles.slice(at + 1);
  const tree = new LevelTree(out.indicators);
  for (let j = h.end; j < cells.length && cells[j]!.mode === 'fused'; j++) {
    const c = cells[j]!;
    const k = key(c.text);
    if (TOTAL_LABEL.test(k)) break;
    // "管理指标30": a 一级 cell with its bare weight (FUSED_LEVEL), a level like "产出指标(50分)".
    const level = k.replace(/(?<=指标)\d{1,3}$/, '');
    if (LEVEL_NAME.test(level)) {
      tree.heading(level.replace(/\(\d+(?:\.\d+)?分\)$/, ''), L1.test(level));
      continue;
    }
    for (const leaf of readFusedSegment(c, roles, review)) {
      tree.add(leaf);
      out.sources.set(leaf, where(c));
      leaf.source = where(c);
    }
  }
}

/** One cell per line with empty cells kept: rows of exactly as many cells as the header has columns. */
function readPositional(cells: readonly Cell[], h: { roles: Role[]; end: number }, out: StreamIndicators, review: Review) {
  const n = h.roles.length;
  const col = (r: Role) => h.roles.indexOf(r);
  const levels = h.roles.map((r, k) => (r === 'l1' || r === 'l2' || r === 'l3' || r === 'name' ? k : -1)).filter((k) => k >= 0);
  const path: FoundIndicator[] = [];
  for (let j = h.end; j + n <= cells.length; j += n) {
    const row = cells.slice(j, j + n);
    if (row.some((c) => c.mode !== 'line') || TOTAL_LABEL.test(key(row[0]!.text))) break;
    const names = levels.map((k) => row[k]!.text.trim());
    const leafAt = names.length - 1;
    if (!names[leafAt] || valueOf(names[leafAt]!) || roleOf(names[leafAt]!)) break;
    const leaf: FoundIndicator = { name: names[leafAt]! };
    const num = (r: Role) => {
      const k = col(r);
      const c = k >= 0 ? row[k]! : undefined;
      const v = c && valueOf(c.text);
      return v && !v.unit ? v : undefined;
    };
    const max = num('max');
    const score = num('score');
    if (max) leaf.max = max;
    if (score) leaf.score = score;
    const text = (r: Role) => {
      const k = col(r);
      const t = k >= 0 ? row[k]!.text.trim() : '';
      return t && !isBlankCell(t) ? t : '';
    };
    const target = `${text('nature')}${text('target')}${text('unit')}`;
    if (text('target')) leaf.target = target;
    if (text('actual')) leaf.actual = text('actual');
    // Levels above the leaf: a blank cell carries the name above it down (a merged cell).
    let siblings = out.indicators;
    for (let d = 0; d < leafAt; d++) {
      const name = names[d];
      if (name && path[d]?.name !== name) {
        path[d] = { name, children: [] };
        path.length = d + 1;
        siblings.push(path[d]!);
      }
      if (path[d]) siblings = path[d]!.children!;
    }
    siblings.push(leaf);
    out.sources.set(leaf, where(row[0]!));
    leaf.source = IMPORT_WHERE.rowFrom({ where: where(row[0]!) });
  }
  if (!out.indicators.length) review.add(IMPORT_MISSING.indicatorTable, 'score.indicators');
}

const MAX_PASSED = 12;

function header(cells: readonly Cell[], i: number): { roles: Role[]; start: number; end: number } | undefined {
  const roles: Role[] = [];
  let j = i;
  // Blank cells between column names are passed over, a few at most: a table of thousands of
  // empty cells would otherwise be scanned again from every cell (a 23 KB text took 6 s).
  let passed = 0;
  let others = 0;
  for (; j < cells.length && roles.length < 20; j++) {
    let r = roleOf(cells[j]!.text);
    // One short cell the vocabulary lacks, between known names (an OCR'd header word): a column all the same.
    if (!r && roles.length >= 2 && !others && /^[\u4e00-\u9fa5]{2,8}$/.test(key(cells[j]!.text)) && roleOf(cells[j + 1]?.text ?? '')) {
      r = 'other';
      others++;
    }
    if (!r) {
      if ((!cells[j]!.text.trim() || key(cells[j]!.text) === '绩效指标') && passed++ < MAX_PASSED) continue;
      break;
    }
    roles.push(r);
  }
  const named = roles.includes('l3') || roles.includes('name');
  return named && (roles.includes('score') || roles.includes('max')) ? { roles, start: i, end: j } : undefined;
}
