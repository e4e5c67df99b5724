/**
 * Scores: the indicator tree (from an indicator table, or from the prose of a department report
 * that writes "“履职效能”一级指标总分值 50 分，包括整体效能 25 分……"), the total score and the
 * grade. A blank score cell stays empty (never 0); a 合计 row that only totals the weights is
 * not a score; a parent's max or score is taken only where the report states it, never summed.
 */
import { IMPORT_REVIEW } from '../errors/import-review.ts';
import { IMPORT_WHERE } from '../errors/import-draft.ts';
import type { Block } from './blocks.ts';
import type { LabelLookup } from './labels.ts';
import { fold } from './normalize.ts';
import { cellNumber, isBlankCell, NUM, toStated, type Stated } from './numbers.ts';
import type { Review } from './review.ts';
import { isInstructionCell } from './furniture.ts';
import { columnRole, isTotalLabel, type ColumnRole } from './tables.ts';
import { GRADES, GRADE_WORD } from './forms.ts';

export interface FoundIndicator {
  name: string;
  max?: Stated | undefined;
  score?: Stated | undefined;
  rate?: Stated | undefined;
  target?: string | number | undefined;
  actual?: string | number | undefined;
  note?: string | undefined;
  children?: FoundIndicator[] | undefined;
  /** A fused row whose name ran on into its 目标值 and 完成值 (fused-rows.ts): flagged for review. */
  glued?: boolean | undefined;
  /** Where the leaf's figures were read (line, table row), for the draft's source comment. */
  source?: string | undefined;
}

export interface ScoreFound {
  total?: Stated | undefined;
  grade?: string | undefined;
  indicators: FoundIndicator[];
  totalWhere?: string | undefined;
  gradeWhere?: string | undefined;
}

/** `form` is what the cell-stream readers found (form-read.ts): used after a table's own total row. */
export function findScores(
  blocks: readonly Block[],
  labelled: LabelLookup,
  review: Review,
  form: { total?: Stated | undefined; grade?: string | undefined; totalWhere?: string | undefined; gradeWhere?: string | undefined } = {},
): ScoreFound {
  const out: ScoreFound = { indicators: [] };
  let tableTotal: Stated | undefined;
  for (const b of blocks) {
    if (b.kind !== 'table') continue;
    const r = readIndicatorTable(b.table.rows, review, b.table.line);
    if (r.indicators.length) out.indicators.push(...r.indicators);
    if (!tableTotal && r.total) {
      tableTotal = r.total;
      out.totalWhere = IMPORT_WHERE.totalRow({ line: b.table.line });
    }
  }
  if (!out.indicators.length) out.indicators = readProseIndicators(blocks);

  const text = blocks.flatMap((b) => (b.kind === 'table' ? [] : [fold(b.text)]));
  const labelTotal = labelled(/^(?:总分|自评总分|自评得分|综合得分|综合评分|评价得分|总得分|自评分数)$/);
  const proseTotal = findProseTotal(text);
  out.total = tableTotal ?? form.total ?? (labelTotal ? cellNumber(labelTotal) : undefined) ?? proseTotal?.value;
  if (!tableTotal)
    out.totalWhere = form.total
      ? form.totalWhere
      : labelTotal && cellNumber(labelTotal)
        ? IMPORT_WHERE.totalCell({ cell: labelTotal })
        : proseTotal
          ? IMPORT_WHERE.sentence({ text: proseTotal.sentence.trim().slice(0, 40) })
          : undefined;
  if (form.grade) out.gradeWhere = form.gradeWhere;
  const labelGrade = labelled(/^(?:评价等级|自评等级|绩效等级|等级|自评结果)$/);
  const grade =
    form.grade ?? (labelGrade && new RegExp(`^[“"]?${GRADE_WORD}[”"]?$`).exec(fold(labelGrade).trim())?.[1]) ?? findProseGrade(text, proseTotal?.sentence);
  if (grade) {
    if (GRADES[grade]) out.grade = GRADES[grade];
    else review.add(IMPORT_REVIEW.gradeUnknown({ grade }), 'score.grade');
  }
  return out;
}

