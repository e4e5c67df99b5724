// What a reader on a phone, or with 大字号 on, gets on every page type of the shipped site and of
// the synthetic many-department site under /xxgk/jxzp/: at 320, 390 and 1366 px, in normal,
// 大字号 (150 %) and 特大 (200 %) mode, no page scrolls sideways, no table is wider than its box
// on a phone, no control is under 24 × 24 px (44 × 44 px in large mode), no text under 18 px in
// large mode, one search box per page, no console error or failed request (the favicon
// included), and axe finds nothing (at 390 px, normal and 大字号).
// One build per site, one browser context per width and mode, pages visited in turn.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { buildSite } from '../helpers/build-site.ts';
import { axe, hasBrowser, launch, serve, type Served } from './harness.ts';
import { BASE, buildCorpusSite } from './site-helpers.ts';

const COMMON = ['', 'about/', 'data/', 'search/?q=%E9%A2%84%E7%AE%97', 'years/2022/', 'departments/haizhu-kgsxj/', 'reports/2022-haizhu-kgsxj/', '404.html'];
const SYNTHETIC = [
  '',
  'years/2023/',
  'departments/shili-jyj/',
  'reports/2023-shili-jyj/',
  'reports/2023-shili-jyj-kehou-fuwu/',
  'search/?q=%E7%A4%BA%E4%BE%8B',
  'data/',
];
const WIDTHS = [320, 390, 1366];
const MODES = [
  ['normal', ''],
  ['大字号', '1'],
  ['特大', '2'],
] as const;

interface Problems {
  sideways: number;
  wideTables: string[];
  smallControls: string[];
  smallText: string[];
  searchBoxes: number;
}

/** Everything measured in the page itself, so that one evaluate gives all four checks. */
function measure(page: Page, phone: boolean, large: boolean): Promise<Problems> {
  return page.evaluate(
    ({ phone, large }) => {
      const visible = (e: Element) => {
        const r = e.getBoundingClientRect();
        return r.width > 0 && r.height > 0 && getComputedStyle(e).visibility !== 'hidden' && !e.closest('.visually-hidden, [hidden]');
      };
      const name = (e: Element) =>
        `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''}${e.className && typeof e.className === 'string' ? `.${e.className.split(' ')[0]}` : ''} "${(e.textContent ?? '').trim().slice(0, 20)}"`;
      const doc = document.documentElement;
      const wideTables = phone
        ? [...document.querySelectorAll('main table')]
            .filter(visible)
            .filter((t) => {
              const box = t.parentElement!;
              return t.getBoundingClientRect().width > box.clientWidth + 1 || t.getBoundingClientRect().right > doc.clientWidth + 1;
            })
            .map(name)
        : [];
      const min = large ? 44 : 24;
      const smallControls = [
        ...document.querySelectorAll('button, input:not([type=hidden]), select, textarea, summary, .site-nav a, .toc a, .back-to-top a, .search-pages a'),
      ]
        .filter(visible)
        .filter((e) => {
          const r = e.getBoundingClientRect();
          return r.width < min - 0.5 || r.height < min - 0.5;
        })
        .map((e) => `${name(e)} ${Math.round(e.getBoundingClientRect().width)}×${Math.round(e.getBoundingClientRect().height)}`);
      const smallText: string[] = [];
      if (large) {
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const el = n.parentElement!;
          if (!n.textContent!.trim() || !visible(el) || el.closest('script, style, canvas')) continue;
          const size = parseFloat(getComputedStyle(el).fontSize);
          if (size < 18) smallText.push(`${name(el)} ${size}px`);
        }
      }
      return {
        sideways: doc.scrollWidth - doc.clientWidth,
        wideTables,
        smallControls,
        smallText: smallText.slice(0, 10),
        searchBoxes: document.querySelectorAll('form[role=search]').length,
      };
    },
    { phone, large },
  );
}

async function contextFor(browser: Browser, width: number, level: string): Promise<BrowserContext> {
  const ctx = await browser.newContext({ viewport: { width, height: 900 }, locale: 'zh-CN' });
  if (level) await ctx.addInitScript((l) => localStorage.setItem('jixiao-large-text', l), level);
  return ctx;
}

for (const [siteName, pages, build] of [
  ['the shipped site', COMMON, () => buildSite({ base: BASE })],
  ['the synthetic many-department site', SYNTHETIC, buildCorpusSite],
] as const) {
  describe.skipIf(!hasBrowser)(`${siteName}: whole on phones and in large mode`, () => {
    let browser: Browser;
    let site: Served;
    beforeAll(async () => {
      site = await serve(build(), BASE, { csp: true });
      browser = await launch();
    });
    afterAll(async () => {
      await browser?.close();
      await site?.close();
    });

    for (const width of WIDTHS) {
      for (const [mode, level] of MODES) {
        it(`at ${width} px, ${mode}: every page type fits, with controls and text large enough and no error`, async () => {
          const ctx = await contextFor(browser, width, level);
          const page = await ctx.newPage();
          const errors: string[] = [];
          page.on('console', (m) => {
            if (m.type() === 'error') errors.push(`${page.url()}: ${m.text()}`);
          });
          page.on('pageerror', (e) => errors.push(`${page.url()}: ${e}`));
          page.on('response', (r) => {
            if (r.status() >= 400 && !r.url().endsWith('/404.html')) errors.push(`${r.url()} ${r.status()}`);
          });
          const report: Record<string, Problems & { axe?: string[] }> = {};
          for (const path of pages) {
            await page.goto(site.url + path);
            await page.waitForLoadState('networkidle');
            if (path.startsWith('search/'))
              await page
                .locator('#search-status')
                .filter({ hasText: /找到|没有找到/ })
                .waitFor();
            expect(await page.evaluate(() => document.documentElement.classList.contains('large-text'))).toBe(level !== '');
            const p = await measure(page, width < 600, level !== '');
            const violations = width === 390 && level !== '2' ? (await axe(page)).map((v) => `${v.id}: ${v.help}`) : [];
            if (p.sideways > 0 || p.wideTables.length || p.smallControls.length || p.smallText.length || p.searchBoxes !== 1 || violations.length)
              report[path || 'home'] = { ...p, axe: violations };
          }
          expect(report).toEqual({});
          expect(errors).toEqual([]);
          await ctx.close();
        });
      }
    }
  });
}
