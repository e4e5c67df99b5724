/**
 * What a search costs a reader, in chromium against the built site: bytes moved and time for a
 * first search (pagefind.js, wasm, every part's index chunks, fragments of the first 10 results) and for a
 * repeated search with another word.
 */
import type { Browser } from 'playwright-core';

export interface SearchCost {
  firstKB: number;
  firstMs: number;
  repeatKB: number;
  repeatMs: number;
  results: number;
}

export async function searchCost(browser: Browser, siteUrl: string, first: string, repeat: string): Promise<SearchCost> {
  const context = await browser.newContext();
  const page = await context.newPage();
  let bytes = 0;
  page.on('response', async (r) => {
    try {
      bytes += (await r.body()).length;
    } catch {
      /* redirects */
    }
  });
  await page.goto(siteUrl);
  await page.waitForLoadState('networkidle');
  const run = async (q: string) => {
    bytes = 0;
    const ms = await page.evaluate(
      async ({ url, q }) => {
        const t0 = performance.now();
        const w = window as unknown as { __pf?: any };
        if (!w.__pf) {
          const base = url.slice(0, url.lastIndexOf('/') + 1);
          const pf = await import(/* @vite-ignore */ url);
          const parts: string[] = await fetch(`${base}jixiao-parts.json`).then((r) => (r.ok ? r.json() : []));
          await Promise.all(parts.map((part) => pf.mergeIndex(`${base}${part}`))); // as src/client/search-engine.ts does
          w.__pf = pf;
        }
        const search = await w.__pf.search(q);
        await Promise.all(search.results.slice(0, 10).map((r: any) => r.data()));
        (window as any).__count = search.results.length;
        return performance.now() - t0;
      },
      { url: `${siteUrl}pagefind/pagefind.js`, q },
    );
    await page.waitForLoadState('networkidle');
    return { kb: bytes / 1024, ms, results: await page.evaluate(() => (window as any).__count as number) };
  };
  const a = await run(first);
  const b = await run(repeat);
  await context.close();
  return { firstKB: a.kb, firstMs: a.ms, repeatKB: b.kb, repeatMs: b.ms, results: a.results };
}
