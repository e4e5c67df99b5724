// Searching the built site under /xxgk/jxzp/ with the strict CSP: queries find the seed report,
// filters narrow the results, a shared URL reproduces them, the back button restores the previous
// search, and without JavaScript the header form still leads to a page that explains itself.
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { generateReports } from '../../bench/generate-reports.ts';
import { buildSite, ROOT, writeTree } from '../helpers/build-site.ts';
import { axe, hasBrowser, launch, serve, watchedPage, type Served, type Watched } from './harness.ts';

const BASE = '/xxgk/jxzp/';
const SEED = `${BASE}reports/2022-haizhu-kgsxj/`;

async function search(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await settled(page);
}
const settled = (page: Page) => page.locator('#search-status').filter({ hasText: /找到/ }).waitFor();
const resultPaths = (page: Page) => page.locator('#search-results li h2 a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).pathname));
const resultMeta = (page: Page) => page.locator('#search-results .search-meta').allTextContents();
const clean = (w: Watched) => {
  expect(w.consoleErrors).toEqual([]);
  expect(w.failed).toEqual([]);
  expect(w.offsite).toEqual([]);
};

describe.skipIf(!hasBrowser)('search on the shipped site', () => {
  let browser: Browser;
  let site: Served;
  let out: string;
  beforeAll(async () => {
    out = buildSite({ base: BASE });
    site = await serve(out, BASE, { csp: true });
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  it('lists the seed report first for 电动汽车充电, 琶洲, 预算执行率, 采购管理 and 145.92, with a highlighted excerpt', async () => {
    const w = await watchedPage(browser, site.url);
    for (const q of ['电动汽车充电', '琶洲', '预算执行率', '采购管理', '145.92']) {
      await search(w.page, `${site.url}search/?q=${encodeURIComponent(q)}`);
      expect((await resultPaths(w.page))[0], q).toBe(SEED);
      const first = w.page.locator('#search-results li').first();
      await expect(first.locator('h2').textContent()).resolves.toBe('2022年度广州市海珠区科技工业商务和信息化局部门整体支出绩效自评报告');
      await expect(first.locator('.search-meta').textContent()).resolves.toBe('广州市海珠区科技工业商务和信息化局 · 2022 年度 · 部门整体');
      expect(await first.locator('.search-excerpt mark').count(), q).toBeGreaterThan(0);
    }
    expect(await axe(w.page)).toEqual([]);
    clean(w);
  });

  it('lists no report for words no report holds, though the seed holds their characters, and says so', async () => {
    const w = await watchedPage(browser, site.url);
    for (const q of ['火箭发射', '量子计算机', '幼儿园', '垃圾分类']) {
      await search(w.page, `${site.url}search/?q=${encodeURIComponent(q)}`);
      await expect(w.page.locator('#search-status').textContent()).resolves.toContain(`没有找到包含“${q}”的报告`);
      expect(await resultPaths(w.page), q).toEqual([]);
      // Reports sharing only some of the words, if any, stand apart under their own heading.
      const partial = w.page.locator('#search-partial');
      if (await partial.isVisible()) await expect(partial.locator('#search-partial-h').textContent()).resolves.toBe('只包含其中部分词语的报告');
    }
    expect(await axe(w.page)).toEqual([]);
    clean(w);
  });

  it('cuts excerpts at a cell or a sentence, keeping a label with its value, the words marked', async () => {
    const w = await watchedPage(browser, site.url);
    await search(w.page, `${site.url}search/?q=${encodeURIComponent('98.41%')}`);
    const excerpt = w.page.locator('#search-results li .search-excerpt').first();
    await expect(excerpt.textContent()).resolves.toMatch(/^报告所写：98\.0%；按数字计算：98\.41%/);
    await expect(excerpt.locator('mark').allTextContents()).resolves.toContain('98.41%');
    await search(w.page, `${site.url}search/?q=${encodeURIComponent('电动汽车充电')}`);
    const text = (await w.page.locator('#search-results li .search-excerpt').first().textContent())!;
    expect(text).toContain('电动汽车充电');
    // Not mid-word: it begins a cell or a sentence of the page.
    const page = await (await fetch(`${site.url}reports/2022-haizhu-kgsxj/`)).text();
    expect(page.replace(/<[^>]+>/g, '\n')).toContain(text.slice(0, 8).replace(/^…/, ''));
    clean(w);
  });

  it('indexes report pages only: no other page carries data-pagefind-body', () => {
    expect(readFileSync(join(out, 'reports/2022-haizhu-kgsxj/index.html'), 'utf8')).toContain('data-pagefind-body');
    for (const page of ['index.html', 'search/index.html']) expect(readFileSync(join(out, page), 'utf8')).not.toContain('data-pagefind-body');
  });

  it('goes from the header search box to the results, and back to the previous query', async () => {
    const w = await watchedPage(browser, site.url);
    await w.page.goto(`${site.url}about/`); // the home and search pages have their own box instead of the header's
    await w.page.getByRole('searchbox', { name: '搜索报告' }).fill('琶洲');
    await w.page.getByRole('searchbox', { name: '搜索报告' }).press('Enter');
    await w.page.waitForURL(`${site.url}search/?q=${encodeURIComponent('琶洲')}`);
    await settled(w.page);
    expect(await w.page.locator('#search-status').textContent()).toContain('“琶洲”共找到 1 份报告');
    await w.page.getByRole('searchbox', { name: '关键词' }).fill('采购管理');
    await w.page.getByRole('searchbox', { name: '关键词' }).press('Enter');
    await w.page.locator('#search-status').filter({ hasText: '采购管理' }).waitFor();
    expect(new URL(w.page.url()).searchParams.get('q')).toBe('采购管理');
    await w.page.goBack();
    await w.page.locator('#search-status').filter({ hasText: '琶洲' }).waitFor();
    expect(await w.page.getByRole('searchbox', { name: '关键词' }).inputValue()).toBe('琶洲');
    clean(w);
  });

  it('without JavaScript, the header form leads to the search page, which says search needs JavaScript', async () => {
    const w = await watchedPage(browser, site.url, { javaScriptEnabled: false });
    await w.page.goto(`${site.url}about/`);
    await w.page.getByRole('searchbox', { name: '搜索报告' }).fill('充电桩');
    await w.page.getByRole('button', { name: '搜索' }).first().click();
    await w.page.waitForURL(/\/xxgk\/jxzp\/search\/\?q=/);
    expect(new URL(w.page.url()).searchParams.get('q')).toBe('充电桩');
    await expect(w.page.locator('main').textContent()).resolves.toContain('站内搜索需要浏览器启用 JavaScript');
    await expect(w.page.getByRole('link', { name: '按年度浏览' }).getAttribute('href')).resolves.toBe(`${BASE}years/`);
    await expect(w.page.getByRole('link', { name: '按部门浏览' }).getAttribute('href')).resolves.toBe(`${BASE}departments/`);
    clean(w);
  });
});

describe.skipIf(!hasBrowser)('search across many reports', () => {
  let browser: Browser;
  let site: Served;
  let parted: Served;
  let partedDir: string;
  beforeAll(async () => {
    const dir = writeTree(generateReports({ count: 60, seed: 7 }));
    mkdirSync(join(dir, 'content/2022'), { recursive: true });
    copyFileSync(join(ROOT, 'content/2022/haizhu-kgsxj.yaml'), join(dir, 'content/2022/haizhu-kgsxj.yaml'));
    site = await serve(buildSite({ contentDir: join(dir, 'content'), base: BASE }), BASE, { csp: true });
    // The same reports indexed in parts of 20 pages, each year's apart, as a large site is (see src/build/search-index.ts).
    partedDir = buildSite({ contentDir: join(dir, 'content'), base: BASE, extra: ['--search-part-size', '20'] });
    parted = await serve(partedDir, BASE, { csp: true });
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
    await parted?.close();
  });

  it('finds the same reports first when the index is built in parts and merged in the browser', async () => {
    expect(JSON.parse(readFileSync(join(partedDir, 'pagefind/jixiao-parts.json'), 'utf8'))).toEqual([
      'part-2020-1/',
      'part-2021-1/',
      'part-2022-1/',
      'part-2023-1/',
      'part-2024-1/',
    ]);
    const one = await watchedPage(browser, site.url);
    const many = await watchedPage(browser, parted.url);
    for (const q of ['满意度', '电动汽车充电']) {
      await search(one.page, `${site.url}search/?q=${encodeURIComponent(q)}&year=2022`);
      await search(many.page, `${parted.url}search/?q=${encodeURIComponent(q)}&year=2022`);
      const n = await total(one.page);
      expect(n).toBeGreaterThan(0);
      // Every report one index finds, the merged parts find, first. A small part may not know a
      // word the whole site knows and match its characters loosely, so loose matches can follow.
      expect(await total(many.page)).toBeGreaterThanOrEqual(n);
      if (n <= 10) expect((await resultPaths(many.page)).slice(0, n).sort()).toEqual((await resultPaths(one.page)).sort());
    }
    clean(one);
    clean(many);
  });

  const total = async (page: Page) => Number(/共找到 (\d+) 份/.exec((await page.locator('#search-status').textContent()) ?? '')?.[1]);

  it('narrows results with filters kept in the URL, and a shared URL reproduces them', async () => {
    const w = await watchedPage(browser, site.url);
    await search(w.page, `${site.url}search/?q=${encodeURIComponent('满意度')}`);
    const all = await total(w.page);
    expect(all).toBeGreaterThan(10);
    await w.page.getByLabel('年度').selectOption('2023');
    await w.page.waitForURL(/year=2023/);
    await w.page
      .locator('#search-status')
      .filter({ hasText: /共找到 \d+ 份/ })
      .waitFor();
    await expect.poll(() => total(w.page)).toBeLessThan(all);
    for (const m of await resultMeta(w.page)) expect(m).toContain('2023 年度');
    await w.page.getByLabel('报告类型').selectOption('项目支出');
    await w.page.waitForURL(/kind=/);
    await expect.poll(async () => (await resultMeta(w.page)).every((m) => m.includes('2023 年度') && m.includes('项目支出'))).toBe(true);
    const shared = w.page.url();
    const shown = await resultPaths(w.page);
    expect(shown.length).toBeGreaterThan(0);

    const other = await watchedPage(browser, site.url);
    await search(other.page, shared);
    expect(await resultPaths(other.page)).toEqual(shown);
    expect(await other.page.getByLabel('年度').inputValue()).toBe('2023');
    expect(await other.page.getByLabel('报告类型').inputValue()).toBe('项目支出');
    clean(w);
    clean(other);
  });

  it('pages large result sets, with the page in the URL', async () => {
    const w = await watchedPage(browser, site.url);
    await search(w.page, `${site.url}search/?q=${encodeURIComponent('绩效目标')}`);
    expect(await total(w.page)).toBeGreaterThan(10);
    const first = await resultPaths(w.page);
    expect(first).toHaveLength(10);
    await w.page.getByRole('navigation', { name: '搜索结果分页' }).getByRole('link', { name: '下一页' }).click();
    await w.page.waitForURL(/page=2/);
    await expect.poll(async () => (await resultPaths(w.page))[0]).not.toBe(first[0]);
    expect(await w.page.locator('#search-results').getAttribute('start')).toBe('11');
    expect(await w.page.locator('#search-status').textContent()).toContain('第 2 /');
    expect(await axe(w.page)).toEqual([]);
    await w.page.goBack();
    await expect.poll(() => resultPaths(w.page)).toEqual(first);
    clean(w);
  });
});
