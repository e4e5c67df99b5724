/**
 * Tables as they arrive in text: pipe rows (`| a | b |`, also what the HTML, .docx and PDF
 * readers produce), tab-separated rows, one cell per line (blank line = empty cell) under a
 * header of known column names, and a whole indicator table flattened onto one line.
 * Each becomes rows of cells; merged cells stay empty, to be carried down by the reader.
 */
import { MAX_ROW_CELLS } from './limits.ts';
import { fold } from './normalize.ts';

export interface Table {
  rows: string[][];
  caption?: string | undefined;
  line: number;
}

const HEADER_WORD =
  /^(?:一级指标|二级指标|三级指标|指标名称|年度指标值|指标值|目标值|预期值|年度目标值|绩效目标值|实际完成值|实际值|完成值|全年实际值|分值|权重|满分|得分|自评得分|偏差原因分析及改进措施|偏差原因|原因分析|扣分原因|未完成原因|备注|年初预算数|全年预算数|全年执行数|执行率|预算执行率|项目资金(?:\((?:万元|元)\))?|预算数|执行数)$/;

export const isHeaderWord = (s: string) => HEADER_WORD.test(fold(s).replace(/\s+/g, ''));

/**
 * Cells of a pipe or tab row, or undefined if the line is not one. Only the ASCII `|` separates
 * cells; a `\\|` is a literal bar inside a cell (html.ts writes it so), and a full-width `｜`
 * is text. One pass over the line. A row is read to its first MAX_ROW_CELLS cells: every reader
 * judges every cell of every table row, and 1,700 rows of 5,000 cells took 69 s and 1.1 GB (tab
 * rows 130 s).
 */
export function splitRow(line: string): string[] | undefined {
  const cells: string[] = [];
  let cur = '';
  let bars = 0;
  let cut = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (ch === '\\' && line[i + 1] === '|') {
      cur += '|';
      i++;
      continue;
    }
    if (ch === '|') {
      cells.push(cur.trim());
      cur = '';
      bars++;
      if (cells.length > MAX_ROW_CELLS) {
        cut = true;
        break;
      }
      continue;
    }
    cur += ch;
  }
  if (!cut) cells.push(cur.trim());
  const t = line.trim();
  if (bars >= 2 || (bars === 1 && t.startsWith('|') && t.endsWith('|') && t.length > 2)) {
    if (t.startsWith('|')) cells.shift();
    if (!cut && t.endsWith('|') && !t.endsWith('\\|')) cells.pop();
    return cells;
  }
  if (line.includes('\t')) {
    const tabs = line.split('\t', MAX_ROW_CELLS).map((c) => c.trim());
    if (tabs.filter(Boolean).length >= 2) return tabs;
  }
  return undefined;
}

export const isSeparatorRow = (cells: string[]) => cells.every((c) => /^:?-{2,}:?$/.test(c) || c === '');

/**
 * A header of n ≥ 3 column names, one per line, starting at `i`; its rows follow n lines at a time.
 * A form whose first column is a merged label cell ("绩效指标" over the whole block, left blank in
 * the text) prints that blank before the header's first name and before every row: the rows are
 * then n + k cells wide. The width is chosen by the form's arithmetic (rowFit): under the header's
 * 分值 and 得分 columns each scored row holds two numbers with 得分 ≤ 分值. A wider reading is
 * taken only when it fits more rows than the plain one and misfits none.
 */
