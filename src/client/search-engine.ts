/**
 * The search itself, over pagefind's JS API: loads the bundle once, normalises the query, and
 * ranks Chinese queries so that reports containing the words as written come first. Pagefind
 * splits words it does not know into single characters, so a loose query for 算力 also matches a
 * page with 算 and 力 far apart; a quoted (phrase) query keeps the characters together. For a
 * query with Chinese in it we run both and list phrase matches first, then the loose ones.
 */
import { matchKind, pageText, type MatchKind } from './search-match.ts';

export interface PagefindResultData {
  url: string;
  excerpt: string;
  /** The page's indexed text: words split by U+200B, elements joined by ". ". */
  content: string;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[]>;
}
export interface PagefindResult {
  id: string;
  score: number;
  data(): Promise<PagefindResultData>;
}
export interface PagefindResponse {
  results: PagefindResult[];
  unfilteredResultCount: number;
}
export type Filters = Record<string, { any: string[] }>;
export interface Pagefind {
  options(o: Record<string, unknown>): Promise<void>;
  mergeIndex(url: string, o?: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(q: string | null, o?: { filters?: Filters; sort?: Record<string, 'asc' | 'desc'> }): Promise<PagefindResponse>;
}

export interface SearchRequest {
  q: string;
  filters: Filters;
  /** 'year' sorts newest first; otherwise by relevance. */
  sort?: string | undefined;
}

let loaded: Promise<Pagefind> | undefined;

/**
 * Loads pagefind.js from the site's bundle folder (under the base path) once, and merges the
 * extra bundles a large site is indexed in (listed in jixiao-parts.json by the build).
 */
export function loadPagefind(bundleUrl: string, baseUrl: string): Promise<Pagefind> {
  loaded ??= (async () => {
    const [pf, parts] = await Promise.all([
      import(/* @vite-ignore */ `${bundleUrl}pagefind.js`) as Promise<Pagefind>,
      fetch(`${bundleUrl}jixiao-parts.json`).then(
        (r) => (r.ok ? (r.json() as Promise<string[]>) : []),
        () => [],
      ),
    ]);
    await pf.options({ baseUrl, excerptLength: 40 });
    // All at once: each part costs two requests in turn, and a large site has up to sixteen parts
    // (merged one after another, a first result waited for every part's round trips).
    // Parts are added in the order of the calls, so results rank the same.
    await Promise.all(parts.map((part) => pf.mergeIndex(`${bundleUrl}${part}`, { baseUrl, excerptLength: 40 })));
    await pf.init();
    return pf;
  })();
  return loaded;
}

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;
const FULL_WIDTH = /[\uff01-\uff5e]/g;

/** Full-width digits, letters and signs (９８．０％) become half-width; spaces collapse. */
export function normalizeQuery(q: string): string {
  return q
    .replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000]+/g, ' ')
    .trim();
}

/** The phrase form of a query: each term with Chinese in it quoted, or undefined when none has. */
export function phraseQuery(q: string): string | undefined {
  const terms = q.split(' ').filter(Boolean);
  if (!terms.some((t) => CJK.test(t))) return undefined;
  return terms.map((t) => (CJK.test(t) && !t.includes('"') ? `"${t}"` : t)).join(' ');
}

/** Results in display order: phrase matches first for Chinese queries, then the rest. */
export async function rankedSearch(pf: Pagefind, req: SearchRequest): Promise<PagefindResult[]> {
  const q = normalizeQuery(req.q);
  const options = { filters: req.filters, ...(req.sort === 'year' ? { sort: { year: 'desc' as const } } : {}) };
  if (!q) return Object.keys(req.filters).length ? (await pf.search(null, { ...options, sort: { year: 'desc' } })).results : [];
  const phrase = req.sort === 'year' ? undefined : phraseQuery(q);
  const [exact, loose] = await Promise.all([phrase ? pf.search(phrase, options) : undefined, pf.search(q, options)]);
  if (!exact) return loose.results;
  const seen = new Set(exact.results.map((r) => r.id));
  return [...exact.results, ...loose.results.filter((r) => !seen.has(r.id))];
}

export interface Checked {
  data: PagefindResultData;
  kind: MatchKind;
}

/** How many results are read in full to check them; beyond, they are neither counted nor offered. */
export const CHECK_LIMIT = 300;

/**
 * Reads the results (phrase matches first) and sorts them into reports that hold every word of
 * the query as written, and those that hold only some; the rest only share characters.
 */
export async function checkResults(
  results: readonly PagefindResult[],
  terms: readonly string[],
  limit = CHECK_LIMIT,
): Promise<{ matches: Checked[]; partial: Checked[]; unchecked: number }> {
  const list = results.slice(0, limit);
  const checked: Checked[] = [];
  for (let i = 0; i < list.length; i += 25) {
    const data = await Promise.all(list.slice(i, i + 25).map((r) => r.data()));
    for (const d of data) checked.push({ data: d, kind: matchKind(pageText(d.content ?? ''), terms) });
  }
  return { matches: checked.filter((c) => c.kind === 'all'), partial: checked.filter((c) => c.kind === 'some'), unchecked: results.length - list.length };
}

/**
 * Pagefind joins the text of neighbouring elements (table cells, headings) with ". ": put a
 * plain separator there instead, and drop a segment that only repeats the one before it (a
 * chart's caption followed by its table's caption).
 */
export function cleanExcerpt(html: string): string {
  const parts = html.split(/\.\s+(?=\S)/);
  const kept = parts.filter((p, i) => i === 0 || p.replace(/<\/?mark>/g, '') !== parts[i - 1]!.replace(/<\/?mark>/g, ''));
  return kept.join('　');
}
