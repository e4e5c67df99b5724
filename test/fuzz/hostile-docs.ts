/**
 * Hostile documents from the issues, generated at test time (no binary fixture): a PDF whose
 * page inflates to many MB, a .docx with a huge table (rows spelled any way XML allows), a
 * .docx of 95 MB of paragraphs, an .xlsx of millions of shared strings, HTML nested deep or
 * spanning wide, and the plain-text shapes that made the importer's layers super-linear.
 */
import { crc32, deflateRawSync, deflateSync } from 'node:zlib';
import { strToU8 } from 'fflate';
import { buildDocx } from '../import/build-fixtures.ts';

/** A valid PDF whose one content stream inflates to `mb` MB of text operators. */
export function pdfBomb(mb: number): Buffer {
  const op = Buffer.from('BT /F1 12 Tf 72 720 Td (A) Tj ET\n');
  const raw = Buffer.alloc(mb * 1048576, op.toString('latin1'), 'latin1');
  const stream = deflateSync(raw, { level: 9 });
  const parts: Buffer[] = [];
  const offsets: number[] = [];
  let length = 0;
  const push = (b: Buffer | string) => {
    const buf = typeof b === 'string' ? Buffer.from(b, 'latin1') : b;
    parts.push(buf);
    length += buf.length;
  };
  push('%PDF-1.7\n');
  const obj = (n: number, body: (Buffer | string)[]) => {
    offsets[n] = length;
    push(`${n} 0 obj\n`);
    body.forEach(push);
    push('\nendobj\n');
  };
  obj(1, ['<< /Type /Catalog /Pages 2 0 R >>']);
  obj(2, ['<< /Type /Pages /Kids [3 0 R] /Count 1 >>']);
  obj(3, ['<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>']);
  obj(4, [`<< /Length ${stream.length} /Filter /FlateDecode >>\nstream\n`, stream, '\nendstream']);
  obj(5, ['<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>']);
  const xref = length;
  push(
    `xref\n0 6\n0000000000 65535 f \n${offsets
      .slice(1)
      .map((o) => `${String(o).padStart(10, '0')} 00000 n \n`)
      .join('')}trailer\n<< /Size 6 /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`,
  );
  return Buffer.concat(parts);
}

/** A .docx with one table of `rows` rows (the issue's 40 KB file had 30,000). */
export const docxRows = (rows: number) => buildDocx([{ p: '虚构局示例报告' }, { table: Array.from({ length: rows }, (_, i) => [`示例${i}`, '1']) }]);

export const htmlDeep = (depth: number) => `${'<div>'.repeat(depth)}示例`;
export const htmlSpans = (cells: number) => `<table><tr>${'<td colspan=50 rowspan=50>示例</td>'.repeat(cells)}</tr></table>`;

/** The text shapes of the issue, each `n` times (lines or repeats on one line). */
export const TEXT_CASES: Record<string, (n: number) => string> = {
  'yes , lines': (n) => 'y ,\n'.repeat(n),
  '1 lines': (n) => '1\n'.repeat(n),
  '、 lines': (n) => '、\n'.repeat(n),
  '% lines': (n) => '%\n'.repeat(n),
  '万元 lines': (n) => '万元\n'.repeat(n),
  'U+2002 cell': (n) => `| ${'\u2002'.repeat(n)} |\n`,
  '包括 run': (n) => '包括'.repeat(n),
  '总分值 run': (n) => '“甲乙”一级指标总分值 5 分'.repeat(n),
  '：甲乙项目 run': (n) => '：甲乙项目'.repeat(n),
};

