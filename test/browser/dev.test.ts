/**
 * `jixiao dev` in a real browser, as staff use it: the page follows each save; a save that breaks
 * the file shows its errors (file and line) instead of the old page; the fix brings the page back.
 * Also what the page says where the file states that the original gives no budget (notStated).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, writeTree } from '../helpers/build-site.ts';
import { startDevProcess, type DevProcess } from './dev-process.ts';
import { hasBrowser, launch, watchedPage } from './harness.ts';

const seed = readFileSync(join(ROOT, 'content/2022/haizhu-kgsxj.yaml'), 'utf8');
const FILE = 'content/2022/haizhu-kgsxj.yaml';
const NOT_STATED = `kind: department
year: 2021
title: 2021年度虚构市示例局部门整体支出绩效自评报告
department: { id: xugou-shili, name: 虚构市示例局 }
score: { total: 88 }
notStated:
  budget: 原报告未公开预算数和支出数（虚构示例）
`;

describe.skipIf(!hasBrowser)('jixiao dev', () => {
  let dir: string;
  let dev: DevProcess;
  let url: string;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    dir = writeTree({
      [FILE]: seed,
      'content/2021/xugou-shili.yaml': NOT_STATED,
      'site.yaml': 'base: /xxgk/jxzp/\nfooter: { sponsor: 虚构市财政局, siteCode: "0000000000", contact: 电话 000 }\n',
    });
    // Started as staff start it (test/browser/dev-process.ts).
    dev = await startDevProcess(dir, 4397);
    url = dev.url;
    browser = await launch();
    page = (await watchedPage(browser, url)).page;
  });

  afterAll(async () => {
    await browser?.close();
    if (dev?.child.pid) process.kill(dev.child.pid, 'SIGTERM');
  });

  const h1 = () =>
    page
      .locator('h1')
      .first()
      .textContent({ timeout: 2000 })
      .catch(() => '');
  const save = (text: string) => writeFileSync(join(dir, FILE), text);

  it('serves under the configured base path on 127.0.0.1', () => {
    expect(url).toBe('http://127.0.0.1:4397/xxgk/jxzp/');
  });

  it('serves the site icon where the pages link it, as the built site does', async () => {
    await page.goto(url);
    const icon = await page.locator('link[rel="icon"]').getAttribute('href');
    expect(icon).toBe('/xxgk/jxzp/favicon.svg');
    const res = await page.request.get(new URL(icon!, url).href);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toBe('image/svg+xml');
  });

  it('serves the open-data files of every report at the addresses the data page links', async () => {
    await page.goto(`${url}data/`);
    const links = await page
      .locator('main a[href$=".csv"], main a[href$=".xlsx"], main a[href$="datapackage.json"]')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
    expect(links).toEqual(expect.arrayContaining(['reports.csv', 'indicators.csv', 'reports.xlsx', 'datapackage.json'].map((f) => `/xxgk/jxzp/data/${f}`)));
    for (const href of new Set(links)) {
      const res = await page.request.get(new URL(href, url).href);
      expect(res.status(), href).toBe(200);
    }
    const book = await page.request.get(`${url}data/reports.xlsx`);
    expect(book.headers()['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect((await book.body()).subarray(0, 2).toString()).toBe('PK');
    const index = await page.request.get(`${url}data/reports.json`);
    expect((await index.json()).reports.map((r: { id: string }) => r.id)).toContain('2022-haizhu-kgsxj');
  });

  it('follows a save: the page changes without reloading by hand', async () => {
    await page.goto(`${url}reports/2022-haizhu-kgsxj/`);
    expect(await h1()).toContain('2022年度广州市海珠区科技工业商务和信息化局');
    save(seed.replace('title: 2022年度广州市海珠区', 'title: 2022年度（改）广州市海珠区'));
    await expect.poll(h1, { timeout: 30_000 }).toContain('2022年度（改）广州市海珠区');
    expect(dev.output()).toContain(`已保存 ${FILE}`);
  });

  it('a broken save shows its errors with file and line instead of the page', async () => {
    const broken = seed.replace('  spent: 27788.84', '  spent：27788.84');
    await page.waitForTimeout(300);
    const line = broken.split('\n').findIndex((l) => l.includes('spent：')) + 1;
    save(broken);
    const errors = page.locator('#jixiao-dev-errors');
    await expect.poll(() => errors.textContent({ timeout: 2000 }).catch(() => ''), { timeout: 30_000 }).toContain(`${FILE} 第 ${line} 行`);
    const text = await errors.textContent();
    expect(text).toContain('中文冒号');
    expect(text).toContain('写作：  spent: 27788.84');
    expect(await page.locator('h1').first().textContent()).toContain('内容有 1 个错误');
    expect(dev.output()).toContain(`${FILE}:${line}: 错误:`);
    await page.screenshot({ path: join(tmpdir(), 'jixiao-dev-error.png') });
  });

  it('the fix brings the page back', async () => {
    save(seed);
    await expect.poll(h1, { timeout: 30_000 }).toContain('2022年度广州市海珠区科技工业商务和信息化局');
    expect(await page.locator('#jixiao-dev-errors').count()).toBe(0);
  });

  it('shows the warnings of the file just saved on the page itself', async () => {
    save(seed.replace('  planned: 28239.16', '  planned: 28239.17'));
    const panel = page.locator('#jixiao-dev-findings');
    const panelText = () => panel.textContent({ timeout: 2000 }).catch(() => '');
    await expect.poll(panelText, { timeout: 30_000 }).toContain('全年预算 28,239.17');
    expect(await panel.textContent()).toContain(`刚保存的 ${FILE}`);
    save(seed);
    await expect.poll(panelText, { timeout: 30_000 }).toContain('全年预算 28,239.16');
  });

  it("where the original states no budget, the page says so in the file's words", async () => {
    await page.goto(`${url}reports/2021-xugou-shili/`);
    const headline = page.locator('.headline');
    expect(await headline.textContent()).toContain('原报告未公开预算数和支出数（虚构示例）');
    // No 未注明 tiles for the money: the sentence stands in their place.
    expect(await headline.locator('.stat-planned, .stat-spent, .stat-rate').count()).toBe(0);
    expect(await headline.textContent()).toContain('88');
    for (const width of [390, 1366]) {
      await page.setViewportSize({ width, height: 900 });
      await page.screenshot({ path: join(tmpdir(), `jixiao-dev-not-stated-${width}.png`) });
    }
  });
});
