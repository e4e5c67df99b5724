/**
 * What a search result really holds. Pagefind matches Chinese by characters, so a query for
 * 火箭发射 also returns a report that merely has 火, 箭, 发 and 射 somewhere: here a result counts
 * as a match only when its text holds every word of the query as written, and one that holds only
 * some of the words is told apart. Excerpts are cut from the page's own text, starting at a cell
 * or a sentence, cells joined by "；" so a label stays with its value, the words marked.
 * Pure functions over pagefind's `content` (unit-tested in node).
 */

/** Full-width digits, letters, % and . (９８．０％) are the half-width ones; Chinese punctuation stays. */
const FULL_WIDTH = /[\uff05\uff0e\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]/g;
const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;

/** Pagefind's content: words split by zero-width spaces, elements joined by ". ". */
export function pageText(content: string): string {
  return content
    .replace(/\u200b/g, '')
    .replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000]+/g, ' ')
    .trim();
}

/** The query's terms as the reader typed them: spaces split, quotes dropped, full-width made half. */
export function queryTerms(q: string): string[] {
  return [...new Set(pageText(q.replaceAll('"', ' ').replaceAll('“', ' ').replaceAll('”', ' ')).split(' ').filter(Boolean))];
}

/** The words inside the terms (火箭发射 → 火箭, 发射), for results that hold only some of them. */
export function queryWords(terms: readonly string[]): string[] {
  const seg = typeof Intl !== 'undefined' && 'Segmenter' in Intl ? new Intl.Segmenter('zh', { granularity: 'word' }) : undefined;
  const out = new Set<string>();
  for (const t of terms) {
    out.add(t);
    if (!CJK.test(t) || !seg) continue;
    // A single character is not a word a reader asked for: 发 matches nearly every report.
    for (const s of seg.segment(t)) if (s.isWordLike && [...s.segment].length > 1) out.add(s.segment);
  }
  return [...out];
}

export type MatchKind = 'all' | 'some' | 'none';

const lower = (s: string) => s.toLowerCase();

/** 'all': every term as written; 'some': at least one term or word of it; 'none': characters only. */
export function matchKind(text: string, terms: readonly string[]): MatchKind {
  const t = lower(text);
  if (terms.length && terms.every((w) => t.includes(lower(w)))) return 'all';
  return queryWords(terms).some((w) => t.includes(lower(w))) || terms.some((w) => t.includes(lower(w))) ? 'some' : 'none';
}

export interface Piece {
  text: string;
  mark: boolean;
}

const SENTENCE_END = /[。！？]/;

/**
 * About `max` characters of the text around the first hit: from the start of the cell or the
 * sentence it is in, cells joined by "；", every occurrence of the words marked.
 */
export function excerptOf(text: string, terms: readonly string[], max = 90): Piece[] {
  const cells = text
    .split(/\.\s+(?=\S)|\.$/)
    .map((c) => c.trim())
    .filter(Boolean);
  const words = [...terms, ...queryWords(terms)].filter(Boolean).sort((a, b) => b.length - a.length);
  const hit = (c: string) => words.findIndex((w) => lower(c).includes(lower(w)));
  let i = cells.findIndex((c) => terms.length > 0 && lower(c).includes(lower(terms[0]!)));
  if (i < 0) i = cells.findIndex((c) => hit(c) >= 0);
  if (i < 0) i = 0;
  let first = cells[i] ?? '';
  const positions = words.map((w) => lower(first).indexOf(lower(w))).filter((n) => n >= 0);
  const at = positions.length ? Math.min(...positions) : 0;
  // From the start of the sentence holding the hit; mid-sentence (marked …) only when that sentence is long.
  let s = at;
  while (s > 0 && !SENTENCE_END.test(first[s - 1]!)) s--;
  if (at - s > max / 2) first = `…${first.slice(at - Math.floor(max / 3))}`;
  else first = first.slice(s);
  let out = first;
  for (let j = i + 1; j < cells.length && out.length < max; j++) out += `；${cells[j]}`;
  if (out.length > max) out = `${out.slice(0, max)}…`;
  return marked(out, words);
}

/** The text in pieces, each occurrence of a word a marked piece (longest word first). */
export function marked(text: string, words: readonly string[]): Piece[] {
  const ws = words.filter(Boolean).map(lower);
  const pieces: Piece[] = [];
  const t = lower(text);
  let plain = '';
  for (let k = 0; k < text.length;) {
    const w = ws.find((x) => t.startsWith(x, k));
    if (w) {
      if (plain) pieces.push({ text: plain, mark: false });
      plain = '';
      pieces.push({ text: text.slice(k, k + w.length), mark: true });
      k += w.length;
    } else plain += text[k++];
  }
  if (plain) pieces.push({ text: plain, mark: false });
  return pieces;
}
