/**
 * The tests' CSV reader: csv-parse (an independent, widely used parser), not the project's own
 * code, so that a misunderstanding shared by writer and reader cannot pass. Held to RFC 4180 as
 * jixiao writes it: every record ends with CRLF, a line break only inside quotes, no quote inside
 * an unquoted field, every record as long as the header. The BOM must be stripped first.
 */
import { parse } from 'csv-parse/sync';

export function parseCsv(text: string): string[][] {
  if (text && !text.endsWith('\r\n')) throw new Error('CSV: last record without CRLF');
  return parse(text, {
    record_delimiter: '\r\n',
    relax_quotes: false,
    relax_column_count: true,
    skip_empty_lines: false,
    cast: (value, context) => {
      if (!context.quoting && /[\r\n]/.test(value)) throw new Error(`CSV: a bare line break outside quotes in record ${context.records + 1}`);
      return value;
    },
  }) as string[][];
}

/** Rows as objects keyed by the header row; a record of another length than the header is an error. */
export function csvRecords(text: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(text);
  return rows.map((r) => {
    if (r.length !== header!.length) throw new Error(`CSV: ${r.length} cells, header has ${header!.length}`);
    return Object.fromEntries(header!.map((h, i) => [h, r[i]!]));
  });
}