export function readCellPerLine(lines: readonly string[], i: number, stop: (line: string) => boolean): { rows: string[][]; next: number } | undefined {
  let n = 0;
  while (i + n < lines.length && lines[i + n]!.trim() && isHeaderWord(lines[i + n]!)) n++;
  if (n < 3) return undefined;
  let best = readCellRows(
    lines,
    i + n,
    lines.slice(i, i + n).map((s) => s.trim()),
    stop,
  );
  let blanks = 0;
  while (blanks < MAX_LEAD_BLANKS && i - blanks - 1 >= 0 && isLeadCell(lines[i - blanks - 1]!)) blanks++;
  let fit = rowFit(best.rows);
  // k cells of merged columns before the names — blank, or the label column's own header ("(万元") where the
  // form came without blank lines (Word, PDF, HTML) — and x header cells after them the vocabulary does not know.
  // Either is taken only when the 分值 and 得分 columns confirm it.
  // Lead cells are tried first: a row label after the names ("年度资金总额") is no header cell when a lead cell fits as well.
  for (let x = 0; x <= MAX_EXTRA_HEADER; x++)
    for (let k = 0; k <= blanks; k++) {
      if (!k && !x) continue;
      if (lines.slice(i + n, i + n + x).some((l) => !l.trim() || l.trim().length > 30)) continue;
      const header = [...new Array<string>(k).fill(''), ...lines.slice(i, i + n + x).map((s) => s.trim())];
      const wide = readCellRows(lines, i + n + x, header, stop);
      const f = rowFit(wide.rows);
      if (f.bad === 0 && f.good > fit.good && (fit.bad > 0 || f.good >= 2 * fit.good)) {
        best = wide;
        fit = f;
      }
    }
  return best;
}

/** Header cells after the known names that the vocabulary may not know ("未完成原因及拟采取的改进措施"). */
const MAX_EXTRA_HEADER = 2;
/** "按收入性质分:2030.12": a label and its amount in one cell, the form's pairs below its table. */
const isLabelAmount = (cell: string) => /^[^\d:]{2,}:\s*\d[\d,]*(?:\.\d+)?(?:万元|万|元|亿元|%)?$/.test(fold(cell).trim());

/** Cells before a header that a merged first column may have left (one per merged column). */
const MAX_LEAD_BLANKS = 2;

/**
 * A line before the column names that may be a cell of the header row: blank (a merged cell), or
 * a short label that is neither a number, a column name nor a sentence ("年度预算申请", "(万元").
 */
function isLeadCell(line: string): boolean {
  const t = fold(line).trim();
  if (!t) return true;
  return t.length <= 12 && !isHeaderWord(t) && !/\d/.test(t) && !/[。,;:]/.test(t);
}

function readCellRows(lines: readonly string[], start: number, header: string[], stop: (line: string) => boolean): { rows: string[][]; next: number } {
  const n = header.length;
  const rows: string[][] = [header];
  let p = start;
  let empties = 0;
  while (p < lines.length) {
    const first = lines[p]!.trim();
    if (first && stop(first)) break;
    const row = lines.slice(p, p + n).map((s) => s.trim());
    if (row.some((c) => c && stop(c) && !isTotalLabel(c))) break;
    if (row.filter((c) => c && isHeaderWord(c)).length >= 2) break;
    // "按收入性质分:2030.12": a label and its amount in one cell starts the pairs below the table, not a row of it.
    if (isLabelAmount(row.find((c) => c) ?? '')) break;
    p += row.length;
    if (row.every((c) => !c)) {
      if (++empties >= 2) break;
      continue;
    }
    empties = 0;
    while (row.length < n) row.push('');
    rows.push(row);
    if (isTotalLabel(row.find((c) => c) ?? '')) break;
  }
  return { rows, next: p };
}

/**
 * How well rows sit under their header by the form's arithmetic: a row fits when its 分值 and 得分
 * cells are plain numbers with 得分 ≤ 分值, misfits when either holds words or 得分 > 分值 (a blank
 * cell, a score not yet given, says neither).
 */
function rowFit(rows: string[][]): { good: number; bad: number } {
  const roles = rows[0]!.map(columnRole);
  const max = roles.indexOf('max');
  const score = roles.indexOf('score');
  let good = 0;
  let bad = 0;
  if (max < 0 || score < 0) return { good, bad };
  const plain = (c: string) => (/^\d+(?:\.\d+)?$/.test(c) ? Number(c) : undefined);
  for (const row of rows.slice(1)) {
    const m = row[max] ?? '';
    const s = row[score] ?? '';
    if (!m && !s) continue;
    const mv = plain(m);
    const sv = plain(s);
    if (mv !== undefined && sv !== undefined && sv <= mv) good++;
    else if ((m && mv === undefined) || (s && sv === undefined) || (sv !== undefined && mv !== undefined && sv > mv))
      if (!isTotalLabel(row.find((c) => c) ?? '')) bad++;
  }
  return { good, bad };
}