function readIndicatorTable(rows: string[][], review: Review, line = 0): { indicators: FoundIndicator[]; total?: Stated } {
  const indicators: FoundIndicator[] = [];
  let total: Stated | undefined;
  let roles: ColumnRole[] | undefined;
  let carry: string[] = [];
  const nodes = new Map<string, FoundIndicator>();
  for (const [ri, row] of rows.entries()) {
    const r = row.map(columnRole);
    const levels = r.filter((x) => x === 'l1' || x === 'l2' || x === 'l3' || x === 'name').length;
    if (levels >= 1 && (r.includes('max') || r.includes('score')) && r.filter(Boolean).length >= 3) {
      roles = r;
      carry = [];
      nodes.clear();
      continue;
    }
    if (!roles) continue;
    const cell = (role: ColumnRole) => {
      const i = roles!.indexOf(role);
      return i >= 0 ? (row[i] ?? '').trim() : '';
    };
    const num = (role: ColumnRole) => {
      const c = cell(role);
      if (isBlankCell(c) || isInstructionCell(c)) return undefined;
      const n = cellNumber(c);
      if (!n) review.add(IMPORT_REVIEW.notANumber({ column: role === 'max' ? 'max' : 'score', text: c }), 'score.indicators');
      return n && { value: n.value, digits: n.digits };
    };
    const first = row.find((c) => c.trim()) ?? '';
    if (isTotalLabel(first)) {
      const s = num('score');
      if (s) total = s;
      continue;
    }
    const levelCols = roles.map((x, i) => (x === 'l1' || x === 'l2' || x === 'l3' || x === 'name' ? i : -1)).filter((i) => i >= 0);
    const names = levelCols.map((i) => {
      const c = (row[i] ?? '').trim();
      return isInstructionCell(c) ? '' : c;
    });
    if (names.every((n) => !n)) continue;
    // Merged cells: an empty level takes the name above it; a new parent resets the levels below.
    const path: string[] = [];
    let fresh = false;
    names.forEach((n, j) => {
      if (n || fresh) {
        path[j] = n;
        fresh = true;
      } else path[j] = carry[j] ?? '';
    });
    carry = path;
    const filled = path.map((p, j) => ({ p, j })).filter((x) => x.p);
    if (!filled.length) continue;
    let siblings = indicators;
    let key = '';
    filled.forEach(({ p, j }, k) => {
      const { name, max } = splitMax(p);
      key += `/${j}:${name}`;
      const isLeaf = k === filled.length - 1;
      let node = isLeaf ? undefined : nodes.get(key);
      if (!node) {
        node = { name };
        if (max) node.max = max;
        siblings.push(node);
        if (!isLeaf) nodes.set(key, node);
      }
      if (isLeaf) {
        node.source = IMPORT_WHERE.tableRow({ line, row: ri + 1 });
        const max2 = num('max');
        const score = num('score');
        if (max2) node.max = max2;
        if (score) node.score = score;
        const target = value(cell('target'));
        const actual = value(cell('actual'));
        if (target !== undefined) node.target = target;
        if (actual !== undefined) node.actual = actual;
        const note = cell('note');
        if (note && !isBlankCell(note) && !isInstructionCell(note)) node.note = note;
      } else siblings = node.children ??= [];
    });
  }
  return total ? { indicators, total } : { indicators };
}

const splitMax = (cell: string): { name: string; max?: Stated } => {
  const m = /^(.*?)\s*[(（]\s*(\d+(?:\.\d+)?)\s*分?\s*[)）]\s*$/.exec(cell);
  const n = m && toStated(m[2]!);
  return m && n ? { name: m[1]!.trim(), max: n } : { name: cell };
};

function value(cell: string): string | number | undefined {
  if (isBlankCell(cell) || isInstructionCell(cell)) return undefined;
  // A bare number stays a number only when it survives the round trip (no 20-digit codes).
  return /^\d{1,15}(?:\.\d{1,6})?$/.test(cell) && String(Number(cell)) === cell.replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, '') ? Number(cell) : cell;
}

const NAME = '[\\u4e00-\\u9fa5]{2,10}?';
/** 一级指标 a report names in prose: a handful (决策, 过程, 产出, 效益 …). */
const MAX_HEADS = 50;

