/**
 * Issue 28, points 3, 4 and 9 (importer): every input read in a capped child process after a
 * streaming, namespace-aware pre-check. The hostile files are generated here; each import runs
 * as `jixiao import` would, in a fresh process (import-peak.ts), so its memory is measured whole.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImportError, importFile } from '../../src/import/index.ts';
import { say, sentence } from '../../src/errors/user-error.ts';
import { buildPdf } from './build-fixtures.ts';
import { importPeak, type Peak } from '../helpers/import-peak.ts';
import { docxOf, docxParagraphs, pdfBomb, docxRowsPrefixed, docxRowsSpelled, wordXml, xlsxSharedStrings } from '../fuzz/hostile-docs.ts';

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
    const bytes = docxParagraphs(95);
    const o = await importPeak(await put('paragraphs.docx', bytes), { display: 'paragraphs.docx' });
    refusedWithin(o, 'paragraphs.docx', /超过 30,000 个段落/, bytes.length / 1048576);
  });

  it('30,000 rows written <w:tr\\n> are rows (the count by spelling let them through)', async () => {
    const bytes = docxRowsSpelled(30_000);
    const o = await importPeak(await put('rows-newline.docx', bytes), { display: 'rows-newline.docx' });
    refusedWithin(o, 'rows-newline.docx', /超过 5,000 行/, bytes.length / 1048576);
  });

  it('30,000 rows under another prefix bound to the same namespace are rows too', async () => {
    const bytes = docxRowsPrefixed(30_000);
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
  it('2.3 M shared strings in 0.1 MB are refused at the shared-string limit (they took 953 MB)', async () => {
    const bytes = xlsxSharedStrings(2_300_000);
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
  it('a 0.3 MB PDF inflating to 100 MB is refused by the pre-check, before pdf.js runs to the memory cap', async () => {
    const bytes = pdfBomb(100);
    const o = await importPeak(await put('bomb.pdf', bytes), { display: 'bomb.pdf' });
    refusedWithin(o, 'bomb.pdf', /PDF 的内容解压后超过 64 MB/, bytes.length / 1048576);
  });

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

  it('a file that cannot be read is named in Chinese, never by the system’s code (ENXIO, EACCES)', async () => {
    for (const code of ['ENXIO', 'EACCES', 'EPERM', 'EIO', 'ELOOP', 'EISDIR', 'EXDEV', undefined]) {
      expect(sentence(say('IMPORT_READ_FAILED', { code })), String(code)).not.toMatch(/[A-Za-z]/);
    }
    const err = await importFile(dir + '/nowhere/x.txt', 'x.txt').catch((e: unknown) => e);
    expect((err as Error).message).toBe('x.txt：文件不存在。');
    await mkdir(join(dir, 'folder.txt'));
    const folder = await importFile(join(dir, 'folder.txt'), 'a.txt').catch((e: unknown) => e);
    expect((folder as Error).message).toMatch(/^a\.txt：(不是文件。|这是一个文件夹，不是文件。)$/);
  });
});
