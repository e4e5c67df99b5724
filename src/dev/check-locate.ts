/**
 * Where each figure of a data file stands in the text read from its original, for the 核对 page.
 * Recomputed on every save rather than taken from the import alone: the clerk edits the file, so a
 * figure may since have been corrected, filled in or moved. What the import recorded
 * (x.原文/读取位置.json) is used as a guide only: the line it cited (`第 9 行第 6 段`: that cell of
 * that line), else its range where the text there still reads as the figure, then the lines just
 * after the citation; a figure with no citation (typed in by the clerk) is placed where its value stands
 * once in the whole text. Numbers are compared by value, so 25 is found as "25.00" and 1234.5 as
 * "1,234.50"; a place is never guessed beyond that: a figure not found has no mark.
 */
import type { Figure } from '../schema/index.ts';
import type { ImportRecord, TextSpan } from '../load/originals.ts';

/** A number as written in running text: digits with thousands commas and a decimal part. */
const NUMBER = /(?<![\d.])\d{1,3}(?:[,，]\d{3})+(?:\.\d+)?(?![\d])|(?<![\d.,])\d+(?:\.\d+)?(?![\d]|\.\d)/g;
const AFTER = 40;
const BEFORE = 3;

interface Hit extends TextSpan {
  /** 1-based cell of the line (pipe cells, else runs between spaces). */
  cell: number;
}

/** Every place on a line where a number of this value is written. */
function hitsOn(lines: readonly string[], line: number, value: number): Hit[] {
  const text = lines[line - 1];
  if (text === undefined) return [];
  const piped = (text.match(/\|/g) ?? []).length >= 2;
  const out: Hit[] = [];
  for (const m of text.matchAll(NUMBER)) {
    if (Number(m[0].replace(/[,，]/g, '')) !== value) continue;
    const before = text.slice(0, m.index);
    const cell = piped
      ? (before.replace(/^\s*\|/, '').match(/\|/g) ?? []).length + 1
      : before.trim()
        ? before.trim().split(/\s+/).length + (/\s$/.test(before) ? 1 : 0)
        : 1;
    out.push({ line, start: m.index, end: m.index + m[0].length, cell });
  }
  return out;
}

/** A cited place: `第 17 行第 3 段起` → line 17, cell 3, from (the row from that cell on). */
function cited(where: string | undefined): { line: number; cell?: number; from: boolean } | undefined {
  const line = Number(/第 (\d+) 行/.exec(where ?? '')?.[1]);
  if (!(line >= 1)) return undefined;
  const cell = Number(/第 (\d+) [段格]/.exec(where ?? '')?.[1]);
  return { line, ...(cell >= 1 && { cell }), from: /[段格]起/.test(where ?? '') };
}

/** Of several hits on one line, the figure's: its cell; an indicator's 分值 before its 得分. */
function choose(hits: Hit[], path: string, cell: number | undefined, from: boolean): Hit | undefined {
  let pool = hits;
  if (cell !== undefined) {
    const there = hits.filter((h) => (from ? h.cell >= cell : h.cell === cell));
    if (there.length) pool = there;
  }
  if (pool.length > 1 && /\.score$/.test(path)) return pool[pool.length - 1];
  return pool[0];
}

/**
 * The import's citation for a figure, or for the row it stands in: an indicator's 分值 is read
 * from the row its 得分 cites, a funding source's amounts from the row that names it.
 */
function citation(path: string, sources: Record<string, string>): string | undefined {
  if (sources[path]) return sources[path];
  for (let up = parentOf(path); up; up = parentOf(up)) {
    if (sources[up]) return sources[up];
    const sibling = Object.keys(sources).find((k) => k.startsWith(`${up}.`) && !k.slice(up.length + 1).includes('.') && !k.includes('[', up.length));
    if (sibling) return sources[sibling];
  }
  return undefined;
}

/** score.indicators[0].max → score.indicators[0] → score.indicators → score → '' */
const parentOf = (path: string) => path.replace(/(\.[^.[\]]+|\[\d+\]|^[^.[\]]+)$/, '');

export function locateFigures(figures: readonly Figure[], lines: readonly string[], record: ImportRecord | undefined): Map<string, TextSpan> {
  const out = new Map<string, TextSpan>();
  for (const f of figures) {
    const stored = record?.spans[f.path];
    const storedHit = stored ? hitsOn(lines, stored.line, f.value).find((h) => h.start === stored.start) : undefined;
    const c = cited(citation(f.path, record?.sources ?? {}));
    // The cited line and cell first: the import's own range is found after the fact and may sit
    // on a neighbouring line holding the same number.
    let hit = c && choose(hitsOn(lines, c.line, f.value), f.path, c.cell, c.from);
    hit ??= storedHit;
    if (c) {
      for (let d = 1; !hit && d <= AFTER; d++) hit = choose(hitsOn(lines, c.line + d, f.value), f.path, undefined, false);
      for (let d = 1; !hit && d <= BEFORE; d++) hit = choose(hitsOn(lines, c.line - d, f.value), f.path, undefined, false);
    } else if (!hit) {
      const all = lines.flatMap((_, i) => hitsOn(lines, i + 1, f.value));
      if (all.length === 1) hit = all[0];
    }
    if (hit) out.set(f.path, { line: hit.line, start: hit.start, end: hit.end });
  }
  return out;
}