/** An indicator table flattened onto one line: header words, then the cells of every row. */
export function readFlattened(line: string): string[][] | undefined {
  // Every line is asked; most do not start with a header word, and need not be split whole.
  const lead = line.trimStart();
  const firstEnd = lead.search(/\s/);
  if (!isHeaderWord(firstEnd < 0 ? lead : lead.slice(0, firstEnd))) return undefined;
  const tokens = fold(line).trim().split(/\s+/);
  const raw = line.trim().split(/\s+/);
  if (tokens.length !== raw.length) return undefined;
  let h = 0;
  while (h < tokens.length && isHeaderWord(tokens[h]!)) h++;
  if (h < 3 || h === tokens.length) return undefined;
  const header = raw.slice(0, h);
  const roles = header.map(columnRole);
  const nameCols = roles.filter((r) => r === 'l1' || r === 'l2' || r === 'l3' || r === 'name').length;
  const rows: string[][] = [header];
  let k = h;
  while (k < tokens.length) {
    const row: string[] = new Array(h).fill('');
    if (isTotalLabel(tokens[k]!)) {
      row[0] = raw[k++]!;
      for (let c = nameCols; c < h && k < tokens.length; c++) {
        if (roles[c] === 'max' || roles[c] === 'score') {
          if (/^\d+(?:\.\d+)?分?$/.test(tokens[k]!)) row[c] = raw[k++]!;
        }
      }
      rows.push(row);
      continue;
    }
    // Name columns: tokens ending in 指标 fill 一级/二级; the next token is the indicator itself.
    const levels = roles.slice(0, nameCols);
    const named: string[] = [];
    while (k < tokens.length && /指标(?:\(\d+(?:\.\d+)?分?\))?$/.test(tokens[k]!) && named.length < nameCols - 1) named.push(raw[k++]!);
    if (named.length === 1 && nameCols >= 3 && !/^(?:产出|效益|满意度|成本|决策|过程|项目)指标/.test(fold(named[0]!))) named.unshift('');
    named.forEach((v, j) => {
      row[j] = v;
    });
    if (k < tokens.length) row[Math.max(0, levels.length - 1)] = raw[k++]!;
    for (let c = nameCols; c < h && k < tokens.length; c++) {
      const numeric = roles[c] === 'max' || roles[c] === 'score';
      if (numeric && !/^\d+(?:\.\d+)?分?$/.test(tokens[k]!)) continue;
      if (!numeric && roles[c] === 'note' && /指标/.test(tokens[k]!)) continue;
      row[c] = raw[k++]!;
    }
    rows.push(row);
  }
  return rows;
}

export type ColumnRole = 'l1' | 'l2' | 'l3' | 'name' | 'target' | 'actual' | 'max' | 'score' | 'rate' | 'note' | 'initial' | 'planned' | 'spent' | undefined;

export function columnRole(cell: string): ColumnRole {
  const c = fold(cell).replace(/\s+/g, '');
  if (/^一级指标/.test(c)) return 'l1';
  if (/^二级指标/.test(c)) return 'l2';
  if (/^三级指标/.test(c)) return 'l3';
  if (/^(?:绩效)?指标名称$/.test(c)) return 'name';
  if (/(?:指标值|目标值|预期值|预期目标)/.test(c) && !/实际/.test(c)) return 'target';
  if (/(?:实际完成|实际值|完成值|实际完成情况)/.test(c)) return 'actual';
  if (/^(?:分值|权重|满分|标准分|指标分值)/.test(c)) return 'max';
  if (/得分$|^得分|评分$/.test(c) && !/率/.test(c)) return 'score';
  if (/(?:执行率|完成率|得分率)/.test(c)) return 'rate';
  if (/(?:原因|备注|说明|措施)/.test(c)) return 'note';
  if (/年初预算/.test(c)) return 'initial';
  if (/(?:全年预算|调整后预算|预算数)/.test(c)) return 'planned';
  if (/(?:全年执行|执行数|实际支出|支出数|决算数)/.test(c)) return 'spent';
  return undefined;
}

export const isTotalLabel = (s: string) => /^(?:合计|总计|总分|小计|自评总分|得分合计|总体得分)$/.test(fold(s).replace(/\s+/g, ''));
