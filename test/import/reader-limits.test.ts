/**
 * Issue 28, points 3, 4 and 9 (importer): every input read in a capped child process after a
 * streaming, namespace-aware pre-check. The hostile files are generated here; each import runs
 * as `jixiao import` would, in a fresh process (import-peak.ts), so its memory is measured whole.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';
import { strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImportError, importFile } from '../../src/import/index.ts';
import { buildPdf } from './build-fixtures.ts';
import { importPeak, type Peak } from '../helpers/import-peak.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'jixiao-reader-limits-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));
const put = async (name: string, data: Buffer | string) => {
  const p = join(dir, name);
  await writeFile(p, data);
  return p;
};

/** A zip made with Node's zlib (fflate takes seconds over 95 MB). */
function zipOf(files: Record<string, Uint8Array>): Buffer {
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

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const S = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const RELS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const docxOf = (documentXml: Uint8Array) =>
  zipOf({
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>',
    ),
    '_rels/.rels': strToU8(
      `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${RELS}/officeDocument" Target="word/document.xml"/></Relationships>`,
    ),
    'word/document.xml': documentXml,
  });
const wordXml = (body: string | Buffer, decl = `xmlns:w="${W}"`) =>
  Buffer.concat([Buffer.from(`<?xml version="1.0" encoding="UTF-8"?><w:document ${decl}><w:body>`), Buffer.from(body), Buffer.from('</w:body></w:document>')]);

/** Refused with one Chinese line naming the file and `limit`, within 512 MB and 2 s a MB (at least 2 s). */
function refusedWithin(o: Peak, file: string, limit: RegExp, mb: number) {
  expect(o.stderr).not.toMatch(/heap out of memory|FATAL ERROR/);
  expect(o.result, o.message).toBe('refused');
  expect(o.message).toMatch(new RegExp(`^${file.replace('.', '\\.')}：[^\\n]+$`));
  expect(o.message).toMatch(limit);
  expect(o.cpuSeconds, `${o.cpuSeconds.toFixed(2)} s of CPU`).toBeLessThanOrEqual(Math.max(2, mb * 2));
  expect(o.peakMB).toBeLessThanOrEqual(512);
  expect(o.childPeakMB).toBeLessThanOrEqual(512);
}

describe('.docx pre-check, counted by a real XML tokenizer', () => {
  it('a 0.3 MB .docx of 95 MB of <w:p> paragraphs is refused at the paragraph limit (it took 4.2 GB)', async () => {
    const xml = wordXml(Buffer.alloc(95 * 1048576, '<w:p><w:r><w:t>示例</w:t></w:r></w:p>'));
    const bytes = docxOf(xml);
    const o = await importPeak(await put('paragraphs.docx', bytes), { display: 'paragraphs.docx' });
    refusedWithin(o, 'paragraphs.docx', /超过 30,000 个段落/, bytes.length / 1048576);
  });

  it('30,000 rows written <w:tr\\n> are rows (the count by spelling let them through)', async () => {
    const row = '<w:tr\n><w:tc\n><w:p><w:r><w:t>1</w:t></w:r></w:p></w:tc\n></w:tr\n>';
    const bytes = docxOf(wordXml(`<w:tbl>${row.repeat(30_000)}</w:tbl>`));
    const o = await importPeak(await put('rows-newline.docx', bytes), { display: 'rows-newline.docx' });
    refusedWithin(o, 'rows-newline.docx', /超过 5,000 行/, bytes.length / 1048576);
  });

  it('30,000 rows under another prefix bound to the same namespace are rows too', async () => {
    const row = '<x:tr><x:tc><w:p><w:r><w:t>1</w:t></w:r></w:p></x:tc></x:tr>';
    const bytes = docxOf(wordXml(`<w:tbl xmlns:x="${W}">${row.repeat(30_000)}</w:tbl>`));
    const o = await importPeak(await put('rows-prefix.docx', bytes), { display: 'rows-prefix.docx' });
    refusedWithin(o, 'rows-prefix.docx', /超过 5,000 行/, bytes.length / 1048576);
  });

  it('an element named tr in another namespace is not a row', async () => {
    const other = '<o:tr xmlns:o="urn:example:other"/>'.repeat(6_000);
    const file = await put('other-ns.docx', docxOf(wordXml(`<w:p><w:r><w:t>虚构局示例报告</w:t></w:r></w:p>${other}`)));
    const r = await importFile(file, 'other-ns.docx');
    expect(r.draft).toBeTruthy();
  });

  it('a .docx that passes the pre-check but not the reader’s heap is one Chinese line, not a V8 stack', async () => {
    // 16,000 formatted paragraphs (350,000 elements, 5 MB of XML): mammoth needs ~500 MB for them.
    const rpr = '<w:rPr><w:rFonts w:ascii="宋体"/><w:b/><w:sz w:val="24"/></w:rPr>';
    const para = (i: number) =>
      `<w:p><w:pPr><w:jc w:val="both"/></w:pPr><w:r>${rpr}<w:t>示例段落文字示例段落文字示例段落文字示例段落文字${i}</w:t></w:r><w:r>${rpr}<w:t>。</w:t></w:r></w:p>`;
    const bytes = docxOf(wordXml(Array.from({ length: 16_000 }, (_, i) => para(i)).join('')));
    // The importing process itself gets a small heap: before, mammoth ran in it and V8 aborted.
    const o = await importPeak(await put('heavy.docx', bytes), { display: 'heavy.docx', heapMB: 200 });
    expect(o.stderr).not.toMatch(/heap out of memory|FATAL ERROR/);
    expect(o.result, o.message).toBe('refused');
    expect(o.message).toMatch(/^heavy\.docx：Word 文档过于复杂，[^\n]*(内存上限|秒内未能读完)/);
    expect(o.peakMB).toBeLessThanOrEqual(512);
  });
});

