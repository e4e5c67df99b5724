// The comparison pages as readers use them, on the generated many-department site (虚构) and on
// the shipped content, under /xxgk/jxzp/: the year page's totals, distribution and two ranking
// charts with tables; every comparison table sorting by each column with JavaScript and reading
// in a sensible order without; a department's changes from the year before; a project followed
// from one year to the next; every table's CSV parsing with the Chinese intact; and at 320 and
// 390 px, in normal and large text, no table hiding a column.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { buildSite, writeTree } from '../helpers/build-site.ts';
import { manyDepartmentsCorpus } from '../helpers/many-departments.ts';
import { parseCsv } from '../helpers/csv.ts';
import { hasBrowser, launch, serve, watchedPage, type Served } from './harness.ts';
import { BASE, chartState } from './site-helpers.ts';

const PAGES = ['', 'years/2023/', 'years/2020/', 'departments/xugou-jyj/', 'departments/xugou-mzj/', 'projects/', 'projects/xugou-jyj/kehou-fuwu/'];

/** Every sortable table's column: the data-sort keys in row order (null = missing). */
const columnKeys = (page: Page, tableId: string, col: number) =>
  page.evaluate(
    ([id, c]) => [...document.querySelectorAll(`#${id} tbody tr`)].map((tr) => (tr as HTMLTableRowElement).cells[c as number]?.dataset.sort ?? null),
    [tableId, col] as const,
  );

function inOrder(keys: (string | null)[], numeric: boolean, dir: 'ascending' | 'descending'): boolean {
  const known = keys.filter((k): k is string => k !== null);
  const firstMissing = keys.indexOf(null);
  if (firstMissing >= 0 && keys.slice(firstMissing).some((k) => k !== null)) return false; // missing figures last
  const cmp = (a: string, b: string) => (numeric ? Number(a) - Number(b) : a.localeCompare(b, 'zh-CN', { numeric: true }));
  return known.every((k, i) => i === 0 || (dir === 'ascending' ? cmp(known[i - 1]!, k) <= 0 : cmp(known[i - 1]!, k) >= 0));
}

/** Tables (or their cells) that reach past the page's right edge, and anything in <main> that does
 * (the header is the readers' tests' concern). */
const hiddenColumns = (page: Page) =>
  page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const out: string[] = [];
    for (const el of document.querySelectorAll('main *')) {
      const r = el.getBoundingClientRect();
      if (r.width && r.right > width + 1 && !el.closest('.table-scroll')) {
        out.push(`${el.tagName}.${el.className} reaches ${Math.round(r.right)} > ${width}`);
        break;
      }
    }
    for (const t of document.querySelectorAll('main table')) {
      const box = t.closest('.table-scroll') ?? t.parentElement!;
      if (t.scrollWidth > box.clientWidth + 1) out.push(`${t.querySelector('caption')?.textContent}: ${t.scrollWidth} > ${box.clientWidth}`);
      for (const c of t.querySelectorAll('td, th[scope="row"]')) {
        const r = c.getBoundingClientRect();
        if (r.width && (r.right > width + 1 || r.left < -1)) {
          out.push(`${t.querySelector('caption')?.textContent}: cell at ${Math.round(r.right)} > ${width}`);
          break;
        }
      }
    }
    return out;
  });

