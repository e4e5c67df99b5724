/**
 * CSV the way Excel on a Chinese Windows desktop opens it correctly: UTF-8 with a byte-order
 * mark (without it Excel assumes GBK and shows mojibake), CRLF line ends, RFC 4180 quoting,
 * and no cell that Excel would run as a formula.
 */

export type Cell = string | number | undefined;

export const BOM = '\uFEFF';

/** A plain number as Excel reads it: -2.5, 98.41, 12%, never a formula. */
const PLAIN_NUMBER = /^-?(?:\d+(?:\.\d+)?|\.\d+)%?$/;

/**
 * Neutralises formula injection (OWASP "CSV injection"): a text cell starting with = + - @, a
 * tab or a carriage return gets a leading apostrophe, so Excel shows it as text instead of
 * evaluating it. Plain negative numbers such as -2.5 stay numbers.
 */
export function formulaSafe(text: string): string {
  if (!/^[=+\-@\t\r]/.test(text)) return text;
  if (PLAIN_NUMBER.test(text)) return text;
  return `'${text}`;
}

/** One cell: formula-safe, quoted when it holds a comma, a quote, a line break or edge spaces. */
export function csvCell(value: Cell): string {
  if (value === undefined) return '';
  const text = typeof value === 'number' ? String(value) : formulaSafe(value);
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A whole file: BOM, header row, CRLF after every record (including the last). */
export function toCsv(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  const line = (cells: readonly Cell[]) => cells.map(csvCell).join(',');
  return BOM + [header, ...rows].map((r) => `${line(r)}\r\n`).join('');
}