describe('.xlsx pre-check', () => {
  const xlsxOf = (parts: Record<string, Uint8Array>) =>
    zipOf({
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
      ...parts,
    });

  it('2.3 M shared strings in 0.1 MB are refused at the shared-string limit (they took 953 MB)', async () => {
    const sst = Buffer.concat([
      Buffer.from(`<?xml version="1.0"?><sst xmlns="${S}">`),
      Buffer.alloc(2_300_000 * 17, '<si><t>a</t></si>'),
      Buffer.from('</sst>'),
    ]);
    const bytes = xlsxOf({ 'xl/sharedStrings.xml': sst });
    const o = await importPeak(await put('strings.xlsx', bytes), { display: 'strings.xlsx' });
    refusedWithin(o, 'strings.xlsx', /超过 200,000 个共享字符串/, bytes.length / 1048576);
  });

  it('an .xlsx past the inflated-size cap is called .xlsx, not .docx', async () => {
    // One entry that declares 120 MB: refused from the zip directory, before anything inflates.
    const data = deflateRawSync(Buffer.alloc(1024, 'a'));
    const name = Buffer.from('xl/big.xml');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(120 * 1048576, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(120 * 1048576, 24);
    central.writeUInt16LE(name.length, 28);
    const cdOffset = local.length + name.length + data.length;
    const eocd = Buffer.alloc(22);
    eocd.writeUInt32LE(0x06054b50, 0);
    eocd.writeUInt16LE(1, 8);
    eocd.writeUInt16LE(1, 10);
    eocd.writeUInt32LE(central.length + name.length, 12);
    eocd.writeUInt32LE(cdOffset, 16);
    const file = await put('big.xlsx', Buffer.concat([local, name, data, central, name, eocd]));
    const err = await importFile(file, 'big.xlsx').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImportError);
    expect((err as Error).message).toBe('big.xlsx：.xlsx 解压后超过 100 MB 上限。');
  });
});

describe('PDF and messages', () => {
  it('a PDF over 500 pages is read to page 500 with a 待核对 line saying so', async () => {
    const pages = Array.from({ length: 503 }, (_, i) => [{ text: `第${i + 1}页`, x: 72, y: 720 }]);
    const r = await importFile(await put('long.pdf', buildPdf(pages)), 'long.pdf');
    expect(r.review.map((i) => i.message)).toContain('PDF 共 503 页，只读取了前 500 页；第 501 页起的内容未导入，请核对。');
    expect(r.yaml).toContain('PDF 共 503 页');
  });

  it('a broken PDF is named in Chinese, without pdf.js’s “Invalid PDF structure.”', async () => {
    const err = await importFile(await put('bad.pdf', '%PDF-1.7\nnot a pdf at all\n'), 'bad.pdf').catch((e: unknown) => e);
    expect((err as Error).message).toBe('bad.pdf：PDF 无法解析：文件结构无效，可能已损坏或不完整。');
  });

  it('a damaged workbook is named in Chinese, without SheetJS’s English', async () => {
    const bytes = Buffer.from(zipSync({ 'xl/workbook.xml': strToU8('<workbook><sheets><sheet name="S" sheetId="1" r:id="rId9"/></sheets></workbook>') }));
    const err = await importFile(await put('damaged.xlsx', bytes), 'damaged.xlsx').catch((e: unknown) => e);
    const message = (err as Error).message ?? '';
    expect(message).toMatch(/^damaged\.xlsx：/);
    expect(message.replace(/damaged\.xlsx|Excel|\.xlsx/g, '')).not.toMatch(/[A-Za-z]{3,}/);
  });
});
