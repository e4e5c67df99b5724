/**
 * A minimal Office Open XML workbook writer (what an .xlsx is: a zip of XML parts). SheetJS wrote
 * the open-data workbook until it took much of the time and memory of a 10,000-report build
 * (cell objects, its own XML builder, its own deflate); the workbook needs only text cells, number
 * cells with a format, column widths and the document's title and dates, so it is written here
 * as strings and zipped with yazl (zlib's deflate). SheetJS still reads it back in the tests.
 */
import yazl from 'yazl';
import { xmlEscape } from './xml.ts';

export type XlsxCell = { text: string } | { number: number; format: string } | undefined;

export interface XlsxSheet {
  name: string;
  /** Column widths in characters. */
  widths: number[];
  rows: Iterable<XlsxCell[]>;
}

export interface XlsxProps {
  title: string;
  subject: string;
  /** Created and modified: the content's date, never the clock, so the bytes stay the same. */
  date: Date;
}

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/**
 * Text as XML character data. Characters XML 1.0 cannot hold (control characters) are written
 * the way Excel writes them, _xHHHH_, and a literal "_xHHHH_" in the text is escaped so that it
 * reads back as itself.
 */
export function xmlText(s: string): string {
  const kept = s
    .replace(/_x[0-9A-Fa-f]{4}_/g, (m) => `_x005F${m}`)
    .replace(/[\x00-\x08\x0B-\x1F\uFFFE\uFFFF]/g, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`);
  return xmlEscape(kept);
}

/** A1-style column name: 0 → A, 25 → Z, 26 → AA. */
export function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/** The workbook's bytes. Entries, order and dates are fixed: the same sheets give the same bytes. */
export async function writeXlsx(sheets: XlsxSheet[], props: XlsxProps): Promise<Uint8Array> {
  const strings = new Map<string, number>();
  const formats = new Map<string, number>(); // format code → style index (1-based; 0 is the default style)
  const stringIndex = (s: string) => {
    let i = strings.get(s);
    if (i === undefined) strings.set(s, (i = strings.size));
    return i;
  };
  const styleIndex = (format: string) => {
    let i = formats.get(format);
    if (i === undefined) formats.set(format, (i = formats.size + 1));
    return i;
  };
  const sheetXml = sheets.map((sheet) => worksheet(sheet, stringIndex, styleIndex));

  const parts: [string, string | Buffer][] = [
    ['[Content_Types].xml', contentTypes(sheets.length)],
    [
      '_rels/.rels',
      rels([
        ['officeDocument', 'xl/workbook.xml'],
        ['metadata/core-properties', 'docProps/core.xml', PKG_REL],
      ]),
    ],
    ['docProps/core.xml', core(props)],
    ['xl/workbook.xml', workbook(sheets)],
    [
      'xl/_rels/workbook.xml.rels',
      rels([
        ...sheets.map((_, i): [string, string] => ['worksheet', `worksheets/sheet${i + 1}.xml`]),
        ['styles', 'styles.xml'],
        ['sharedStrings', 'sharedStrings.xml'],
      ]),
    ],
    ['xl/styles.xml', styles([...formats.keys()])],
    ['xl/sharedStrings.xml', sharedStrings([...strings.keys()])],
    ...sheetXml.map((xml, i): [string, Buffer] => [`xl/worksheets/sheet${i + 1}.xml`, xml]),
  ];
  return zip(parts, props.date);
}

function worksheet(sheet: XlsxSheet, stringIndex: (s: string) => number, styleIndex: (f: string) => number): Buffer {
  // Only ASCII goes into a sheet (indexes into the shared strings, numbers, cell references), so
  // it is encoded a byte a character, a megabyte at a time: one string of a large site's sheet
  // would pass what a JavaScript string can hold (~512 MB), a Buffer holds gigabytes.
  const chunks: Buffer[] = [];
  let pending = '';
  const letters: string[] = [];
  let rowCount = 0;
  let width = sheet.widths.length;
  for (const cells of sheet.rows) {
    const r = ++rowCount;
    let row = `<row r="${r}">`;
    for (let j = 0; j < cells.length; j++) {
      const cell = cells[j];
      if (!cell) continue;
      if (j >= width) width = j + 1;
      const ref = (letters[j] ??= columnName(j)) + r;
      row +=
        'text' in cell ? `<c r="${ref}" t="s"><v>${stringIndex(cell.text)}</v></c>` : `<c r="${ref}" s="${styleIndex(cell.format)}"><v>${cell.number}</v></c>`;
    }
    pending += `${row}</row>`;
    if (pending.length > 1 << 20) {
      chunks.push(Buffer.from(pending, 'latin1'));
      pending = '';
    }
  }
  chunks.push(Buffer.from(`${pending}</sheetData></worksheet>`, 'latin1'));
  const cols = sheet.widths.map((w, j) => `<col min="${j + 1}" max="${j + 1}" width="${w}" customWidth="1"/>`).join('');
  const dimension = rowCount ? `A1:${columnName(Math.max(width, 1) - 1)}${rowCount}` : 'A1';
  const head = `${XML}<worksheet xmlns="${NS}" xmlns:r="${REL}"><dimension ref="${dimension}"/>${cols ? `<cols>${cols}</cols>` : ''}<sheetData>`;
  return Buffer.concat([Buffer.from(head, 'utf8'), ...chunks]);
}

/**
 * UTF-8 bytes of many pieces, joined a few thousand at a time: one string of a large site's
 * shared strings could pass what a JavaScript string can hold (~512 MB), a Buffer holds gigabytes.
 */
function bytesOf(pieces: string[]): Buffer {
  const chunks: Buffer[] = [];
  for (let i = 0; i < pieces.length; i += 4096) chunks.push(Buffer.from(pieces.slice(i, i + 4096).join(''), 'utf8'));
  return Buffer.concat(chunks);
}

function contentTypes(sheetCount: number): string {
  const sheet = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';
  const overrides = [
    ['/xl/workbook.xml', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml'],
    ...Array.from({ length: sheetCount }, (_, i) => [`/xl/worksheets/sheet${i + 1}.xml`, sheet]),
    ['/xl/styles.xml', 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml'],
    ['/xl/sharedStrings.xml', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml'],
    ['/docProps/core.xml', 'application/vnd.openxmlformats-package.core-properties+xml'],
  ];
  return (
    `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    overrides.map(([part, type]) => `<Override PartName="${part}" ContentType="${type}"/>`).join('') +
    '</Types>'
  );
}

