/**
 * One model for every comparison table: the page renders it (CompareTable.astro), the sort script
 * reads its data-sort values, and the CSV beside the page is written from it — so the download
 * always holds the table the reader sees, with figures as plain numbers and missing ones empty.
 */
import { toCsv, type Cell as CsvValue } from '../../formats/csv.ts';

export interface Column {
  label: string;
  /** A second line in the header, e.g. 报告所写. */
  sub?: string;
  numeric?: boolean;
  /** The header in the CSV when it should say more (a unit), e.g. 全年预算（万元）. */
  csv?: string;
  /** Only in the CSV (an id, a unit), not on the page. */
  csvOnly?: boolean;
}

export interface Cell {
  text: string;
  /** Sort key; absent when the figure is missing, which sorts last either way. */
  sort?: number | string | undefined;
  /** The CSV value; absent = the text. */
  csv?: CsvValue;
  href?: string | undefined;
}

export interface CompareTable {
  /** Also the CSV file name: <id>.csv beside the page. */
  id: string;
  caption: string;
  columns: Column[];
  rows: Cell[][];
  /** 合计 rows: stay last whatever the sort. */
  foot?: Cell[][];
  sortable?: boolean;
  /** false for narrow tables (two or three short columns) that fit a phone as they are. */
  stack?: boolean;
  /** Said under the table. */
  note?: string;
}

export const text = (t: string, href?: string): Cell => ({ text: t, sort: t, csv: t, href });
/** A figure: its display text, its sort value (undefined = missing) and its CSV value. */
export const num = (t: string, sort: number | undefined, csv?: CsvValue): Cell => ({
  text: t,
  sort,
  csv: sort === undefined ? undefined : (csv ?? String(sort)),
});
export const empty = (t = '—'): Cell => ({ text: t, csv: undefined });

export const headerOf = (c: Column) => c.csv ?? (c.sub ? `${c.label}（${c.sub}）` : c.label);

export function tableCsv(t: CompareTable): string {
  const value = (c: Cell): CsvValue => ('csv' in c ? c.csv : c.text);
  return toCsv(
    t.columns.map(headerOf),
    [...t.rows, ...(t.foot ?? [])].map((row) => row.map(value)),
  );
}
