// The shipped content, built under a subdirectory, opens in chromium with nothing loaded from elsewhere.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { buildSite } from '../helpers/build-site.ts';
import { axe, hasBrowser, launch, serve, watchedPage, type Served } from './harness.ts';

describe.skipIf(!hasBrowser)('the built site under /xxgk/jxzp/', () => {
  let browser: Browser;
  let site: Served;
  beforeAll(async () => {
    const out = buildSite({ base: '/xxgk/jxzp/' });
    site = await serve(out, '/xxgk/jxzp/', { csp: true });
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  it('leads from the home page to the seed report', async () => {
    const w = await watchedPage(browser, site.url);
    await w.page.goto(site.url);
    await w.page
      .getByRole('link', { name: /科技工业商务和信息化局/ })
      .first()
      .click();
    await w.page.getByRole('link', { name: '2022 年度' }).first().click();
    await expect(w.page.getByRole('heading', { level: 1 }).textContent()).resolves.toContain('2022年度广州市海珠区科技工业商务和信息化局');
    await expect(w.page.locator('main').textContent()).resolves.toContain('28,239.16 万元');
    expect(w.offsite).toEqual([]);
    expect(w.failed).toEqual([]);
    expect(w.consoleErrors).toEqual([]);
    expect(await axe(w.page)).toEqual([]);
  });
});
