/**
 * A chart's table (charts-data.ts) as a comparison table, so trend tables stack on phones and
 * download as CSV like every other table. Figures in the cells are text with separators and a
 * unit ("3,411.00 万元"); the CSV gets the plain number, and the unit moves into the header.
 * Amounts in 元 or 亿元 are converted to 万元 exactly (money.ts), so an amount column always
 * shares one unit; a column mixing other units keeps its cells as written.
 */
import { decimalText, toWan, type MoneyUnit } from '../../schema/money.ts';
import type { ChartFigure } from '../charts-data.ts';
import type { Cell, CompareTable } from './table.ts';

const MISSING = new Set(['未注明', '无法计算', '无报告', '']);
const FIGURE = /^([−-]?)([\d,]+(?:\.\d+)?)\s*(万元|元|亿元|%|分)?$/;

function parse(text: string): { n: string; unit: string } | undefined {
  const m = FIGURE.exec(text.trim());
  if (!m) return undefined;
  const n = `${m[1] ? '-' : ''}${m[2]!.replaceAll(',', '')}`;
  const unit = m[3] ?? '';
  if (unit !== '元' && unit !== '亿元') return { n, unit };
  const wan = toWan(n, unit as MoneyUnit);
  return wan ? { n: decimalText(wan), unit: '万元' } : undefined;
}

export function chartTable(f: ChartFigure, id: string): CompareTable {
  const t = f.table;
  const units = t.head.slice(1).map((_, j) => {
    const us = new Set(
      t.rows
        .map((r) => r.cells[j] ?? '')
        .filter((c) => !MISSING.has(c))
        .map((c) => parse(c)?.unit ?? '?'),
    );
    return us.size === 1 && !us.has('?') && !us.has('') ? [...us][0]! : undefined;
  });
  return {
    id,
    caption: f.caption,
    stack: true,
    columns: t.head.map((h, i) => {
      const u = i > 0 ? units[i - 1] : undefined;
      return { label: h, numeric: i > 0 && t.numeric[i - 1], ...(u && { csv: `${h}（${u}）` }) };
    }),
    rows: t.rows.map((r) => [
      { text: r.label, csv: r.label.replace(/年$/, '') },
      ...r.cells.map((c, j): Cell => ({ text: c, csv: MISSING.has(c) ? undefined : units[j] ? parse(c)!.n : c })),
    ]),
  };
}
