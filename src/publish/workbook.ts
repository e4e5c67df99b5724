/**
 * data/reports.xlsx: the two open-data tables as one Excel workbook, where finance staff and
 * auditors work. A sheet per table with the Chinese headers of tables.ts, numbers stored as
 * numbers shown with the decimals the report wrote (100.00 stays 100.00), text always stored as
 * text (a cell is never a formula, whatever it starts with), a sheet explaining every column.
 * Byte-identical for the same content: the workbook's dates come from the data, not the clock.
 */
import * as XLSX from '@e965/xlsx';
import type { LoadedReport } from '../validate/index.ts';
import { newestFirst, reportDate } from './dates.ts';
import { INDICATOR_COLUMNS, REPORT_COLUMNS, indicatorRows, type Column } from './tables.ts';
import { memoBy } from './memo.ts';

export const WORKBOOK_PATH = 'data/reports.xlsx';
export const XLSX_MEDIATYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const SHEETS = { reports: '报告一览', indicators: '指标明细', columns: '列说明' } as const;

/** A cell as SheetJS wants it: numbers typed n with the written decimals as their format. */
function cell(type: Column<unknown>['type'], value: string | number | undefined): XLSX.CellObject | undefined {
  if (value === undefined || value === '') return undefined;
  const text = String(value);
  if ((type === 'number' || type === 'integer') && /^-?\d+(\.\d+)?$/.test(text)) {
    const decimals = text.includes('.') ? text.length - text.indexOf('.') - 1 : 0;
    return { t: 'n', v: Number(text), z: decimals ? `0.${'0'.repeat(decimals)}` : '0' };
  }
  return { t: 's', v: text };
}

function sheet<Row>(columns: Column<Row>[], rows: Row[]): XLSX.WorkSheet {
  const ws: XLSX.WorkSheet = {};
  columns.forEach((c, j) => {
    ws[XLSX.utils.encode_cell({ r: 0, c: j })] = { t: 's', v: c.name };
  });
  rows.forEach((row, i) =>
    columns.forEach((c, j) => {
      const v = cell(c.type, c.value(row));
      if (v) ws[XLSX.utils.encode_cell({ r: i + 1, c: j })] = v;
    }),
  );
  ws['!ref'] = XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: rows.length, c: columns.length - 1 } });
  ws['!cols'] = columns.map((c) => ({ wch: Math.min(40, Math.max(8, c.name.length * 2 + 2)) }));
  return ws;
}

/** The date the workbook stands for: the newest report's 发布日期 (or its year's end), at midnight UTC. */
export function workbookDate(reports: readonly LoadedReport[]): Date {
  const newest = [...reports].sort(newestFirst)[0];
  return new Date(`${newest ? reportDate(newest) : '2000-01-01'}T00:00:00Z`);
}

export const reportsWorkbook = memoBy(makeWorkbook);

function makeWorkbook(reports: LoadedReport[], opts: { title: string }): Uint8Array {
  const wb = XLSX.utils.book_new();
  const date = workbookDate(reports);
  wb.Props = { Title: opts.title, Subject: '绩效自评报告开放数据', CreatedDate: date, ModifiedDate: date };
  XLSX.utils.book_append_sheet(wb, sheet(REPORT_COLUMNS, reports), SHEETS.reports);
  XLSX.utils.book_append_sheet(wb, sheet(INDICATOR_COLUMNS, reports.flatMap(indicatorRows)), SHEETS.indicators);
  const explain = [
    ...REPORT_COLUMNS.map((c) => [SHEETS.reports, c.name, TYPE[c.type], c.description]),
    ...INDICATOR_COLUMNS.map((c) => [SHEETS.indicators, c.name, TYPE[c.type], c.description]),
  ];
  const cols: Column<string[]>[] = ['工作表', '列名', '类型', '说明'].map((name, j) => ({ name, type: 'string', description: '', value: (r) => r[j] }));
  XLSX.utils.book_append_sheet(wb, sheet(cols, explain), SHEETS.columns);
  const bytes = new Uint8Array(XLSX.write(wb, { type: 'buffer', bookType: 'xlsx', compression: true }) as Buffer);
  return stampZipDates(bytes, date);
}

/**
 * SheetJS leaves every zip entry dated 0 (shown as 1980-00-00, not a valid date): give each the
 * workbook's date, in the local headers and the central directory, so the file is still the same
 * bytes for the same content and unzip tools show a real date.
 */
export function stampZipDates(zip: Uint8Array, date: Date): Uint8Array {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let eocd = zip.length - 22;
  while (eocd >= 0 && view.getUint32(eocd, true) !== 0x06054b50) eocd--;
  if (eocd < 0) throw new Error('workbook: no zip end record');
  const dosDate = ((date.getUTCFullYear() - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate();
  let at = view.getUint32(eocd + 16, true);
  for (let i = view.getUint16(eocd + 10, true); i > 0; i--) {
    if (view.getUint32(at, true) !== 0x02014b50) throw new Error('workbook: bad zip directory');
    view.setUint16(at + 12, 0, true);
    view.setUint16(at + 14, dosDate, true);
    const local = view.getUint32(at + 42, true);
    view.setUint16(local + 10, 0, true);
    view.setUint16(local + 12, dosDate, true);
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return zip;
}

const TYPE = { string: '文本', integer: '整数', number: '数值', date: '日期' } as const;
