/**
 * .pdf → text lines with pdf.js (legacy build for Node, eval off: CVE-2024-4367). Each page's
 * text items (with their positions) and ruled lines (from the operator list) go to pdf-layout.ts,
 * which places them into lines and table rows as the text form of the document has them. The
 * spaces PDFs put between Chinese characters are removed later, in normalize.ts.
 */
import { IMPORT_REVIEW } from '../../errors/import-review.ts';
import { ImportError } from '../errors.ts';
import { say } from '../../errors/user-error.ts';
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
    throw new ImportError(file, say((err as Error)?.name === 'PasswordException' ? 'IMPORT_PDF_LOCKED' : 'IMPORT_PDF_INVALID'));
  }
  const read: PageInput[] = [];
  let chars = 0;
  try {
    const pages = Math.min(doc.numPages, MAX_PDF_PAGES);
    if (doc.numPages > MAX_PDF_PAGES) notes.push(IMPORT_REVIEW.pdfPagesCut({ pages: doc.numPages, read: MAX_PDF_PAGES }));
    for (let n = 1; n <= pages; n++) {
      let content;
      let page;
      let ops;
      try {
        page = await doc.getPage(n);
        content = await page.getTextContent();
        ops = await page.getOperatorList();
      } catch {
        throw new ImportError(file, say('IMPORT_PDF_PAGE', { page: n }));
      }
      const items: TextItem[] = [];
      for (const it of content.items) {
        if (!('str' in it) || !it.str) continue;
        const [a, b, , , e, f] = it.transform as number[];
        items.push({ str: it.str, x: e!, y: f!, w: it.width, h: Math.hypot(a!, b!) || it.height || 10 });
        chars += it.str.length;
      }
      read.push({ items, rules: rulesFromOps(ops.fnArray, ops.argsArray, pdfjs.OPS), width: page.view[2]! - page.view[0]! });
      if (chars > MAX_PDF_CHARS) throw new ImportError(file, say('IMPORT_PDF_TEXT', { max: MAX_PDF_CHARS, page: n }));
      page.cleanup();
    }
  } finally {
    await doc.destroy();
  }
  return layoutPages(read);
}
