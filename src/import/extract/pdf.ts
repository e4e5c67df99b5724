/**
 * .pdf → text lines with pdf.js (legacy build for Node, eval off: CVE-2024-4367). Text items
 * are grouped into lines by their baseline; a wide gap inside a line becomes a cell border
 * (` | `), so that table rows arrive as pipe rows. The spaces PDFs put between Chinese
 * characters are removed later, in normalize.ts.
 */
import { ImportError } from '../errors.ts';
import { MAX_PDF_CHARS, MAX_PDF_PAGES } from '../limits.ts';

interface Item {
  str: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

/** `notes` receives a 待核对 line when the PDF has more pages than are read. */
export async function pdfToLines(buf: Buffer, file: string, notes: string[] = []): Promise<string[]> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  let doc;
  try {
    doc = await pdfjs.getDocument({
      data: new Uint8Array(buf),
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
      stopAtErrors: false,
      verbosity: 0,
    }).promise;
  } catch (err) {
    // pdf.js's own words ("Invalid PDF structure.") are English: staff read what they mean.
    const msg = (err as Error)?.name === 'PasswordException' ? 'PDF 有密码保护，请先去除密码。' : 'PDF 无法解析：文件结构无效，可能已损坏或不完整。';
    throw new ImportError(file, msg);
  }
  const lines: string[] = [];
  let chars = 0;
  try {
    const pages = Math.min(doc.numPages, MAX_PDF_PAGES);
    if (doc.numPages > MAX_PDF_PAGES)
      notes.push(`PDF 共 ${doc.numPages} 页，只读取了前 ${MAX_PDF_PAGES} 页；第 ${MAX_PDF_PAGES + 1} 页起的内容未导入，请核对。`);
    for (let n = 1; n <= pages; n++) {
      let content;
      let page;
      try {
        page = await doc.getPage(n);
        content = await page.getTextContent();
      } catch {
        throw new ImportError(file, `PDF 第 ${n} 页无法解析，可能已损坏。`);
      }
      const items: Item[] = [];
      for (const it of content.items) {
        if (!('str' in it) || !it.str.trim()) continue;
        const [a, b, , , e, f] = it.transform as number[];
        items.push({ str: it.str, x: e!, y: f!, w: it.width, h: Math.hypot(a!, b!) || it.height || 10 });
      }
      for (const l of groupLines(items)) {
        chars += l.length;
        lines.push(l);
      }
      if (chars > MAX_PDF_CHARS)
        throw new ImportError(file, `PDF 的文字超过 ${MAX_PDF_CHARS.toLocaleString('en-US')} 个字符（读到第 ${n} 页），超过导入上限，不像是一份报告。`);
      page.cleanup();
    }
  } finally {
    await doc.destroy();
  }
  return lines;
}

function groupLines(items: Item[]): string[] {
  items.sort((p, q) => q.y - p.y || p.x - q.x);
  const rows: Item[][] = [];
  for (const it of items) {
    const row = rows.at(-1);
    if (row && Math.abs(row[0]!.y - it.y) <= Math.max(2, row[0]!.h * 0.4)) row.push(it);
    else rows.push([it]);
  }
  return rows.map((row) => {
    row.sort((p, q) => p.x - q.x);
    let out = '';
    let end: number | undefined;
    for (const it of row) {
      if (end !== undefined) {
        const gap = it.x - end;
        if (gap > it.h * 2.5) out += ' | ';
        else if (gap > it.h * 0.15 && !out.endsWith(' ')) out += ' ';
      }
      out += it.str;
      end = it.x + it.w;
    }
    return out.includes(' | ') ? `| ${out} |` : out;
  });
}