describe.skipIf(!hasBrowser)('comparison pages on the many-department site', () => {
  let browser: Browser;
  let site: Served;
  beforeAll(async () => {
    const dir = writeTree(manyDepartmentsCorpus());
    site = await serve(buildSite({ contentDir: join(dir, 'content'), base: BASE }), BASE, { csp: true });
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  it('the year page shows the totals, the grade distribution and two ranking charts, each with its table', async () => {
    const w = await watchedPage(browser, site.url);
    await w.page.goto(`${site.url}years/2020/`);
    await w.page.waitForLoadState('networkidle');
    const totals = await w.page.locator('.totals').innerText();
    expect(totals).toMatch(/全年预算合计\s*[\d,]+\.\d\d 万元/);
    expect(totals).toMatch(/实际支出合计\s*[\d,]+\.\d\d 万元\s*9 份中 8 份注明/);
    expect(totals).toMatch(/总体预算执行率\s*\d+\.\d\d%/);
    expect(await w.page.locator('caption', { hasText: '2020 年度部门整体自评等级分布' }).count()).toBe(1);
    expect(await w.page.locator('#table-grades tbody tr', { hasText: '差' }).innerText()).toMatch(/差\s+1 份/);
    expect(await chartState(w.page)).toEqual({ figures: 2, drawn: 2, painted: 2 });
    for (const id of ['chart-rank-rate', 'chart-rank-score']) expect(await w.page.locator(`#${id} table tbody tr`).count()).toBe(9);
    expect(w.consoleErrors).toEqual([]);
    expect(w.offsite).toEqual([]);
    await w.page.context().close();
  });

  it('every comparison table sorts by each column with JavaScript, missing figures last, 合计 kept last', async () => {
    const w = await watchedPage(browser, site.url);
    let checked = 0;
    for (const path of PAGES) {
      await w.page.goto(site.url + path);
      const tables = await w.page.$$eval('table[data-sortable]', (ts) =>
        ts.map((t) => ({ id: t.id, types: [...t.querySelectorAll('thead th')].map((th) => (th as HTMLElement).dataset.type) })),
      );
      for (const t of tables) {
        for (const [col, type] of t.types.entries()) {
          const button = w.page.locator(`#${t.id} thead th`).nth(col).locator('button');
          await button.click();
          const first = type === 'number' ? 'descending' : 'ascending';
          expect(await w.page.locator(`#${t.id} thead th`).nth(col).getAttribute('aria-sort')).toBe(first);
          expect(inOrder(await columnKeys(w.page, t.id, col), type === 'number', first), `${path} ${t.id} column ${col} ${first}`).toBe(true);
          await button.click();
          const second = first === 'ascending' ? 'descending' : 'ascending';
          expect(inOrder(await columnKeys(w.page, t.id, col), type === 'number', second), `${path} ${t.id} column ${col} ${second}`).toBe(true);
          checked++;
        }
        const foot = await w.page.$$eval(`#${t.id} tfoot tr`, (rows) => rows.length);
        if (foot) expect(await w.page.locator(`#${t.id} tr`).last().innerText()).toMatch(/^合计/);
      }
    }
    expect(checked).toBeGreaterThan(60);
    expect(w.consoleErrors).toEqual([]);
    await w.page.context().close();
  });

  it('without JavaScript the tables read in a sensible order: departments by name, ranks from the top, years newest first', async () => {
    const w = await watchedPage(browser, site.url, { javaScriptEnabled: false });
    await w.page.goto(`${site.url}years/2023/`);
    const names = await w.page.$$eval('#table-departments tbody th', (ths) => ths.map((th) => th.textContent!.trim()));
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'zh-CN')));
    expect(await w.page.locator('#table-departments tfoot').innerText()).toMatch(/合计（11 份）/);
    const ranks = await w.page.$$eval('#table-rank-score tbody td:nth-of-type(1)', (tds) => tds.map((td) => Number((td as HTMLElement).dataset.sort)));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(await w.page.locator('.sort-bar').count()).toBe(0);
    await w.page.goto(`${site.url}departments/xugou-jyj/`);
    expect(await w.page.$$eval('#table-years tbody th', (ths) => ths.map((th) => th.textContent!.trim()))).toEqual([
      '2023 年度',
      '2022 年度',
      '2021 年度',
      '2020 年度',
      '2019 年度',
    ]);
    await w.page.context().close();
  });

  it('a department page shows its trends and what changed from the year before, and says which year it compares with', async () => {
    const w = await watchedPage(browser, site.url);
    await w.page.goto(`${site.url}departments/xugou-jtj/`);
    await w.page.waitForLoadState('networkidle');
    expect(await chartState(w.page)).toEqual({ figures: 3, drawn: 3, painted: 3 });
    expect(await w.page.locator('h2', { hasText: '与上一份报告相比：2022 → 2023 年度' }).count()).toBe(1);
    const figures = await w.page.locator('#table-change-figures tbody').innerText();
    expect(figures).toMatch(/自评得分[\s\S]*(增加|减少|持平)/);
    expect(await w.page.locator('#table-change-indicators tbody tr').count()).toBeGreaterThan(0);
    const rateSpec = JSON.parse((await w.page.locator('#chart-trend-rate').getAttribute('data-chart'))!);
    expect(rateSpec.min).toBe(0);
    await w.page.goto(`${site.url}departments/xugou-mzj/`); // no 2020 report
    expect(await w.page.locator('h2', { hasText: '2022 → 2023' }).count()).toBe(1);
    await w.page.goto(`${site.url}departments/xugou-yjj/`); // from 2021 only
    expect(await w.page.locator('#table-years tbody tr').count()).toBe(3);
    expect(w.consoleErrors).toEqual([]);
    await w.page.context().close();
  });

  it('a project named in two years can be followed from one report to the next, through a rename', async () => {
    const w = await watchedPage(browser, site.url);
    await w.page.goto(`${site.url}departments/xugou-jyj/`);
    await w.page.locator('#table-projects tbody tr', { hasText: '2022 年度' }).getByRole('link', { name: '历年对比' }).click();
    await w.page.waitForURL(/projects\/xugou-jyj\/kehou-fuwu\/$/);
    expect(await w.page.locator('h1').innerText()).toBe('示例课后延时服务补助（虚构）');
    // The projects are a section of the site: the main menu leads there and marks where the reader is.
    await expect.poll(() => w.page.getByRole('navigation', { name: '主导航' }).locator('[aria-current="page"]').innerText()).toBe('按项目');
    expect(await w.page.locator('.project-names').innerText()).toMatch(/示例课后服务补助（虚构）/);
    const rows = await w.page.$$eval('#table-years tbody tr', (trs) => trs.map((tr) => (tr as HTMLElement).innerText.replace(/\s+/g, ' ')));
    expect(rows.map((r) => r.slice(0, 7))).toEqual(['2021 年度', '2022 年度', '2023 年度']);
    await w.page.locator('#table-years tbody th a', { hasText: '2023 年度' }).click();
    await w.page.waitForURL(/reports\/2023-xugou-jyj-kehou-fuwu\/$/);
    await w.page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '按项目' }).click();
    await w.page.waitForURL(/projects\/$/);
    expect(await w.page.locator('#table-projects a', { hasText: '示例课后延时服务补助（虚构）' }).first().getAttribute('href')).toBe(
      `${BASE}projects/xugou-jyj/kehou-fuwu/`,
    );
    await w.page.context().close();
  });

  it("every table's CSV link is plain, and the file parses with the Chinese intact and one row per table row", async () => {
    const w = await watchedPage(browser, site.url, { javaScriptEnabled: false });
    let files = 0;
    for (const path of PAGES) {
      await w.page.goto(site.url + path);
      const tables = await w.page.$$eval('.compare-table', (boxes) =>
        boxes.map((b) => ({
          href: b.querySelector<HTMLAnchorElement>('a.csv-link')?.href ?? null,
          caption: b.querySelector('caption')!.textContent!.trim(),
          rows: b.querySelectorAll('tbody tr, tfoot tr').length,
          first: b.querySelector('tbody tr > :first-child')?.textContent?.trim() ?? '',
        })),
      );
      for (const t of tables) {
        if (!t.href) {
          expect(t.rows, `${path} ${t.caption} has no CSV link`).toBe(0);
          continue;
        }
        const res = await w.page.request.get(t.href);
        expect(res.status(), t.href).toBe(200);
        const body = await res.body();
        expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
        const text = body.toString('utf8');
        expect(text.endsWith('\r\n')).toBe(true);
        const rows = parseCsv(text.slice(1));
        expect(rows.length - 1, `${t.href}`).toBe(t.rows);
        expect(t.first.startsWith(rows[1]![0]!), `${t.href}: ${rows[1]![0]} vs ${t.first}`).toBe(true);
        expect(text).toMatch(/[\u4e00-\u9fff]/);
        files++;
      }
    }
    expect(files).toBeGreaterThan(15);
    await w.page.context().close();
  });

  for (const width of [320, 390]) {
    for (const large of [false, true]) {
      it(`at ${width} px${large ? ' in 大字号' : ''} no table hides a column and nothing in the page reaches past its edge`, async () => {
        const w = await watchedPage(browser, site.url, { viewport: { width, height: 800 } });
        if (large) {
          await w.page.goto(site.url);
          await w.page.evaluate(() => localStorage.setItem('jixiao-large-text', '1'));
        }
        for (const path of PAGES) {
          await w.page.goto(site.url + path);
          await w.page.waitForLoadState('networkidle');
          expect(await w.page.evaluate(() => document.documentElement.classList.contains('large-text'))).toBe(large);
          expect(await hiddenColumns(w.page), path).toEqual([]);
        }
        await w.page.context().close();
      });
    }
  }
});

