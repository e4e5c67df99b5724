/**
 * A PDF read as pages, not as a string: pdf.js's text items (with their positions) and the page's
 * ruled lines become the lines the text form of the same document has. Items are placed into lines
 * by baseline; text inside a ruled grid becomes pipe rows (`| a | b |`), one row per band between
 * horizontal rules and one cell per column between vertical rules, a merged cell's text in its first
 * column and row with empty cells after it (as html.ts lays out colspan and rowspan); unruled text
 * with wide gaps becomes pipe rows too; pdf-flow.ts then joins wrapped paragraphs and cut rows and
 * drops page furniture. Pure, so that it is tested with made-up items; pdf.ts reads the PDF and
 * calls it.
 */
import { normalizeGlyphs } from './pdf-glyphs.ts';
import type { Rule } from './pdf-rules.ts';
import { dropFurniture, joinCutRows, joinParagraphs, joinWrapped, type Line } from './pdf-flow.ts';

/** One pdf.js text item in page space (y up): x, y its baseline start, w its width, h its font size. */
export interface TextItem {
  str: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface PageInput {
  items: TextItem[];
  rules: Rule[];
  /** the page's width, when known: with the left margin it gives the right one */
  width?: number;
}

const SNAP = 2; // points within which two rules are one

export function layoutPages(pages: readonly PageInput[]): string[] {
  const laid = pages.map(layoutPage);
  dropFurniture(laid);
  joinCutRows(laid);
  return joinParagraphs(laid, Math.max(0, ...pages.map((p) => p.width ?? 0)) || undefined);
}

function layoutPage(page: PageInput): Line[] {
  const items = page.items.map((it) => ({ ...it, str: normalizeGlyphs(it.str) })).filter((it) => it.str && Number.isFinite(it.x) && Number.isFinite(it.y));
  const tables = findTables(page.rules);
  const free: TextItem[] = [];
  const lines: Line[] = [];
  const inTable = new Map<Table, TextItem[]>();
  for (const it of items) {
    const cx = it.x + it.w / 2;
    const cy = it.y + it.h * 0.35;
    const t = tables.find((t) => cx > t.x0 && cx < t.x1 && cy > t.y0 && cy < t.y1);
    if (t) inTable.set(t, [...(inTable.get(t) ?? []), it]);
    else free.push(it);
  }
  for (const [t, its] of inTable) lines.push(...tableRows(t, its));
  for (const row of baselines(free)) if (row.some((it) => it.str.trim())) lines.push(freeLine(row));
  return lines.sort((a, b) => b.y - a.y || a.x0 - b.x0);
}

// ---- ruled tables ----

interface Table {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
  h: Rule[];
  v: Rule[];
}

/** Rules that cross or continue one another form a table; one needs two of each direction. */
function findTables(rules: readonly Rule[]): Table[] {
  const parent = rules.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const isH = (r: Rule) => r.y0 === r.y1;
  const touch = (a: Rule, b: Rule) =>
    a.x0 - SNAP <= b.x1 && b.x0 - SNAP <= a.x1 && Math.min(a.y0, a.y1) - SNAP <= Math.max(b.y0, b.y1) && Math.min(b.y0, b.y1) - SNAP <= Math.max(a.y0, a.y1);
  const sorted = rules.map((r, i) => ({ r, i })).sort((a, b) => Math.min(a.r.x0, a.r.x1) - Math.min(b.r.x0, b.r.x1));
  for (let a = 0; a < sorted.length; a++) {
    const ra = sorted[a]!.r;
    for (let b = a + 1; b < sorted.length && sorted[b]!.r.x0 - SNAP <= ra.x1; b++) if (touch(ra, sorted[b]!.r)) parent[find(sorted[a]!.i)] = find(sorted[b]!.i);
  }
  const groups = new Map<number, Rule[]>();
  rules.forEach((r, i) => groups.set(find(i), [...(groups.get(find(i)) ?? []), r]));
  const tables: Table[] = [];
  for (const g of groups.values()) {
    const h = g.filter(isH);
    const v = g.filter((r) => !isH(r));
    if (distinct(h.map((r) => r.y0)).length < 2 || distinct(v.map((r) => r.x0)).length < 2) continue;
    tables.push({
      x0: Math.min(...g.map((r) => r.x0)),
      x1: Math.max(...g.map((r) => r.x1)),
      y0: Math.min(...g.map((r) => Math.min(r.y0, r.y1))),
      y1: Math.max(...g.map((r) => Math.max(r.y0, r.y1))),
      h,
      v,
    });
  }
  return tables;
}

/** Values within SNAP of one another counted once, ascending. */
function distinct(values: number[]): number[] {
  const out: number[] = [];
  for (const v of [...values].sort((a, b) => a - b)) if (!out.length || v - out.at(-1)! > SNAP) out.push(v);
  return out;
}

const bandOf = (edges: number[], v: number) => edges.findIndex((e) => Math.abs(e - v) <= SNAP);

function tableRows(t: Table, items: TextItem[]): Line[] {
  const xs = distinct(t.v.map((r) => r.x0));
  const ys = distinct(t.h.map((r) => r.y0)).reverse(); // top first
  const cells = new Map<string, TextItem[]>();
  for (const it of items) {
    const cx = it.x + it.w / 2;
    const cy = it.y + it.h * 0.35;
    // the cell's own borders: the nearest rules around the text that reach past it
    const left = nearest(
      t.v.filter((r) => r.x0 <= cx && spans(r.y0, r.y1, cy)).map((r) => r.x0),
      'max',
    );
    const top = nearest(
      t.h.filter((r) => r.y0 >= cy && spans(r.x0, r.x1, cx)).map((r) => r.y0),
      'min',
    );
    const col = left === undefined ? xs.findIndex((x, i) => cx >= x && cx < (xs[i + 1] ?? Infinity)) : bandOf(xs, left);
    // above the first rule: a row continued from the page before; below the last, one the page cuts
    const row = top === undefined ? -1 : bandOf(ys, top);
    const key = `${row},${Math.max(0, col)}`;
    cells.set(key, [...(cells.get(key) ?? []), it]);
  }
  const width = Math.max(1, xs.length - 1);
  const out: Line[] = [];
  for (let r = -1; r < ys.length; r++) {
    const texts: string[] = [];
    let h = 0;
    for (let c = 0; c < width; c++) {
      const its = cells.get(`${r},${c}`) ?? [];
      h = Math.max(h, ...its.map((it) => it.h));
      texts.push(joinWrapped(baselines(its).map((l) => joinItems(l, false))).replace(/\|/g, '\\|'));
    }
    const open = r === -1 || r === ys.length - 1 ? { top: r === -1, bottom: r === ys.length - 1, cells: texts } : undefined;
    const y = r === -1 ? t.y1 + 1 : ys[r]! - 0.01 * r;
    if (texts.some(Boolean)) out.push({ text: `| ${texts.join(' | ')} |`, x0: t.x0, x1: t.x1, y, h: h || 10, row: true, open });
  }
  return out;
}

const spans = (a: number, b: number, v: number) => Math.min(a, b) - SNAP <= v && v <= Math.max(a, b) + SNAP;
const nearest = (vs: number[], pick: 'min' | 'max') => (vs.length ? (pick === 'min' ? Math.min(...vs) : Math.max(...vs)) : undefined);

// ---- lines ----

/** Items grouped by baseline, top to bottom, each line left to right. */
function baselines(items: TextItem[]): TextItem[][] {
  const sorted = [...items].sort((p, q) => q.y - p.y || p.x - q.x);
  const rows: TextItem[][] = [];
  for (const it of sorted) {
    const row = rows.at(-1);
    if (row && Math.abs(row[0]!.y - it.y) <= Math.max(2, row[0]!.h * 0.4)) row.push(it);
    else rows.push([it]);
  }
  for (const row of rows) row.sort((p, q) => p.x - q.x);
  return rows;
}

/**
 * A line's items as text. A space item, or a gap wider than a space beyond the line's own letter
 * spacing, is a space (the spaces the text has, not one between every two letter-spaced glyphs);
 * outside a ruled table a gap of more than 2.5 characters is a cell border.
 */
function joinItems(row: TextItem[], cells: boolean): string {
  const spacing = letterSpacing(row);
  let out = '';
  let end: number | undefined;
  let space = false;
  for (const it of row) {
    if (!it.str.trim()) {
      space = end !== undefined;
      continue;
    }
    if (end !== undefined) {
      const gap = it.x - end;
      if (cells && gap > it.h * 2.5) out = `${out.trimEnd()} | `;
      else if ((space || gap - spacing > it.h * 0.2) && !out.endsWith(' ')) out += ' ';
    }
    out += out.endsWith(' ') ? it.str.trimStart() : it.str;
    end = Math.max(end ?? -Infinity, it.x + it.w);
    space = false;
  }
  return out.split(' | ').map(unspaced).join(' | ').trim();
}

/** `全 年 预 算 1 , 2 3 0 万 元`: pdf.js writes a letter-spaced run with a space after every glyph. */
function unspaced(s: string): string {
  const tokens = s.trim().split(/ +/);
  return tokens.length >= 6 && tokens.filter((t) => [...t].length === 1).length > tokens.length * 0.7 ? tokens.join('') : s;
}

/** The gap most glyphs of a line keep between them (letter-spaced text), or 0. */
function letterSpacing(row: TextItem[]): number {
  const solid = row.filter((it) => it.str.trim());
  const gaps = solid.slice(1).map((it, i) => it.x - (solid[i]!.x + solid[i]!.w));
  if (gaps.length < 5) return 0;
  const median = [...gaps].sort((a, b) => a - b)[gaps.length >> 1]!;
  const h = solid[0]!.h;
  const alike = gaps.filter((g) => Math.abs(g - median) <= h * 0.05).length;
  return median > h * 0.03 && alike >= gaps.length * 0.7 ? median : 0;
}

function freeLine(row: TextItem[]): Line {
  const text = joinItems(row, true);
  row = row.filter((it) => it.str.trim());
  const piped = text.includes(' | ');
  return {
    text: piped ? `| ${text} |` : text,
    x0: row[0]!.x,
    x1: Math.max(...row.map((it) => it.x + it.w)),
    y: row[0]!.y,
    h: Math.max(...row.map((it) => it.h)),
    row: piped,
  };
}