/** "“履职效能”一级指标总分值 50 分，包括整体效能 25 分和专项效能 25 分两个二级指标。……自评得分合计 44 分，其中整体效能自评得分 23 分" */
function readProseIndicators(blocks: readonly Block[]): FoundIndicator[] {
  const raw = blocks
    .map((b) => (b.kind === 'para' ? b.text : ''))
    .filter(Boolean)
    .join('\n');
  const text = fold(raw);
  // At most MAX_HEADS heads, each read in at most 5,000 characters: every head searches the text
  // for its rate, so 50,000 heads made this quadratic (“甲乙”一级指标总分值 5 分 × 50,000 ran past 30 s).
  const heads = [...text.matchAll(new RegExp(`["“]?(${NAME})["”]?一级指标(?:的)?(?:总分值|分值|满分|总分)(?:为)?\\s*(${NUM})\\s*分`, 'g'))].slice(0, MAX_HEADS);
  const out: FoundIndicator[] = [];
  heads.forEach((h, i) => {
    const segStart = h.index! + h[0].length;
    const seg = text.slice(segStart, Math.min(heads[i + 1]?.index ?? h.index! + 1500, segStart + 5000));
    const node: FoundIndicator = { name: h[1]!, max: toStated(h[2]!) };
    const list = new RegExp(`包括(.+?)(?:[一二三四五六七八九十两\\d]+个)?二级指标`).exec(seg);
    let after = seg;
    let afterOffset = 0;
    if (list) {
      node.children = [...list[1]!.matchAll(new RegExp(`(${NAME})\\s*(${NUM})\\s*分`, 'g'))].map((m) => ({
        name: m[1]!.replace(/^[和及与、,]+/, ''),
        max: toStated(m[2]!),
      }));
      afterOffset = list.index! + list[0].length;
      after = seg.slice(afterOffset);
    }
    const parentScore = new RegExp(`得分合计(?:为)?\\s*(${NUM})\\s*分`).exec(after);
    if (parentScore) node.score = toStated(parentScore[1]!);
    for (const c of node.children ?? []) {
      const m = new RegExp(`${c.name}(?:自评)?(?:得分)?(?:为)?\\s*(${NUM})\\s*分([,，]\\s*扣分[^。\\n]*[。]?)?`).exec(after);
      if (!m) continue;
      c.score = toStated(m[1]!);
      if (m[2]) {
        const at = segStart + afterOffset + m.index! + m[0].length - m[2].length;
        c.note = raw
          .slice(at, at + m[2].length)
          .replace(/^[,，]\s*/, '')
          .trim();
      }
    }
    const rate = new RegExp(`${node.name}["”]?(?:一级指标)?得分率(?:为)?\\s*(${NUM})\\s*%`).exec(text);
    if (rate) node.rate = toStated(rate[1]!);
    if (node.children && !node.children.length) delete node.children;
    out.push(node);
  });
  return out;
}

function findProseTotal(paras: string[]): { value: Stated; sentence: string } | undefined {
  for (const p of paras) {
    for (const sentence of p.split(/[。;\n]/)) {
      if (/重点(?:绩效)?评价/.test(sentence)) continue;
      for (const clause of sentence.split(/[,，]/)) {
        if (/其中|指标|合计/.test(clause)) continue;
        const m = new RegExp(`(?:自评|综合|评价|总)(?:总)?(?:得分|分数|评分|总分|分)(?:为|是|:)?\\s*(${NUM})\\s*分`).exec(clause);
        const n = m && toStated(m[1]!);
        if (n && n.value <= 100) return { value: n, sentence };
      }
    }
  }
  return undefined;
}

function findProseGrade(paras: string[], scoreSentence: string | undefined): string | undefined {
  // "等级为(良)": the grade in the brackets of a form's blank, folded to "(".
  const re = new RegExp(`(?:评价|绩效|自评)?等级(?:为|是)?\\s*:?\\s*["“「(]?\\s*${GRADE_WORD}`);
  if (scoreSentence) {
    const m = re.exec(scoreSentence);
    if (m) return m[1];
  }
  for (const p of paras)
    for (const sentence of p.split(/[。;\n]/)) {
      if (/重点(?:绩效)?评价/.test(sentence)) continue;
      const m = re.exec(sentence);
      if (m) return m[1];
    }
  return undefined;
}
