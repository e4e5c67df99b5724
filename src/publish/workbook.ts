/**
 * data/reports.xlsx: the two open-data tables as one Excel workbook, where finance staff and
 * auditors work. A sheet per table with the Chinese headers of tables.ts, numbers stored as
 * numbers shown with the decimals the report wrote (100.00 stays 100.00), text always stored as
 * text (a cell is never a formula, whatever it starts with), a sheet explaining every column.
 * Byte-identical for the same content: the workbook's dates come from the data, not the clock.
 * Written by xlsx.ts.
 */
import type { LoadedReport } from '../validate/index.ts';
import { newestFirst, reportDate } from './dates.ts';
import { memoBy } from './memo.ts';
import { INDICATOR_COLUMNS, REPORT_COLUMNS, indicatorRows, type Column } from './tables.ts';
import { writeXlsx, type XlsxCell, type XlsxSheet } from './xlsx.ts';

export const XLSX_MEDIATYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const SHEETS = { reports: '报告一览', indicators: '指标明细', columns: '列说明' } as const;

/** A cell: numbers stored as numbers, shown with the decimals written; anything else as text. */
function cell(type: Column<unknown>['type'], value: string | number | undefined): XlsxCell {
  if (value === undefined || value === '') return undefined;
  const text = String(value);
  if ((type === 'number' || type === 'integer') && /^-?\d+(\.\d+)?$/.test(text)) {
    const decimals = text.includes('.') ? text.length - text.indexOf('.') - 1 : 0;
    return { number: Number(text), format: decimals ? `0.${'0'.repeat(decimals)}` : '0' };
  }
  return { text };
}

/** A sheet: the column names, then a row per row, made as the workbook is written. */
function sheet<Row>(name: string, columns: Column<Row>[], rows: Row[]): XlsxSheet {
  return {
    name,
    widths: columns.map((c) => Math.min(40, Math.max(8, c.name.length * 2 + 2))),
    rows: (function* () {
      yield columns.map((c) => ({ text: c.name }));
      for (const row of rows) yield columns.map((c) => cell(c.type, c.value(row)));
    })(),
  };
}

/** The date the workbook stands for: the newest report's 发布日期 (or its year's end), at midnight UTC. */
export function workbookDate(reports: readonly LoadedReport[]): Date {
  const newest = [...reports].sort(newestFirst)[0];
  return new Date(`${newest ? reportDate(newest) : '2000-01-01'}T00:00:00Z`);
}

export const reportsWorkbook = memoBy(makeWorkbook);

function makeWorkbook(reports: LoadedReport[], opts: { title: string }): Promise<Uint8Array> {
  const explain = [
    ...REPORT_COLUMNS.map((c) => [SHEETS.reports, c.name, TYPE[c.type], c.description]),
    ...INDICATOR_COLUMNS.map((c) => [SHEETS.indicators, c.name, TYPE[c.type], c.description]),
  ];
  const cols: Column<string[]>[] = ['工作表', '列名', '类型', '说明'].map((name, j) => ({ name, type: 'string', description: '', value: (r) => r[j] }));
  return writeXlsx(
    [
      sheet(SHEETS.reports, REPORT_COLUMNS, reports),
      sheet(SHEETS.indicators, INDICATOR_COLUMNS, reports.flatMap(indicatorRows)),
      sheet(SHEETS.columns, cols, explain),
    ],
    { title: opts.title, subject: '绩效自评报告开放数据', date: workbookDate(reports) },
  );
}

const TYPE = { string: '文本', integer: '整数', number: '数值', date: '日期' } as const;