/** A relationships part: [type, target, namespace of the type]. */
function rels(list: [string, string, string?][]): string {
  const items = list.map(([type, target, base], i) => `<Relationship Id="rId${i + 1}" Type="${base ?? REL}/${type}" Target="${target}"/>`);
  return `${XML}<Relationships xmlns="${PKG_REL}">${items.join('')}</Relationships>`;
}

function core(props: XlsxProps): string {
  const when = props.date.toISOString().replace(/\.\d{3}Z$/, 'Z');
  return (
    `${XML}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
    `<dc:title>${xmlText(props.title)}</dc:title><dc:subject>${xmlText(props.subject)}</dc:subject>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified>` +
    '</cp:coreProperties>'
  );
}

function workbook(sheets: XlsxSheet[]): string {
  const list = sheets.map((s, i) => `<sheet name="${xmlText(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('');
  return `${XML}<workbook xmlns="${NS}" xmlns:r="${REL}"><sheets>${list}</sheets></workbook>`;
}

/** Style 0 is the default; style k (1-based) shows numbers with the k-th format (custom ids from 164). */
function styles(formats: string[]): string {
  const numFmts = formats.map((f, i) => `<numFmt numFmtId="${164 + i}" formatCode="${xmlText(f)}"/>`).join('');
  const xfs = formats.map((_, i) => `<xf numFmtId="${164 + i}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>`).join('');
  return (
    `${XML}<styleSheet xmlns="${NS}">` +
    (formats.length ? `<numFmts count="${formats.length}">${numFmts}</numFmts>` : '') +
    '<fonts count="1"><font><sz val="11"/><name val="等线"/><family val="2"/><charset val="134"/></font></fonts>' +
    '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
    `<cellXfs count="${formats.length + 1}"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>${xfs}</cellXfs>` +
    '<cellStyles count="1"><cellStyle name="常规" xfId="0" builtinId="0"/></cellStyles>' +
    '</styleSheet>'
  );
}

function sharedStrings(list: string[]): Buffer {
  const items = list.map((s) => (/^\s|\s$/.test(s) ? `<si><t xml:space="preserve">${xmlText(s)}</t></si>` : `<si><t>${xmlText(s)}</t></si>`));
  return bytesOf([`${XML}<sst xmlns="${NS}" count="${list.length}" uniqueCount="${list.length}">`, ...items, '</sst>']);
}

/** The parts zipped in order, each dated the workbook's date (DOS dates have no zone: its calendar day, 00:00). */
async function zip(parts: [string, string | Buffer][], date: Date): Promise<Uint8Array> {
  const file = new yazl.ZipFile();
  const mtime = new Date(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
  for (const [name, body] of parts)
    file.addBuffer(typeof body === 'string' ? Buffer.from(body, 'utf8') : body, name, { mtime, forceDosTimestamp: true, compress: true, mode: 0o100644 });
  file.end();
  const chunks: Buffer[] = [];
  for await (const chunk of file.outputStream) chunks.push(chunk as Buffer);
  return new Uint8Array(Buffer.concat(chunks));
}
