/**
 * What an attachment is, by its bytes rather than its name: an executable named setup.pdf or an
 * HTML page named pic.jpg would be published under a name readers trust. Each accepted type has
 * its signature — PDF `%PDF-` (in the first 1,024 bytes, as readers accept it), OFD a zip holding
 * OFD.xml, Word/Excel either the old OLE container or an Office zip ([Content_Types].xml and
 * word/ or xl/), PNG, JPEG, GIF and WebP their magic numbers. A type site.yaml adds has no known
 * signature: it is refused only when it is plainly a program or a web page.
 */
import { readSync } from 'node:fs';

/** Reads `length` bytes at `position` (fewer at the end of the file). */
export type ReadAt = (position: number, length: number) => Buffer;

export const readAtFd =
  (fd: number): ReadAt =>
  (position, length) => {
    const buf = Buffer.alloc(length);
    let got = 0;
    while (got < length) {
      const n = readSync(fd, buf, got, length - got, position + got);
      if (n === 0) break;
      got += n;
    }
    return buf.subarray(0, got);
  };

export const readAtBuffer =
  (bytes: Buffer): ReadAt =>
  (position, length) =>
    bytes.subarray(position, position + length);

const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** The names in a zip's central directory, or undefined when it is not a zip (or not a plain one). */
function zipNames(read: ReadAt, size: number): string[] | undefined {
  const tailLength = Math.min(size, 22 + 0xffff);
  const tail = read(size - tailLength, tailLength);
  let eocd = -1;
  for (let i = tail.length - 22; i >= 0; i--)
    if (tail.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  if (eocd < 0) return undefined;
  const count = tail.readUInt16LE(eocd + 10);
  const cdSize = tail.readUInt32LE(eocd + 12);
  const cdOffset = tail.readUInt32LE(eocd + 16);
  if (cdSize > 16 * 1024 * 1024 || cdOffset + cdSize > size) return undefined;
  const cd = read(cdOffset, cdSize);
  const names: string[] = [];
  for (let p = 0, i = 0; i < count && p + 46 <= cd.length; i++) {
    if (cd.readUInt32LE(p) !== 0x02014b50) return undefined;
    const nameLen = cd.readUInt16LE(p + 28);
    names.push(cd.toString('utf8', p + 46, p + 46 + nameLen));
    p += 46 + nameLen + cd.readUInt16LE(p + 30) + cd.readUInt16LE(p + 32);
  }
  return names;
}

/** What the bytes look like, in staff's words. */
function lookslike(head: Buffer, names: string[] | undefined): string {
  const text = head
    .toString('latin1')
    .replace(/^\uFEFF|^ï»¿/, '')
    .trimStart()
    .toLowerCase();
  if (head.subarray(0, 2).toString('latin1') === 'MZ') return 'Windows 可执行程序';
  if (head.subarray(0, 4).toString('latin1') === '\x7fELF') return 'Linux 可执行程序';
  if (text.startsWith('#!')) return '脚本程序';
  if (/^<(?:!doctype html|html|head|body|script|iframe|svg|\?xml)/.test(text)) return text.includes('<svg') ? 'SVG 图像（可含脚本）' : '网页（HTML）';
  if (head.indexOf('%PDF-') >= 0) return 'PDF 文件';
  if (names) return names.includes('OFD.xml') ? 'OFD 文件' : names.includes('[Content_Types].xml') ? 'Office 文件' : 'zip 压缩包';
  if (head.subarray(0, 8).equals(OLE)) return '旧版 Office 文件';
  if (head.subarray(0, 8).equals(PNG)) return 'PNG 图像';
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'JPEG 图像';
  if (head.length === 0) return '空文件';
  return '无法识别的内容';
}

const isZipWith = (names: string[] | undefined, test: (names: string[]) => boolean) => names !== undefined && test(names);
const office = (names: string[], folder: string) => names.includes('[Content_Types].xml') && names.some((n) => n.startsWith(folder));

/** undefined when the bytes are what `ext` says; else what they look like (E_ATTACHMENT_CONTENT). */
export function contentMismatch(ext: string, read: ReadAt, size: number): { expected: string; found: string } | undefined {
  const head = read(0, Math.min(size, 1024));
  let names: string[] | undefined | null = null;
  const zip = () => (names === null ? (names = size >= 22 ? zipNames(read, size) : undefined) : names);
  const starts = (magic: Buffer | string) => head.subarray(0, magic.length).equals(Buffer.isBuffer(magic) ? magic : Buffer.from(magic, 'latin1'));
  const check: Record<string, [string, () => boolean]> = {
    pdf: ['PDF 文件', () => head.indexOf('%PDF-') >= 0],
    ofd: ['OFD 文件', () => isZipWith(zip(), (n) => n.includes('OFD.xml'))],
    docx: ['Word 文件（.docx）', () => isZipWith(zip(), (n) => office(n, 'word/'))],
    doc: ['Word 文件', () => starts(OLE) || isZipWith(zip(), (n) => office(n, 'word/'))],
    wps: ['WPS 文字文件', () => starts(OLE) || isZipWith(zip(), (n) => office(n, 'word/'))],
    xlsx: ['Excel 文件（.xlsx）', () => isZipWith(zip(), (n) => office(n, 'xl/'))],
    xls: ['Excel 文件', () => starts(OLE) || isZipWith(zip(), (n) => office(n, 'xl/'))],
    et: ['WPS 表格文件', () => starts(OLE) || isZipWith(zip(), (n) => office(n, 'xl/'))],
    png: ['PNG 图像', () => starts(PNG)],
    jpg: ['JPEG 图像', () => head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff],
    jpeg: ['JPEG 图像', () => head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff],
    gif: ['GIF 图像', () => starts('GIF87a') || starts('GIF89a')],
    webp: ['WebP 图像', () => starts('RIFF') && head.subarray(8, 12).toString('latin1') === 'WEBP'],
  };
  const known = check[ext];
  if (known) return known[1]() ? undefined : { expected: known[0], found: lookslike(head, zip()) };
  const found = lookslike(head, undefined);
  return /程序|网页|SVG/.test(found) ? { expected: `.${ext} 文件`, found } : undefined;
}