/** A zip made with Node's zlib (fflate takes seconds over 95 MB). */
export function zipOf(files: Record<string, Uint8Array>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [n, raw] of Object.entries(files)) {
    const name = Buffer.from(n);
    const data = deflateRawSync(raw, { level: 9 });
    const head = Buffer.alloc(30);
    head.writeUInt32LE(0x04034b50, 0);
    head.writeUInt16LE(20, 4);
    head.writeUInt16LE(8, 8);
    head.writeUInt32LE(crc32(raw), 14);
    head.writeUInt32LE(data.length, 18);
    head.writeUInt32LE(raw.length, 22);
    head.writeUInt16LE(name.length, 26);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(8, 10);
    dir.writeUInt32LE(crc32(raw), 16);
    dir.writeUInt32LE(data.length, 20);
    dir.writeUInt32LE(raw.length, 24);
    dir.writeUInt16LE(name.length, 28);
    dir.writeUInt32LE(offset, 42);
    locals.push(head, name, data);
    centrals.push(dir, name);
    offset += head.length + name.length + data.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(files).length, 8);
  end.writeUInt16LE(Object.keys(files).length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

export const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const RELS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
export const docxOf = (documentXml: Uint8Array) =>
  zipOf({
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>',
    ),
    '_rels/.rels': strToU8(
      `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${RELS}/officeDocument" Target="word/document.xml"/></Relationships>`,
    ),
    'word/document.xml': documentXml,
  });
export const wordXml = (body: string | Buffer, decl = `xmlns:w="${W}"`) =>
  Buffer.concat([Buffer.from(`<?xml version="1.0" encoding="UTF-8"?><w:document ${decl}><w:body>`), Buffer.from(body), Buffer.from('</w:body></w:document>')]);

/** A .docx whose document.xml is `mb` MB of short paragraphs (issue 28: 95 MB in 0.3 MB, 4.2 GB in mammoth). */
export const docxParagraphs = (mb: number) => docxOf(wordXml(Buffer.alloc(mb * 1048576, '<w:p><w:r><w:t>示例</w:t></w:r></w:p>')));

/** `rows` table rows written `<w:tr\n>` (a count by spelling saw none of them). */
export const docxRowsSpelled = (rows: number) =>
  docxOf(wordXml(`<w:tbl>${'<w:tr\n><w:tc\n><w:p><w:r><w:t>1</w:t></w:r></w:p></w:tc\n></w:tr\n>'.repeat(rows)}</w:tbl>`));

/** `rows` table rows under a prefix `x` bound to WordprocessingML's namespace. */
export const docxRowsPrefixed = (rows: number) =>
  docxOf(wordXml(`<w:tbl xmlns:x="${W}">${'<x:tr><x:tc><w:p><w:r><w:t>1</w:t></w:r></w:p></x:tc></x:tr>'.repeat(rows)}</w:tbl>`));

/** A one-sheet .xlsx with `n` shared strings (issue 28: 2.3 M in 0.26 MB, 953 MB in SheetJS). */
export function xlsxSharedStrings(n: number): Buffer {
  const S = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
  return zipOf({
    '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"></Types>'),
    'xl/workbook.xml': strToU8(
      `<?xml version="1.0"?><workbook xmlns="${S}" xmlns:r="${RELS}"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${RELS}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${RELS}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    ),
    'xl/worksheets/sheet1.xml': strToU8(
      `<?xml version="1.0"?><worksheet xmlns="${S}"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData></worksheet>`,
    ),
    'xl/sharedStrings.xml': Buffer.concat([
      Buffer.from(`<?xml version="1.0"?><sst xmlns="${S}">`),
      Buffer.alloc(n * 17, '<si><t>a</t></si>'),
      Buffer.from('</sst>'),
    ]),
  });
}

const fill = (n: number, s: string) => s.repeat(Math.ceil(n / s.length)).slice(0, n);
/** 29,999 lines of numbers, 16 MB (issue 28: 1.56 GB, 53 s). */
export const numberLines = (lines = 29_999) => Array.from({ length: lines }, (_, i) => fill(560, `${i} 12.5 `)).join('\n');
/** Lines of 9,990 characters of one phrase, under the line limit, ~17 MB (issue 28: up to 833 MB, 2.9 s a MB here). */
export const longLines = (phrase: string, lines = 600) => Array.from({ length: lines }, () => fill(9_990, phrase)).join('\n');
