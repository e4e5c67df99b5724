/**
 * Hostile documents from the issue, generated at test time (no binary fixture): a PDF whose
 * page inflates to many MB, a .docx with a huge table, HTML nested deep or spanning wide, and
 * the plain-text shapes that made the importer's layers super-linear.
 */
import { deflateSync } from 'node:zlib';
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
