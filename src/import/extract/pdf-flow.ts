/**
 * The flow of a PDF's laid-out lines across pages (pdf-layout.ts makes them): the lines of a wrapped
 * paragraph joined again, a table row cut by a page break joined, running headers and page numbers
 * dropped. Pure.
 */

/** One laid-out line of a page, in page space (y up). */
export interface Line {
  text: string;
  x0: number;
  x1: number;
  y: number;
  h: number;
  /** split at wide gaps into cells, or a row of a ruled table: never joined to another line */
  row: boolean;
  /** a table row the page cuts: no rule above it (continued from the page before) or below it */
  open?: { top: boolean; bottom: boolean; cells: string[] };
}

/**
 * Wrapped lines of one paragraph or cell as one. A line breaks at a space between Latin words or
 * figures (`%(百分比)` / `100%`), so a space goes back there; between Chinese characters, and after
 * a hyphen, it breaks without one.
 */
export function joinWrapped(parts: string[]): string {
  const latin = /[\x21-\x7e]/;
  return parts.filter(Boolean).reduce((a, b) => (!a ? b : latin.test(a.at(-1)!) && latin.test(b[0]!) && !a.endsWith('-') ? `${a} ${b}` : a + b), '');
}

/**
 * The width the first word of a line would take at the end of the line above: a run of Latin
 * letters, figures and signs (`≥50`), or one Chinese character; an opening bracket carries the
 * character after it, and the closing marks that may not start a line (`。，、）` …) carry the one
 * before them.
 */
