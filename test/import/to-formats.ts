/**
 * A text document remade as a clerk would have it, the way ../shared/tools/to-formats does: pipe
 * rows (at least two bars, not a --- rule) a table, other lines paragraphs; as an HTML page and
 * as the parts of a .docx (built by test/import/build-fixtures.ts, as pandoc is not on every
 * machine). Shared by the browser tests that import real documents in these forms.
 */
import { buildDocx, type DocxPart } from './build-fixtures.ts';

export type Block = { p: string } | { rows: string[][] };

/** to-formats' reading of a text: pipe rows (at least two bars, not a --- rule) become table rows. */
export function blocks(text: string): Block[] {
  const out: Block[] = [];
  let rows: string[][] = [];
  const flush = () => {
    if (rows.length) {
      const width = Math.max(...rows.map((r) => r.length));
      out.push({ rows: rows.map((r) => [...r, ...Array<string>(width - r.length).fill('')].map((c) => c.trim())) });
    }
    rows = [];
  };
  for (const line of text.split(/\r?\n/)) {
    if ((line.match(/\|/g) ?? []).length >= 2) {
      const cells = line.trim().replace(/^\|/, '').replace(/\|$/, '').split('|');
      if (!cells.every((c) => /^\s*:?-{2,}:?\s*$/.test(c))) rows.push(cells);
    } else {
      flush();
      if (line.trim()) out.push({ p: line.trim() });
    }
  }
  flush();
  return out;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
export const page = (title: string, body: Block[]) =>
  `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(title)}</title><style>body{font-family:'Noto Sans CJK SC',sans-serif;font-size:11pt} table{border-collapse:collapse} td{font-size:9pt}</style></head><body>` +
  body
    .map((b) =>
      'p' in b
        ? `<p>${esc(b.p)}</p>`
        : `<table border="1" cellspacing="0" cellpadding="3">${b.rows.map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`).join('')}</table>`,
    )
    .join('\n') +
  '</body></html>';

/** The document's .docx: the same paragraphs and tables. */
export const docxOf = (body: Block[]) => buildDocx(body.map((b): DocxPart => ('p' in b ? { p: b.p } : { table: b.rows })));

/** The document's HTML page, titled by its first line. */
export const htmlOf = (text: string, body: Block[], fallback: string) => page(text.split(/\r?\n/)[0]!.trim() || fallback, body);
