/**
 * HTML → text lines, for saved government web pages and for mammoth's rendering of a .docx.
 * Block elements become lines; a table becomes pipe rows (`| a | b |`) with merged cells
 * (colspan, rowspan) laid out as empty cells, so that columns stay in place; a `|` inside a
 * cell is written `\|` (tables.ts reads it back as text), and a full-width `｜` stays text. Scripts, styles
 * and the <head> are dropped, except the page title (unless the body repeats it as a heading) and
 * the disclosure <meta> tags that government sites carry (PubDate, ContentSource).
 */
import { Parser } from 'htmlparser2';
import { say, type Said } from '../../errors/user-error.ts';
import { MAX_HTML_DEPTH, MAX_TABLE_CELLS } from '../limits.ts';

/** A page past a limit (nesting, table cells); extract/index.ts names the file. */
export class HtmlLimitError extends Error {
  readonly said: Said;
  constructor(said: Said) {
    super(said.code);
    this.said = said;
  }
}

const BLOCK = new Set([
  'p',
  'div',
  'br',
  'li',
  'ul',
  'ol',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'section',
  'article',
  'header',
  'footer',
  'nav',
  'aside',
  'blockquote',
  'pre',
  'dt',
  'dd',
  'dl',
  'hr',
  'form',
  'caption',
  'center',
  'main',
]);
const SKIP = new Set(['script', 'style', 'noscript', 'template', 'svg', 'iframe', 'object', 'select', 'button', 'textarea']);
const META: Record<string, string> = { pubdate: '发布日期', contentsource: '发布机构', articletitle: '标题' };

interface TableState {
  rows: string[][];
  row: string[] | null;
  cell: string | null;
  span: number;
  rowspans: Map<number, number>;
  colspanNext: number;
  rowspanNext: number;
}

export function htmlToLines(html: string): string[] {
  const lines: string[] = [];
  const metaLines: string[] = [];
  let buf = '';
  let skip = 0;
  let inHead = false;
  let title = '';
  let inTitle = false;
  const tables: TableState[] = [];
  const flush = () => {
    const t = buf.replace(/\s+/g, ' ').trim();
    if (t) lines.push(t);
    buf = '';
  };

  // Depth and cells are counted as the page streams by: 1,000,000 nested elements ran past
  // 120 s, 200,000 cells spanning 50 × 50 ran out of memory.
  let depth = 0;
  let cells = 0;
  const cell = (t: TableState, text: string) => {
    if (++cells > MAX_TABLE_CELLS) throw new HtmlLimitError(say('IMPORT_HTML_CELLS', { max: MAX_TABLE_CELLS }));
    t.row!.push(text);
  };
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (++depth > MAX_HTML_DEPTH) throw new HtmlLimitError(say('IMPORT_HTML_DEPTH', { max: MAX_HTML_DEPTH }));
        if (SKIP.has(name)) {
          skip++;
          return;
        }
        if (name === 'head') inHead = true;
        if (name === 'title') inTitle = true;
        if (name === 'meta') {
          const key = (attrs.name ?? '').toLowerCase();
          if (META[key] && attrs.content) metaLines.push(`${META[key]}：${attrs.content}`);
        }
        const t = tables.at(-1);
        if (name === 'table') {
          if (t && t.cell !== null) {
            t.cell += ' ';
          } else flush();
          tables.push({ rows: [], row: null, cell: null, span: 1, rowspans: new Map(), colspanNext: 1, rowspanNext: 1 });
          return;
        }
        if (t && tables.length === 1) {
          if (name === 'tr') {
            t.row = [];
            fillRowspans(t, cell);
          } else if ((name === 'td' || name === 'th') && t.row) {
            t.cell = '';
            t.colspanNext = clampSpan(attrs.colspan);
            t.rowspanNext = clampSpan(attrs.rowspan);
          } else if (BLOCK.has(name) && t.cell !== null) t.cell += ' ';
          return;
        }
        if (BLOCK.has(name) && !t) flush();
      },
      ontext(text) {
        if (skip) return;
        if (inTitle) {
          title += text;
          return;
        }
        if (inHead) return;
        const t = tables[0];
        if (t) {
          if (t.cell !== null) t.cell += text;
          return;
        }
        buf += text;
      },
      onclosetag(name) {
        depth = Math.max(0, depth - 1);
        if (SKIP.has(name)) {
          skip = Math.max(0, skip - 1);
          return;
        }
        if (name === 'head') inHead = false;
        if (name === 'title') inTitle = false;
        const t = tables.at(-1);
        if (name === 'table' && t) {
          tables.pop();
          if (tables.length === 0) {
            if (t.row?.length) t.rows.push(t.row);
            for (const r of t.rows) lines.push(`| ${r.join(' | ')} |`);
          }
          return;
        }
        if (t && tables.length === 1) {
          if ((name === 'td' || name === 'th') && t.row && t.cell !== null) {
            const col = t.row.length;
            cell(t, clean(t.cell));
            if (t.rowspanNext > 1) t.rowspans.set(col, t.rowspanNext - 1);
            for (let i = 1; i < t.colspanNext; i++) {
              if (t.rowspanNext > 1) t.rowspans.set(t.row.length, t.rowspanNext - 1);
              cell(t, '');
            }
            t.cell = null;
            fillRowspans(t, cell);
          } else if (name === 'tr' && t.row) {
            if (t.row.some((c) => c)) t.rows.push(t.row);
            t.row = null;
          }
          return;
        }
        if (BLOCK.has(name) && !t) flush();
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  flush();
  const head = title.replace(/\s+/g, ' ').trim();
  // A page title that only repeats the body's own heading would read as a second title.
  const repeats = head && lines.slice(0, 5).some((l) => l.replace(/\s+/g, '') === head.replace(/\s+/g, ''));
  return [...(head && !repeats ? [`标题：${head}`] : []), ...metaLines, ...lines];
}

/** Empty cells where a cell above spans down into this row. */
function fillRowspans(t: TableState, cell: (t: TableState, text: string) => void) {
  if (!t.row) return;
  for (let left = t.rowspans.get(t.row.length); left; left = t.rowspans.get(t.row.length)) {
    if (left <= 1) t.rowspans.delete(t.row.length);
    else t.rowspans.set(t.row.length, left - 1);
    cell(t, '');
  }
}

const clampSpan = (v: string | undefined) => Math.min(50, Math.max(1, Number.parseInt(v ?? '1', 10) || 1));
const clean = (s: string) => s.replace(/\s+/g, ' ').replace(/\|/g, '\\|').trim();
