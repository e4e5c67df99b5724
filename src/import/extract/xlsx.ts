/**
 * .xlsx / .xls → text lines with SheetJS (@e965/xlsx, the npm build of SheetJS 0.20.3): each
 * sheet's name, then its rows as pipe rows, the text of each cell as the sheet shows it
 * ("387,664.62", "100%"), merged cells kept as empty cells so columns stay in place. An .xlsx
 * is a zip and passes the same zip guard and limits as a .docx; rows and cells are capped.
 */
import { ImportError } from '../errors.ts';
import { say } from '../../errors/user-error.ts';
import { MAX_SHEET_CELLS, MAX_SHEET_ROWS } from '../limits.ts';
import { xlsxPart, xlsxPrecheck } from './office-precheck.ts';
import { checkZip } from './zip-guard.ts';

export async function xlsxToLines(buf: Buffer, file: string): Promise<string[]> {
  const isZip = buf[0] === 0x50 && buf[1] === 0x4b;
  const isCfb = buf[0] === 0xd0 && buf[1] === 0xcf && buf[2] === 0x11 && buf[3] === 0xe0;
  if (isZip) {
    const zip = checkZip(buf, { label: '.xlsx', keep: xlsxPart });
    if (!zip.ok) throw new ImportError(file, zip.reason);
    if (!zip.entries.some((e) => e.startsWith('xl/'))) throw new ImportError(file, say('IMPORT_NOT_XLSX'));
    const tooBig = xlsxPrecheck(zip.parts);
    if (tooBig) throw new ImportError(file, tooBig);
  } else if (!isCfb) throw new ImportError(file, say('IMPORT_NOT_EXCEL'));
  const XLSX = await import('@e965/xlsx');
  let wb;
  try {
    wb = XLSX.read(buf, { type: 'buffer', dense: true, sheetRows: MAX_SHEET_ROWS, cellFormula: false, cellHTML: false, cellStyles: false, bookVBA: false });
  } catch {
    // SheetJS's messages are English and name its internals: nothing staff could act on.
    throw new ImportError(file, say('IMPORT_XLSX_BROKEN'));
  }
  const lines: string[] = [];
  let cells = 0;
  for (const name of wb.SheetNames) {
    const ws = wb.Sheets[name];
    if (!ws) continue;
    const rows = XLSX.utils.sheet_to_json<unknown[]>(ws, { header: 1, raw: false, defval: '', blankrows: false });
    if (!rows.length) continue;
    if (wb.SheetNames.length > 1) lines.push(`工作表：${name}`);
    for (const row of rows) {
      const texts = row.map((c) =>
        String(c ?? '')
          .replace(/\s+/g, ' ')
          .trim()
          .replace(/\|/g, '\\|'),
      );
      while (texts.length && !texts.at(-1)) texts.pop();
      if (!texts.length) continue;
      cells += texts.length;
      if (cells > MAX_SHEET_CELLS) throw new ImportError(file, say('IMPORT_XLSX_CELLS', { max: MAX_SHEET_CELLS }));
      lines.push(texts.length === 1 ? texts[0]! : `| ${texts.join(' | ')} |`);
    }
  }
  if (!lines.length) throw new ImportError(file, say('IMPORT_XLSX_EMPTY'));
  return lines;
}
