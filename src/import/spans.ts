/**
 * Where each value of the draft sits in the text the importer read, for the 核对 page to highlight:
 * the source line a reader cited (`第 34 行…`) and the character range of the value as written on
 * it. Found after the fact from the value itself (a number with its written decimals, a name as
 * drafted), so every reader's citation gets a range without each tracking offsets; a value that
 * appears on its line more than once, or not at all, gets none (the line alone stays in `sources`).
 */
import { formatPath, parsePath } from '../findings.ts';
import type { Draft } from './draft.ts';

export interface Span {
  /** 1-based line of the text the importer read (as `sources` cites it). */
  line: number;
  /** 0-based offsets on that line: [start, end). */
  start: number;
  end: number;
}

const WINDOW_BEFORE = 3;
const WINDOW_AFTER = 40;

export function locate(draft: Draft, lines: readonly string[]): Record<string, Span> {
  const out: Record<string, Span> = {};
  for (const [dotted, where] of draft.sources) {
    const cited = Number(/第 (\d+) 行/.exec(where)?.[1]);
    if (!(cited >= 1)) continue;
    const value = parsePath(dotted).reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<PropertyKey, unknown>)[k] : undefined), draft.data);
    const written = typeof value === 'number' ? value.toFixed(draft.decimals.get(dotted) ?? 0) : typeof value === 'string' ? value : undefined;
    if (!written) continue;
    // A citation names the line a table or paragraph starts on (a caption may stand a line or two
    // above it): the value is looked for near it, and kept only where it stands once.
    const hits: Span[] = [];
    for (let line = Math.max(1, cited - WINDOW_BEFORE); line <= Math.min(lines.length, cited + WINDOW_AFTER) && hits.length < 2; line++)
      for (const at of occurrences(lines[line - 1]!, written, typeof value === 'number')) hits.push({ line, start: at, end: at + written.length });
    if (hits.length === 1) out[formatPath(parsePath(dotted))] = hits[0]!;
  }
  return out;
}

/** Where `s` stands on the line; a number only where it is not part of a longer number. */
function occurrences(text: string, s: string, numeric: boolean): number[] {
  const hits: number[] = [];
  for (let i = text.indexOf(s); i >= 0 && hits.length < 3; i = text.indexOf(s, i + 1)) {
    if (numeric && (/[\d.]/.test(text[i - 1] ?? '') || /\d|\.\d/.test(text.slice(i + s.length, i + s.length + 2)))) continue;
    hits.push(i);
  }
  return hits;
}
