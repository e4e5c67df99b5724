/**
 * Shared by the site browser tests: the synthetic corpus (with the seed) built once per test
 * file under /xxgk/jxzp/, served with the strict CSP, and page checks used on every page type.
 */
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, serve, type Served } from './harness.ts';
import { buildSite, writeTree } from '../helpers/build-site.ts';
import { syntheticCorpus } from '../helpers/synthetic.ts';

export const BASE = '/xxgk/jxzp/';
export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1280, height: 900 };

/** Builds the synthetic corpus plus the seed under the base path; returns the output folder. */
export function buildCorpusSite(): string {
  const dir = writeTree(syntheticCorpus());
  return buildSite({ contentDir: join(dir, 'content'), base: BASE });
}

/** Counts chart figures, how many were drawn, and how many canvases have coloured pixels.
 * Charts draw when they come near the screen, in idle time (src/client/charts.ts), so this
 * first scrolls to each, as a reader would, and waits up to 3 s for them. */
export async function chartState(page: Page): Promise<{ figures: number; drawn: number; painted: number }> {
  for (const fig of await page.locator('figure[data-chart]').all()) {
    await fig.scrollIntoViewIfNeeded();
    await page.waitForTimeout(50);
  }
  await page
    .waitForFunction(() => [...document.querySelectorAll<HTMLElement>('figure[data-chart]')].every((f) => f.dataset.chartDrawn === 'true'), null, {
      timeout: 3000,
    })
    .catch(() => {});
  return page.evaluate(() => {
    const figures = [...document.querySelectorAll<HTMLElement>('figure[data-chart]')];
    const painted = figures.filter((f) => {
      const c = f.querySelector('canvas');
      if (!c || !c.width || !c.height) return false;
      const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
      for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) return true;
      return false;
    }).length;
    return { figures: figures.length, drawn: figures.filter((f) => f.dataset.chartDrawn === 'true').length, painted };
  });
}

/** Text of every row of the table with this caption, cells joined by "|", white space collapsed. */
export function tableRows(page: Page, caption: string): Promise<string[]> {
  return page.evaluate((cap) => {
    const table = [...document.querySelectorAll('table')].find((t) => t.caption?.textContent?.trim() === cap);
    if (!table) return [];
    return [...table.querySelectorAll('tbody tr, tfoot tr')].map((tr) =>
      [...tr.children].map((c) => (c as HTMLElement).innerText.replace(/\s+/g, ' ').trim()).join('|'),
    );
  }, caption);
}

/** A built site served under BASE with the strict CSP and a browser, for one describe block (started before its tests, closed after). */
export function servedSite(build: () => string): { browser: Browser; site: Served } {
  const s = {} as { browser: Browser; site: Served };
  beforeAll(async () => {
    s.site = await serve(build(), BASE, { csp: true });
    s.browser = await launch();
  });
  afterAll(async () => {
    await s.browser?.close();
    await s.site?.close();
  });
  return s;
}