function firstWordWidth(text: string, h: number): number {
  const m =
    /^([(\[{（《“‘「『【〔]*)([^\s\u3400-\u9fff\uf900-\ufaff(\[{（《“‘「『【〔]*)([\u3400-\u9fff\uf900-\ufaff]?)([。，、；：？！）》」』”’〕\]}.,;:?!%]*)/u.exec(
      text,
    );
  if (!m) return h;
  const width = (s: string) => [...s].reduce((w, ch) => w + (ch.charCodeAt(0) < 0x2000 ? h * 0.5 : h), 0);
  const [, open, run, next, close] = m as unknown as string[];
  return width(open! + run!) + (run ? 0 : width(next!) + width(close!)) || h;
}

/** A table row cut by a page break: its part at the top of the next page joins it, cell by cell. */
export function joinCutRows(pages: Line[][]): void {
  for (let p = 1; p < pages.length; p++) {
    const last = pages[p - 1]!.at(-1);
    const first = pages[p]![0];
    if (!last?.open?.bottom || !first?.open?.top || last.open.cells.length !== first.open.cells.length) continue;
    const cells = last.open.cells.map((c, i) => joinWrapped([c, first.open!.cells[i]!]));
    last.text = `| ${cells.join(' | ')} |`;
    last.open = { ...last.open, cells };
    pages[p]!.shift();
  }
}

// ---- page furniture ----

const PAGE_NO =
  /^(?:[-—–_·\s]*(\d{1,4})[-—–_·\s]*|第\s*(\d{1,4})\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?|(\d{1,4})\s*\/\s*\d{1,4}|[Pp]age\s*(\d{1,4})(?:\s*of\s*\d{1,4})?)$/;

/**
 * Page numbers: the first or last line of pages whose numbers climb with the pages (one page: only
 * a decorated number such as `- 1 -` or `第1页`, since a bare figure may be a form's last cell).
 * Running headers: a first line repeated (digits aside) on other pages is dropped after its first.
 */
export function dropFurniture(pages: Line[][]): void {
  const ends = (ls: Line[]) => [ls[0], ls.at(-1)].filter((l, i, a): l is Line => !!l && !l.row && a.indexOf(l) === i);
  const numbered: { page: number; line: Line; n: number; bare: boolean }[] = [];
  pages.forEach((ls, page) => {
    for (const line of ends(ls)) {
      const m = PAGE_NO.exec(line.text.trim());
      const n = m && Number(m[1] ?? m[2] ?? m[3] ?? m[4]);
      if (n !== null && n !== undefined && Number.isFinite(n)) numbered.push({ page, line, n, bare: /^\d+$/.test(line.text.trim()) });
    }
  });
  const offsets = new Map<number, number>();
  for (const c of numbered) offsets.set(c.n - c.page, (offsets.get(c.n - c.page) ?? 0) + 1);
  const drop = new Set<Line>();
  for (const c of numbered) {
    const climbing = (offsets.get(c.n - c.page) ?? 0) >= 2;
    if (climbing || (pages.length === 1 && !c.bare)) drop.add(c.line);
  }
  const seen = new Set<string>();
  for (const ls of pages) {
    const first = ls.find((l) => !drop.has(l));
    if (!first || first.row) continue;
    const key = first.text.replace(/\d+/g, '#');
    if (seen.has(key) && pages.length > 1) drop.add(first);
    seen.add(key);
  }
  pages.forEach((ls, i) => (pages[i] = ls.filter((l) => !drop.has(l))));
}

// ---- paragraphs ----

const STARTS_ITEM = /^(?:[(（]?[一二三四五六七八九十]+[、)）.．]|[(（]\d+[)）]|\d+[、)）]|\d+[.．](?!\d)|第[一二三四五六七八九十\d]+[章节部条])/;

/**
 * A line continues on the next when the next one's first word would not have fitted at its end
 * (before the right margin), starts at the left margin, in the same size, one line step below (or
 * at the top of the next page), and does not start a numbered item (where paragraphs are not set
 * apart by space, the only sign of a new one).
 */
export function joinParagraphs(pages: Line[][], pageWidth: number | undefined): string[] {
  const all = pages.flat().filter((l) => !l.row);
  const left = mode(all.map((l) => Math.round(l.x0)));
  const max = Math.max(...all.map((l) => l.x1), -Infinity);
  // A right margin is one that lines wrap at: two or more lines end there, a text width away from
  // the left; or, with one such line, the page's width less the left margin (margins alike).
  const wide = all.filter((l) => l.x1 >= max - l.h * 3 && l.x1 - (left ?? l.x0) >= l.h * 15);
  const right = wide.length >= 2 ? max : wide.length && pageWidth && left !== undefined ? Math.min(max + wide[0]!.h * 2, pageWidth - left) : Infinity;
  const steps: number[] = [];
  for (const ls of pages)
    for (let i = 1; i < ls.length; i++) {
      const [a, b] = [ls[i - 1]!, ls[i]!];
      if (!a.row && !b.row && Math.abs(a.h - b.h) < 0.5) steps.push(Math.round(((a.y - b.y) / a.h) * 20) / 20);
    }
  const step = mode(steps.filter((s) => s > 0.8)) ?? 1.6;
  // Paragraphs set apart by space: the step tells them apart, and a numbered line inside one is a wrap.
  const spaced = steps.filter((s) => s > step * 1.3 && s < step * 3).length >= Math.max(2, steps.length * 0.1);
  const out: string[] = [];
  let prev: Line | undefined;
  pages.forEach((ls, p) => {
    ls.forEach((line, i) => {
      const continues =
        prev &&
        !prev.row &&
        !line.row &&
        left !== undefined &&
        prev.x1 + firstWordWidth(line.text, line.h) > right - line.h * 0.5 &&
        Math.abs(line.x0 - left) <= line.h * 0.5 &&
        Math.abs(prev.h - line.h) < 0.5 &&
        (i === 0 && p > 0 ? true : (prev.y - line.y) / prev.h <= step * 1.15 + 0.05) &&
        (spaced || !STARTS_ITEM.test(line.text));
      if (continues) out[out.length - 1] = joinWrapped([out.at(-1)!, line.text]);
      else out.push(line.text);
      prev = line;
    });
  });
  return out;
}

function mode(values: number[]): number | undefined {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: number | undefined;
  for (const [v, n] of counts) if (best === undefined || n > counts.get(best)! || (n === counts.get(best) && v < best)) best = v;
  return best;
}
