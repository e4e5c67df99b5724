/**
 * Lines → blocks: headings (four levels: 一、 / （一） / 1. 1、 / (1), and Markdown #),
 * paragraphs, and tables in any of the forms tables.ts reads. Lines broken across a page
 * (a sentence cut off, a blank line, its rest) are joined back into one paragraph.
 */
import { MAX_LINE_CHARS } from './limits.ts';
import { fold } from './normalize.ts';
import { isSeparatorRow, readCellPerLine, readFlattened, splitRow, type Table } from './tables.ts';

export type Block =
  { kind: 'heading'; level: number; text: string; line: number } | { kind: 'para'; text: string; line: number } | { kind: 'table'; table: Table };

const HEADINGS: [number, RegExp][] = [
  [1, /^[一二三四五六七八九十]{1,3}\s*[、.]\s*\S/],
  [2, /^\(\s*[一二三四五六七八九十]{1,3}\s*\)\s*\S/],
  [3, /^\d{1,2}\s*[、.](?!\d)\s*\S/],
  [4, /^(?:\(\s*\d{1,2}\s*\)|[①②③④⑤⑥⑦⑧⑨⑩])\s*\S/],
];

/** Heading level of a line, or 0 when it is body text (a numbered sentence is body text). */
export function headingLevel(line: string): number {
  const raw = fold(line).replace(/\*\*/g, '').trim();
  const md = /^(#{1,6})\s+\S/.exec(raw);
  const f = raw.replace(/^#{1,6}\s+/, '');
  for (const [level, re] of HEADINGS) {
    if (!re.test(f)) continue;
    if (f.length > 40 || /[。;；]/.test(f.slice(0, -1)) || /[。;]$/.test(f)) return 0;
    if (level >= 3 && /,/.test(f)) return 0;
    return level;
  }
  // A Markdown heading without a numbering marker: below the four numbered levels.
  return md ? 4 + md[1]!.length : 0;
}

export const headingText = (line: string) =>
  line
    .replace(/\*\*/g, '')
    .replace(/^#{1,6}\s+/, '')
    .trim();

const TITLE_LIKE = /(?:自评报告|自评表|评价报告|评价表)$/;
const LABEL_LINE = /^[\u4e00-\u9fa5()]{2,12}:/;
const TERMINAL = /[。！？!?；;：:”」』）)》…\]】]$/;

export function toBlocks(lines: readonly string[]): Block[] {
  const blocks: Block[] = [];
  let lastPara: { kind: 'para'; text: string; line: number } | undefined;
  const isTableStart = (i: number) =>
    splitRow(lines[i]!) !== undefined || readCellPerLine(lines, i, stopCell) !== undefined || readFlattened(lines[i]!) !== undefined;

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (!line) continue;
    const row = splitRow(line);
    if (row) {
      const rows: string[][] = [];
      const start = i;
      for (; i < lines.length; i++) {
        const cells = splitRow(lines[i]!.trim());
        if (!cells) {
          if (!lines[i]!.trim() && i + 1 < lines.length && splitRow(lines[i + 1]!.trim())) continue;
          break;
        }
        if (!isSeparatorRow(cells)) rows.push(cells);
      }
      i--;
      pushTable(blocks, { rows, line: start + 1 });
      lastPara = undefined;
      continue;
    }
    const cpl = readCellPerLine(lines, i, stopCell);
    if (cpl) {
      pushTable(blocks, { rows: cpl.rows, line: i + 1 });
      i = cpl.next - 1;
      lastPara = undefined;
      continue;
    }
    const flat = readFlattened(line);
    if (flat) {
      pushTable(blocks, { rows: flat, line: i + 1 });
      lastPara = undefined;
      continue;
    }
    const level = headingLevel(line);
    if (level) {
      blocks.push({ kind: 'heading', level, text: headingText(line), line: i + 1 });
      lastPara = undefined;
      continue;
    }
    // Only the paragraph's end is tested: testing the whole growing paragraph made joining quadratic
    // (100,000 short lines took 78 s).
    if (
      lastPara &&
      !TERMINAL.test(fold(lastPara.text.slice(-2))) &&
      !TITLE_LIKE.test(lastPara.text.slice(-8)) &&
      !LABEL_LINE.test(fold(line)) &&
      lastPara.text.length + line.length <= MAX_LINE_CHARS &&
      !isTableStart(i)
    ) {
      const sep = /[A-Za-z0-9,]$/.test(lastPara.text) && /^[A-Za-z0-9]/.test(line) ? ' ' : '';
      lastPara.text += sep + line;
      continue;
    }
    lastPara = { kind: 'para', text: line, line: i + 1 };
    blocks.push(lastPara);
  }
  return blocks;
}

/** A short line just before a table that names it or its unit becomes its caption. */
function pushTable(blocks: Block[], table: Table) {
  const prev = blocks.at(-1);
  if (prev?.kind === 'para' && prev.text.length <= 60 && /单位|表/.test(prev.text)) {
    table.caption = prev.text;
    blocks.pop();
  }
  blocks.push({ kind: 'table', table });
}

const stopCell = (line: string) => (headingLevel(line) > 0 && headingLevel(line) <= 2) || (line.length > 50 && /[。]/.test(line));
