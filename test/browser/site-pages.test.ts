// Every page type of a multi-year site (synthetic corpus + the seed) under /xxgk/jxzp/ with the
// strict CSP, on a phone and a desktop: nothing fails, nothing comes from another host, axe
// finds no WCAG 2.1 A/AA violation, every chart is drawn, and chart.js loads only where needed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { axe, hasBrowser, launch, serve, watchedPage, type Served } from './harness.ts';
import { BASE, buildCorpusSite, chartState, DESKTOP, PHONE } from './site-helpers.ts';

const PAGES: [name: string, path: string, charts: number][] = [
  ['home', '', 0],
  ['department report (the seed)', 'reports/2022-haizhu-kgsxj/', 4],
  ['department report (synthetic, with project reports)', 'reports/2023-shili-jyj/', 5],
  ['project report', 'reports/2023-shili-jyj-kehou-fuwu/', 3],
  ['department with three years', 'departments/shili-jyj/', 3],
  ['department with one year (the seed)', 'departments/haizhu-kgsxj/', 0],
  ['year', 'years/2023/', 2],
  ['projects', 'projects/', 0],
  ['project across years', 'projects/shili-jyj/kehou-fuwu/', 3],
  ['years', 'years/', 0],
  ['departments', 'departments/', 0],
  ['about', 'about/', 0],
];

describe.skipIf(!hasBrowser)('every page type under /xxgk/jxzp/', () => {
  let browser: Browser;
  let site: Served;
  beforeAll(async () => {
    site = await serve(buildCorpusSite(), BASE, { csp: true });
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  for (const [name, path, charts] of PAGES) {
    for (const [device, viewport] of [
      ['phone', PHONE],
      ['desktop', DESKTOP],
    ] as const) {
      it(`${name} on a ${device}: loads cleanly, passes axe, draws its ${charts} charts`, async () => {
        const w = await watchedPage(browser, site.url, { viewport });
        const scripts: string[] = [];
        w.page.on('request', (r) => {
          if (r.resourceType() === 'script') scripts.push(r.url());
        });
        const res = await w.page.goto(site.url + path);
        expect(res?.status()).toBe(200);
        await w.page.waitForLoadState('networkidle');
        expect(await chartState(w.page)).toEqual({ figures: charts, drawn: charts, painted: charts });
        expect(await axe(w.page)).toEqual([]);
        expect(w.consoleErrors).toEqual([]);
        expect(w.failed).toEqual([]);
        expect(w.offsite).toEqual([]);
        expect(scripts.every((s) => s.startsWith(site.url))).toBe(true);
        const chartBundle = await w.page.evaluate(() =>
          performance.getEntriesByType('resource').some((e) => (e as PerformanceResourceTiming).encodedBodySize > 30_000 && e.name.endsWith('.js')),
        );
        expect(chartBundle).toBe(charts > 0);
        if (device === 'phone') expect(await w.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
        await w.page.context().close();
      });
    }
  }
});
