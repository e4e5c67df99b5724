/**
 * The document as a stream of cells, for the forms that arrive without a table structure a
 * reader can trust: pipe rows broken across lines, one cell per line ("项目名称 |"), a whole
 * 自评表 on one line with cells separated by single spaces. Each cell keeps its source line and
 * position, and whether its row kept empty cells (pipes and lines do; spaces lose them), so
 * that a reader knows when it may read by column position and when only by the kind of value.
 * Building the stream is one pass over the lines; every later reader walks it once.
 */
import { IMPORT_WHERE } from '../errors/import-draft.ts';
import { MAX_STREAM_CELLS } from './limits.ts';
import { fold } from './normalize.ts';
import { splitRow } from './tables.ts';

export interface Cell {
  text: string;
  /** 1-based line of the extracted text. */
  line: number;
  /** Position of the cell in its line (1-based), for the source comment. */
  col: number;
  /** 'pipe' / 'line': empty cells are kept; 'space': cells split at spaces, empties lost; 'fused': cut from a line without borders. */
  mode: 'pipe' | 'line' | 'space' | 'fused';
}

/** Bounds on a line split at spaces: longer runs are prose, not a table. */
const MAX_TOKENS_PER_LINE = 4000;

export function toCells(lines: readonly string[], oneCellPerLine = false): Cell[] {
  const out: Cell[] = [];
  lines.forEach((raw, i) => {
    // The forms come first in a report; past this many cells the rest is not read as one (every
    // reader walks the stream, and 2.4 M cells of 30,000 lines of numbers took 1.5 GB and 53 s).
    if (out.length >= MAX_STREAM_CELLS) return;
    const line = raw.trim();
    if (oneCellPerLine) {
      out.push({ text: line, line: i + 1, col: 1, mode: 'line' });
      return;
    }
    if (!line) return;
    const pipes = splitRow(line);
    if (pipes && !line.includes('\t')) {
      pipes.forEach((text, j) => out.push({ text, line: i + 1, col: j + 1, mode: 'pipe' }));
      return;
    }
    // "项目名称 |" and "|": one cell per line, the pipe closing it.
    if (/^[^|]*\|$/.test(line)) {
      out.push({ text: line.slice(0, -1).trim(), line: i + 1, col: 1, mode: 'line' });
      return;
    }
    const tokens = mergeParens(line.split(/\s+/).slice(0, MAX_TOKENS_PER_LINE));
    if (tokens.length === 1) {
      out.push({ text: tokens[0]!, line: i + 1, col: 1, mode: 'line' });
      return;
    }
    tokens.forEach((text, j) => out.push({ text, line: i + 1, col: j + 1, mode: 'space' }));
  });
  return out;
}

/** "预算数 (A)" and "得分 (20 分*执行率)": a bracketed note joins the token before it. */
function mergeParens(tokens: string[]): string[] {
  const out: string[] = [];
  let depth = 0;
  for (const t of tokens) {
    const f = fold(t);
    if (out.length && (depth > 0 || f.startsWith('('))) out[out.length - 1] += t;
    else out.push(t);
    for (const ch of f) {
      if (ch === '(') depth++;
      else if (ch === ')' && depth > 0) depth--;
    }
    if (depth > 8) depth = 0;
  }
  return out;
}

/** A cell's text for matching labels: folded, without spaces or a trailing colon. */
export const key = (s: string) => fold(s).replace(/\s+/g, '').replace(/[:]$/, '');

/** Where a cell came from, for the draft's source comment. */
export const where = (c: Cell) => (c.mode === 'line' ? IMPORT_WHERE.line(c) : IMPORT_WHERE.cell({ line: c.line, col: c.col, mode: c.mode }));