describe.skipIf(!hasBrowser)('comparison pages on the shipped content', () => {
  let browser: Browser;
  let site: Served;
  beforeAll(async () => {
    site = await serve(buildSite({ base: BASE }), BASE, { csp: true });
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  it('the home, year and department pages of a one-report site show its figures without empty comparisons', async () => {
    const w = await watchedPage(browser, site.url, { viewport: { width: 390, height: 844 } });
    await w.page.goto(site.url);
    expect(await w.page.locator('.totals').innerText()).toMatch(/全年预算合计\s*28,239\.16 万元[\s\S]*实际支出合计\s*27,788\.84 万元[\s\S]*98\.41%/);
    await w.page.goto(`${site.url}years/2022/`);
    expect(await w.page.locator('#table-departments tfoot').innerText()).toMatch(/28,239\.16 万元/);
    expect(await w.page.locator('#chart-rank-rate').count()).toBe(0); // one department: nothing to rank
    expect(await hiddenColumns(w.page)).toEqual([]);
    await w.page.goto(`${site.url}departments/haizhu-kgsxj/`);
    expect(await w.page.locator('#table-years tbody tr').count()).toBe(1);
    const csv = await w.page.request.get(`${site.url}departments/haizhu-kgsxj/years.csv`);
    expect(parseCsv((await csv.text()).replace(/^\uFEFF/, ''))[1]!.slice(0, 3)).toEqual(['2022', '28239.16', '27788.84']);
    expect(w.consoleErrors).toEqual([]);
    await w.page.context().close();
  });
});
