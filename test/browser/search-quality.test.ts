// Search quality in Chinese, measured with the real pagefind index in chromium: a synthetic
// multi-year, multi-department corpus (plus the seed report) and a set of realistic queries.
// The ground truth is written independently of the site and its ranking: a report is relevant
// to a query when the report itself says it — the text each synthetic report was generated from
// (bench/generate-reports.ts), and for the seed the published original
// (test/fixtures/seed/haizhu-kgsxj-2022-report.txt) — not when its page happens to contain the
// words (every page shows 预算执行率 and 信息公开 as headings). Prints the figures for loose
// pagefind search (before) and for the search page (after), and fails when the search page falls
// below the measured precision.
import { copyFileSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { generateCorpus } from '../../bench/generate-reports.ts';
import { SEARCH_QUERIES } from '../../bench/search-queries.ts';
import { buildSite, ROOT, writeTree } from '../helpers/build-site.ts';
import { hasBrowser, launch, serve, watchedPage, type Served } from './harness.ts';

const BASE = '/xxgk/jxzp/';
const COUNT = 600;
const SEED = 20240601;
/** Measured on this corpus (see README); the test allows this much less. */
const MARGIN = 0.03;
const MEASURED = { p5: 0.972, p10: 0.975, exactFirst: 0.944, rPrecision: 0.977 };

type Ranking = Record<string, string[]>;
interface Scores {
  p5: number;
  p10: number;
  exactFirst: number;
  rPrecision: number;
  recall: number;
}

describe.skipIf(!hasBrowser)('search quality on a synthetic corpus of 600 reports + the seed', () => {
  let browser: Browser;
  let site: Served;
  let page: Page;
  let truth: Record<string, Set<string>>;
  let out: string;

  beforeAll(async () => {
    const corpus = generateCorpus({ count: COUNT, seed: SEED, queries: SEARCH_QUERIES });
    const dir = writeTree(corpus.files);
    mkdirSync(join(dir, 'content/2022'), { recursive: true });
    copyFileSync(join(ROOT, 'content/2022/haizhu-kgsxj.yaml'), join(dir, 'content/2022/haizhu-kgsxj.yaml'));
    out = buildSite({ contentDir: join(dir, 'content'), base: BASE });
    const original = readFileSync(join(ROOT, 'test/fixtures/seed/haizhu-kgsxj-2022-report.txt'), 'utf8');
    truth = Object.fromEntries(SEARCH_QUERIES.map((q) => [q, new Set([...corpus.truth[q]!, ...(original.includes(q) ? [SEED_ID] : [])])]));
    // What the reports say reached their pages: every relevant report's page holds the words.
    const onPages = pageText(out);
    for (const [q, ids] of Object.entries(truth)) for (const id of ids) expect(onPages[q], `${q} in ${id}`).toContain(id);
    site = await serve(out, BASE, { csp: true });
    browser = await launch();
    page = (await watchedPage(browser, site.url)).page;
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  it('ranks reports containing the query as written first, on the search page', async () => {
    // A site of this size is indexed in several parts that the browser merges: that is what is measured.
    expect(JSON.parse(readFileSync(join(out, 'pagefind/jixiao-parts.json'), 'utf8')).length).toBeGreaterThanOrEqual(2);
    const cjk = (q: string) => /[\u3400-\u9fff]/.test(q);
    const raw = await rawRankings(page, site.url, {
      'pagefind, loose (before)': (q) => [q],
      'pagefind, quoted phrase only': (q) => [cjk(q) ? `"${q}"` : q],
      'phrase first, then loose': (q) => (cjk(q) ? [`"${q}"`, q] : [q]),
    });
    const shown: Ranking = {};
    for (const q of SEARCH_QUERIES) shown[q] = await searchPage(page, site.url, q);
    const rows: Record<string, Scores> = Object.fromEntries(Object.entries(raw).map(([name, r]) => [name, score(name, r, truth)]));
    rows['search page (after)'] = score('search page', shown, truth);
    console.log(`search quality: ${SEARCH_QUERIES.length} queries, ${COUNT + 1} reports`);
    console.table(
      Object.fromEntries(
        Object.entries(rows).map(([k, s]) => [k, Object.fromEntries(Object.entries(s).map(([m, v]) => [m, Number.isNaN(v) ? '—' : v.toFixed(3)]))]),
      ),
    );
    const after = rows['search page (after)'];
    expect(after.p5).toBeGreaterThanOrEqual(MEASURED.p5 - MARGIN);
    expect(after.p10).toBeGreaterThanOrEqual(MEASURED.p10 - MARGIN);
    expect(after.exactFirst).toBeGreaterThanOrEqual(MEASURED.exactFirst - MARGIN);
    // The page shows ten at a time; deeper down, the same phrase-then-loose order (rankedSearch) holds.
    expect(rows['phrase first, then loose']!.rPrecision).toBeGreaterThanOrEqual(MEASURED.rPrecision - MARGIN);
  });
});

const SEED_ID = '2022-haizhu-kgsxj';

/** query → ids of the report pages whose indexed body contains it as written (a check, not the truth). */
function pageText(out: string): Record<string, Set<string>> {
  const truth: Record<string, Set<string>> = Object.fromEntries(SEARCH_QUERIES.map((q) => [q, new Set<string>()]));
  for (const id of readdirSync(join(out, 'reports'))) {
    const html = readFileSync(join(out, 'reports', id, 'index.html'), 'utf8');
    const body = /<article[^>]*data-pagefind-body[^>]*>([\s\S]*)<\/article>/.exec(html)?.[1] ?? '';
    const text = body
      .replace(/<[^>]+>/g, '')
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&');
    for (const q of SEARCH_QUERIES) if (text.includes(q)) truth[q]!.add(id);
  }
  return truth;
}

const idOf = (url: string) => /\/reports\/([^/]+)\//.exec(url)?.[1] ?? url;

/** Full rankings with pagefind's JS API directly (every part of the index merged): for each query, the results of each query form in turn, without repeats. */
async function rawRankings(page: Page, url: string, strategies: Record<string, (q: string) => string[]>): Promise<Record<string, Ranking>> {
  await page.goto(`${url}search/`);
  const forms = Object.fromEntries(Object.entries(strategies).map(([name, f]) => [name, Object.fromEntries(SEARCH_QUERIES.map((q) => [q, f(q)]))]));
  // A string, so the test runner's transform does not rewrite import() inside it.
  const urls: Record<string, Record<string, string[]>> = await page.evaluate(`(async (base, strategies) => {
    const pf = await import(base + 'pagefind/pagefind.js');
    await pf.options({ baseUrl: base });
    // The site is indexed in parts (src/build/search-index.ts): all of them, merged as the search page does.
    const parts = await fetch(base + 'pagefind/jixiao-parts.json').then((r) => r.json());
    for (const part of parts) await pf.mergeIndex(base + 'pagefind/' + part, { baseUrl: base });
    const urlOf = new Map();
    for (const r of (await pf.search(null)).results) urlOf.set(r.id, (await r.data()).url);
    const out = {};
    for (const [name, queries] of Object.entries(strategies)) {
      out[name] = {};
      for (const [q, forms] of Object.entries(queries)) {
        const ids = [];
        for (const f of forms) for (const r of (await pf.search(f)).results) if (!ids.includes(r.id)) ids.push(r.id);
        out[name][q] = ids.map((id) => urlOf.get(id));
      }
    }
    return out;
  })(${JSON.stringify(new URL(url).pathname)}, ${JSON.stringify(forms)})`);
  return Object.fromEntries(Object.entries(urls).map(([name, r]) => [name, Object.fromEntries(Object.entries(r).map(([q, list]) => [q, list.map(idOf)]))]));
}

/** The first page of results the search page shows for a query. */
async function searchPage(page: Page, url: string, q: string): Promise<string[]> {
  await page.goto(`${url}search/?q=${encodeURIComponent(q)}`);
  await page
    .locator('#search-status')
    .filter({ hasText: /找到|没有找到/ })
    .waitFor();
  return (await page.locator('#search-results li h2 a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).pathname))).map(idOf);
}

/**
 * Precision at k, capped by the number of relevant reports (P@10 of a query with 3 answers is
 * hits in the top 10 ÷ 3); exact-first = the top ten are all reports containing the query;
 * R-precision = hits in the top |relevant|, and recall over the whole list (complete rankings only).
 */
function score(name: string, ranking: Ranking, truth: Record<string, Set<string>>): Scores {
  const per = SEARCH_QUERIES.map((q) => {
    const rel = truth[q]!;
    const got = ranking[q] ?? [];
    const at = (k: number) => (rel.size ? got.slice(0, k).filter((id) => rel.has(id)).length / Math.min(k, rel.size) : 1);
    const full = got.length > 10; // the search page shows ten; raw rankings are complete
    return {
      q,
      relevant: rel.size,
      p5: at(5),
      p10: at(10),
      exactFirst: at(10) === 1 ? 1 : 0,
      rPrecision: full || rel.size <= 10 ? at(rel.size || 1) : NaN,
      recall: !rel.size ? 1 : full || rel.size <= 10 ? [...rel].filter((id) => got.includes(id)).length / rel.size : NaN,
    };
  });
  const misses = per
    .filter((s) => s.p10 < 1 || s.rPrecision < 1 || s.recall < 1)
    .map((s) => `${s.q} (${s.relevant}: P@10 ${s.p10.toFixed(2)}, R-prec ${s.rPrecision.toFixed(2)}, recall ${s.recall.toFixed(2)})`);
  if (misses.length) console.log(`  ${name}: ${misses.join('; ')}`);
  const mean = (k: keyof Scores) => {
    const v = per.map((s) => s[k]).filter((x) => !Number.isNaN(x));
    return v.length === per.length ? v.reduce((a, b) => a + b, 0) / v.length : NaN;
  };
  return { p5: mean('p5'), p10: mean('p10'), exactFirst: mean('exactFirst'), rPrecision: mean('rPrecision'), recall: mean('recall') };
}
