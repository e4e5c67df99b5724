/**
 * Reading a figure as the report writes it: "28,239.16", "98.0%", "９.５分". The number of
 * decimals is kept, so that the draft writes 98.0 (not 98) and the audit compares at the
 * precision the report used.
 */
import { fold } from './normalize.ts';

export interface Stated {
  value: number;
  /** Decimal places as written. */
  digits: number;
}

/** A number as written in prose: 28,239.16 or 93 or 9.5 (never part of a longer number). */
export const NUM = String.raw`(?<![\d.,])(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?![\d])`;

export function toStated(text: string): Stated | undefined {
  const bare = text.replace(/[,\s]/g, '');
  if (!/^\d{1,15}(?:\.\d{1,8})?$/.test(bare)) return undefined;
  const value = Number(bare);
  if (!Number.isFinite(value)) return undefined;
  const dot = bare.indexOf('.');
  return { value, digits: dot < 0 ? 0 : bare.length - dot - 1 };
}

/** A table cell that holds only a number, perhaps with a unit: "10", "9.5分", "350.00万元", "98%". */
export function cellNumber(cell: string): (Stated & { unit?: string }) | undefined {
  const m = /^\s*(\d[\d,]*(?:\.\d+)?)\s*(分|万元|元|亿元|%)?\s*$/.exec(fold(cell));
  if (!m) return undefined;
  const n = toStated(m[1]!);
  return n && (m[2] ? { ...n, unit: m[2] } : n);
}

/** True for cells that mean "nothing here": blank, dashes, slashes, 无. */
export const isBlankCell = (cell: string) => /^\s*(?:[-—–/\\/／_…·.]*|无|空|——)\s*$/.test(fold(cell));
