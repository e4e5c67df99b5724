/**
 * Builds .docx and .pdf inputs at test time, so no binary fixture is checked in.
 * The .docx is a real WordprocessingML zip (fflate); the PDF is written by hand with a Type0
 * font (Identity-H) and a ToUnicode map, the way Word and WPS export Chinese text, so pdf.js
 * reads the text without any font file on the machine.
 */
import { zipSync, strToU8 } from 'fflate';

export type DocxPart = { p: string; style?: string } | { table: (string | { text: string; vMerge?: 'restart' | 'continue'; span?: number })[][] };

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const para = (text: string, style?: string) =>
  `<w:p>${style ? `<w:pPr><w:pStyle w:val="${style}"/></w:pPr>` : ''}<w:r><w:t xml:space="preserve">${esc(text)}</w:t></w:r></w:p>`;

export function buildDocx(parts: DocxPart[], extra: Record<string, Uint8Array> = {}): Buffer {
  const body = parts
    .map((part) => {
      if ('p' in part) return para(part.p, part.style);
      const rows = part.table
        .map(
          (row) =>
            `<w:tr>${row
              .map((c) => {
                const cell = typeof c === 'string' ? { text: c } : c;
                const pr = [
                  cell.vMerge ? `<w:vMerge${cell.vMerge === 'restart' ? ' w:val="restart"' : ''}/>` : '',
                  cell.span ? `<w:gridSpan w:val="${cell.span}"/>` : '',
                ].join('');
                return `<w:tc>${pr ? `<w:tcPr>${pr}</w:tcPr>` : ''}${para(cell.text)}</w:tc>`;
              })
              .join('')}</w:tr>`,
        )
        .join('');
      return `<w:tbl>${rows}</w:tbl>`;
    })
    .join('');
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ),
    '_rels/.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ),
    'word/document.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}<w:sectPr/></w:body></w:document>`,
    ),
    ...extra,
  };
  return Buffer.from(zipSync(files, { level: 6 }));
}

/** One text run on a page: characters drawn at (x, y) in points; `spacing` adds a gap after each character. */
export interface PdfRun {
  text: string;
  x: number;
  y: number;
  size?: number;
  spacing?: number;
}

export function buildPdf(pages: PdfRun[][]): Buffer {
  const chars = [...new Set(pages.flat().flatMap((r) => [...r.text]))];
  const cid = new Map(chars.map((c, i) => [c, i + 1]));
  const hex = (n: number) => n.toString(16).padStart(4, '0').toUpperCase();
  const objs: string[] = [];
  const add = (s: string) => {
    objs.push(s);
    return objs.length;
  };
  const catalog = add('');
  const pagesObj = add('');
  const cmap = `/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def /CMapName /Adobe-Identity-UCS def /CMapType 2 def 1 begincodespacerange <0000> <FFFF> endcodespacerange ${chars.length} beginbfchar ${chars
    .map(
      (c) =>
        `<${hex(cid.get(c)!)}> <${[...Buffer.from(c, 'utf16le').swap16()]
          .map((b) => b.toString(16).padStart(2, '0'))
          .join('')
          .toUpperCase()}>`,
    )
    .join(' ')} endbfchar endcmap CMapName currentdict /CMap defineresource pop end end`;
  const toUnicode = add(`<< /Length ${Buffer.byteLength(cmap)} >>\nstream\n${cmap}\nendstream`);
  const descriptor = add(
    '<< /Type /FontDescriptor /FontName /FakeSong /Flags 4 /FontBBox [0 -120 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 >>',
  );
  const cidFont = add(
    `<< /Type /Font /Subtype /CIDFontType2 /BaseFont /FakeSong /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor ${descriptor} 0 R /DW 1000 /CIDToGIDMap /Identity >>`,
  );
  const font = add(`<< /Type /Font /Subtype /Type0 /BaseFont /FakeSong /Encoding /Identity-H /DescendantFonts [${cidFont} 0 R] /ToUnicode ${toUnicode} 0 R >>`);
  const kids: number[] = [];
  for (const runs of pages) {
    const ops = runs
      .map((r) => {
        const size = r.size ?? 12;
        const glyphs = [...r.text].map((c) => `<${hex(cid.get(c)!)}>`);
        const tj = r.spacing
          ? `[${glyphs.join(` -${Math.round((r.spacing / size) * 1000)} `)}] TJ`
          : `<${[...r.text].map((c) => hex(cid.get(c)!)).join('')}> Tj`;
        return `BT /F1 ${size} Tf ${r.x} ${r.y} Td ${tj} ET`;
      })
      .join('\n');
    const content = add(`<< /Length ${Buffer.byteLength(ops)} >>\nstream\n${ops}\nendstream`);
    kids.push(add(`<< /Type /Page /Parent ${pagesObj} 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 ${font} 0 R >> >> /Contents ${content} 0 R >>`));
  }
  objs[catalog - 1] = `<< /Type /Catalog /Pages ${pagesObj} 0 R >>`;
  objs[pagesObj - 1] = `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`;
  let out = '%PDF-1.7\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  objs.forEach((o, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}trailer\n<< /Size ${objs.length + 1} /Root ${catalog} 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}
