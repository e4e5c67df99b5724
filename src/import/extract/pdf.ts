/**
 * .pdf → text lines with pdf.js (legacy build for Node, eval off: CVE-2024-4367). Each page's
 * text items (with their positions) and ruled lines (from the operator list) go to pdf-layout.ts,
 * which places them into lines and table rows as the text form of the document has them. The
 * spaces PDFs put between Chinese characters are removed later, in normalize.ts.
 */
import { ImportError } from '../errors.ts';
import { MAX_PDF_CHARS, MAX_PDF_PAGES } from '../limits.ts';
import { layoutPages, type PageInput, type TextItem } from './pdf-layout.ts';
import { rulesFromOps } from './pdf-rules.ts';

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
  const read: PageInput[] = [];
  let chars = 0;
  try {
    const pages = Math.min(doc.numPages, MAX_PDF_PAGES);
    if (doc.numPages > MAX_PDF_PAGES)
      notes.push(`PDF 共 ${doc.numPages} 页，只读取了前 ${MAX_PDF_PAGES} 页；第 ${MAX_PDF_PAGES + 1} 页起的内容未导入，请核对。`);
    for (let n = 1; n <= pages; n++) {
      let content;
      let page;
      let ops;
      try {
        page = await doc.getPage(n);
        content = await page.getTextContent();
        ops = await page.getOperatorList();
      } catch {
        throw new ImportError(file, `PDF 第 ${n} 页无法解析，可能已损坏。`);
      }
      const items: TextItem[] = [];
      for (const it of content.items) {
        if (!('str' in it) || !it.str) continue;
        const [a, b, , , e, f] = it.transform as number[];
        items.push({ str: it.str, x: e!, y: f!, w: it.width, h: Math.hypot(a!, b!) || it.height || 10 });
        chars += it.str.length;
      }
      read.push({ items, rules: rulesFromOps(ops.fnArray, ops.argsArray, pdfjs.OPS), width: page.view[2]! - page.view[0]! });
      if (chars > MAX_PDF_CHARS)
        throw new ImportError(file, `PDF 的文字超过 ${MAX_PDF_CHARS.toLocaleString('en-US')} 个字符（读到第 ${n} 页），超过导入上限，不像是一份报告。`);
      page.cleanup();
    }
  } finally {
    await doc.destroy();
  }
  return layoutPages(read);
}
