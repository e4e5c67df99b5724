// What a reader sees of issue 32's reading comfort, on real builds: the seed, and the generated
// district (a department in 元, one that changes unit, one missing a year) with a site.yaml that
// expects a department which never publishes. Who did not publish and what changed (year page,
// home page); where points were lost, with its CSV; the report page folded on a phone but whole
// without JavaScript and in print, its 目录 in reach, headings linked; no rows of 0 份; each
// project listed once with unique landmarks; file sizes and dates on the data page; the search
// box's placeholder whole; indexed table cells keeping their labels. axe clean on every page.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { buildSite, writeTree } from '../helpers/build-site.ts';
import { MANY_DEPARTMENTS, NEVER_PUBLISHES, manyDepartmentsCorpus, manyDepartmentsSettings } from '../helpers/many-departments.ts';
import { parseCsv } from '../helpers/csv.ts';
import { axe, hasBrowser, watchedPage } from './harness.ts';
import { BASE, servedSite } from './site-helpers.ts';

const SEED_REPORT = 'reports/2022-haizhu-kgsxj/';

/** WCAG A/AA plus landmark-unique (a best practice, which the issue names). */
async function violations(page: Page): Promise<string[]> {
  const wcag = (await axe(page)).map((v) => `${v.id}: ${v.help} ${JSON.stringify(v.nodes.map((n) => n.target))}`);
  const unique = await page.evaluate(async () => {
    const r = await (window as any).axe.run(document, { runOnly: { type: 'rule', values: ['landmark-unique'] } });
    return r.violations.map((v: any) => `${v.id}: ${JSON.stringify(v.nodes.map((n: any) => n.target))}`);
  });
  return [...wcag, ...unique];
}

describe.skipIf(!hasBrowser)('reading comfort: the generated district', () => {
  let out = '';
  const s = servedSite(() => {
    const dir = writeTree({ ...manyDepartmentsCorpus(), 'site.yaml': manyDepartmentsSettings() });
    return (out = buildSite({ contentDir: join(dir, 'content'), base: BASE, extra: ['--config', join(dir, 'site.yaml')] }));
  });

  it('the year page names the expected departments without a report, and the home page counts them and links there', async () => {
    const w = await watchedPage(s.browser, s.site.url, { viewport: { width: 390, height: 844 } });
    await w.page.goto(`${s.site.url}years/2020/`);
    // 民政局 published nothing in 2020; 统计局 never publishes.
    expect(await w.page.locator('.unpublished li').allInnerTexts()).toEqual(['示例市虚构区民政局', NEVER_PUBLISHES]);
    expect(await w.page.locator('#unpublished-h + p').innerText()).toContain(`部门 ${MANY_DEPARTMENTS.length} 个，其中 2 个`);
    await w.page.goto(s.site.url);
    const link = w.page.locator('a[href$="years/2023/#unpublished-h"]');
    expect(await link.innerText()).toBe('1 个部门未见 2023 年度部门整体支出绩效自评报告');
    await link.click();
    await w.page.waitForURL(/years\/2023\/#unpublished-h$/);
    expect(await w.page.locator('.unpublished li').allInnerTexts()).toEqual([NEVER_PUBLISHES]);
    expect(w.consoleErrors).toEqual([]);
    await w.page.context().close();
  });

  it('each year page says what changed from the year before, the totals in 万元 as its own table sums them', async () => {
    const w = await watchedPage(s.browser, s.site.url);
    await w.page.goto(`${s.site.url}years/2021/`);
    const items = await w.page.locator('section:has(#change-h) li').allInnerTexts();
    // The 合计 row of this year's and the previous year's departments.csv, independently of the sentence.
    const total = (year: number) => parseCsv(readFileSync(join(out, `years/${year}/departments.csv`), 'utf8').slice(1)).at(-1)![1]!;
    const display = (t: string) => {
      const places = t.split('.')[1]?.length ?? 0;
      return Number(t).toLocaleString('en-US', { minimumFractionDigits: places, maximumFractionDigits: places });
    };
    expect(items[0]).toContain(`全年预算合计 ${display(total(2021))} 万元，比 2020 年度（${display(total(2020))} 万元）`);
    // 民政局 is back in 2021 and 应急管理局 (in 元) first reports then.
    expect(items.find((t) => t.startsWith('新出现的部门'))).toBe('新出现的部门 2 个：示例市虚构区民政局、示例市虚构区应急管理局。');
    expect(items).toContain('部门整体支出绩效自评报告 11 份，2020 年度 9 份。');
    await w.page.goto(`${s.site.url}years/2019/`);
    expect(await w.page.locator('#change-h').count()).toBe(0); // the first year has nothing to compare with
    await w.page.context().close();
  });

  it('the year page shows where points were lost by indicator group, with the reasons, and the same rows as a CSV with units', async () => {
    const w = await watchedPage(s.browser, s.site.url);
    await w.page.goto(`${s.site.url}years/2020/`);
    const rows = w.page.locator('.losses-table tbody tr');
    const groups = await rows.locator('th').allInnerTexts();
    expect(groups.length).toBeGreaterThan(5);
    expect(groups).toContain('管理效率 › 预算执行');
    const lost = (await rows.locator('td.num').allInnerTexts()).map((t) => Number(/^([\d.]+) 分/.exec(t)![1]));
    expect(lost).toEqual([...lost].sort((a, b) => b - a));
    // 城管局 slips to 差 in 2020: it leads the biggest group, with its stated reason.
    expect(await rows.first().locator('li').first().innerText()).toMatch(/^虚构区城管局 −[\d.]+ 分：.+方面存在不足，扣 [\d.]+ 分（虚构示例）。$/);
    const csv = parseCsv(readFileSync(join(out, 'years/2020/points-lost.csv'), 'utf8').slice(1));
    expect(csv[0]).toEqual(['一级指标', '二级指标', '扣分合计（分）', '扣分的报告（份）', '各报告扣分（分）及所写原因']);
    expect(csv.slice(1).map((r) => Number(r[2]))).toEqual(lost);
    expect(await w.page.locator('a.csv-link[href$="years/2020/points-lost.csv"]').count()).toBe(1);
    await w.page.context().close();
  });

  it('the projects page lists each project once, and its landmarks are unique', async () => {
    const w = await watchedPage(s.browser, s.site.url, { viewport: { width: 390, height: 844 } });
    await w.page.goto(`${s.site.url}projects/`);
    const names = await w.page.locator('#table-projects tbody th, #table-named tbody th').allInnerTexts();
    expect(names.length).toBeGreaterThan(5);
    expect(new Set(names).size).toBe(names.length);
    expect(await violations(w.page)).toEqual([]);
    await w.page.context().close();
  });

  it('the data page gives each file its size (from datapackage.json) and the date its content runs to', async () => {
    const w = await watchedPage(s.browser, s.site.url);
    await w.page.goto(`${s.site.url}data/`);
    await expect.poll(() => w.page.locator('[data-size-of="reports.csv"]').innerText()).toMatch(/^[\d.]+ KB$/);
    const pkg = JSON.parse(readFileSync(join(out, 'data/datapackage.json'), 'utf8')) as { resources: { path: string; bytes: number }[] };
    const bytes = pkg.resources.find((r) => r.path === 'indicators.csv')!.bytes;
    expect(bytes).toBe(readFileSync(join(out, 'data/indicators.csv')).length);
    expect(await w.page.locator('[data-size-of="indicators.csv"]').innerText()).toBe(`${(bytes / 1024).toFixed(1)} KB`);
    expect(await w.page.locator('#files-heading + p').innerText()).toMatch(/内容截至 2024-0\d-1\d（收录报告中最新的发布日期）/);
    expect(w.failed).toEqual([]);
    await w.page.context().close();
  });

  it('a report that states one rate is indexed with the label before the value', async () => {
    const w = await watchedPage(s.browser, s.site.url);
    await w.page.goto(`${s.site.url}reports/2023-xugou-jyj/`);
    const indexed = await w.page.evaluate(() => {
      const body = document.querySelector('[data-pagefind-body]')!.cloneNode(true) as HTMLElement;
      for (const e of body.querySelectorAll('[data-pagefind-ignore]')) e.remove();
      return body.textContent!.replace(/\s+/g, '');
    });
    expect(indexed).toMatch(/预算执行率。报告所写：\d+\.\d%。/);
    expect(indexed).not.toMatch(/\d%报告所写/);
    await w.page.context().close();
  });

  for (const path of ['', 'years/2020/', 'data/', 'reports/2021-xugou-sthj/'])
    it(`axe finds nothing on /${path} at 390 px`, async () => {
      const w = await watchedPage(s.browser, s.site.url, { viewport: { width: 390, height: 844 } });
      await w.page.goto(s.site.url + path);
      expect(await violations(w.page)).toEqual([]);
      await w.page.context().close();
    });
});

describe.skipIf(!hasBrowser)('reading comfort: the seed report on a phone', () => {
  const s = servedSite(() => buildSite({ base: BASE }));

  const height = (page: Page) => page.evaluate(() => document.documentElement.scrollHeight);

  it('folds the long parts of its text at 390 px (24,212 px tall before, in 标准), whole without JavaScript', async () => {
    const w = await watchedPage(s.browser, s.site.url, { viewport: { width: 390, height: 844 } });
    await w.page.goto(s.site.url + SEED_REPORT);
    expect(await w.page.locator('details[data-fold]').count()).toBe(7);
    expect(await w.page.locator('details[data-fold][open]').count()).toBe(0);
    expect(await height(w.page)).toBeLessThan(16_500);
    // A link into a folded part opens it.
    await w.page.goto(`${s.site.url}${SEED_REPORT}#text-tasks`);
    await expect.poll(() => w.page.locator('details:has(#text-tasks)').getAttribute('open')).toBe('');
    const off = await watchedPage(s.browser, s.site.url, { viewport: { width: 390, height: 844 }, javaScriptEnabled: false });
    await off.page.goto(s.site.url + SEED_REPORT);
    expect(await off.page.locator('details[data-fold]:not([open])').count()).toBe(0);
    expect(await height(off.page)).toBeGreaterThan(22_000);
    await off.page.context().close();
    await w.page.context().close();
  });

  it('prints whole, with the site name, the address and the date, and no near-empty last page', async () => {
    const w = await watchedPage(s.browser, s.site.url, { viewport: { width: 390, height: 844 } });
    await w.page.goto(s.site.url + SEED_REPORT);
    await w.page.evaluate(() => dispatchEvent(new Event('beforeprint')));
    await w.page.emulateMedia({ media: 'print' });
    expect(await w.page.locator('details:not([open])').count()).toBe(0);
    const meta = await w.page.locator('.print-meta').innerText();
    expect(meta).toContain('绩效自评报告公开');
    expect(meta).toContain(`${s.site.url}${SEED_REPORT}`);
    expect(meta).toMatch(/打印日期：\d{4}年\d{1,2}月\d{1,2}日/);
    const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const doc = await getDocument({ data: new Uint8Array(await w.page.pdf({ format: 'A4', preferCSSPageSize: true })) }).promise;
    const last = (await (await doc.getPage(doc.numPages)).getTextContent()).items.map((x) => ('str' in x ? x.str : '')).join('');
    expect(last.length).toBeGreaterThan(200);
    await w.page.context().close();
  });

  it('keeps 本页目录 in reach and gives headings a link to themselves', async () => {
    const w = await watchedPage(s.browser, s.site.url, { viewport: { width: 390, height: 844 } });
    await w.page.goto(s.site.url + SEED_REPORT);
    await w.page.locator('#disclosure-h').scrollIntoViewIfNeeded();
    await w.page.getByRole('link', { name: '目录', exact: true }).click();
    await w.page.waitForURL(/#toc$/);
    expect(await w.page.locator('#toc').isVisible()).toBe(true);
    expect(await w.page.locator('#budget-h a.self-link').getAttribute('href')).toBe('#budget-h');
    expect(await violations(w.page)).toEqual([]);
    await w.page.context().close();
  });

  it('the home page shows no rows of 0 份 / 0.0%', async () => {
    const w = await watchedPage(s.browser, s.site.url, { viewport: { width: 390, height: 844 } });
    await w.page.goto(s.site.url);
    const cells = await w.page.locator('.dist-grid td').allInnerTexts();
    expect(cells.length).toBeGreaterThan(0);
    expect(cells.filter((t) => /^0 份$|^0\.0%$/.test(t.trim()))).toEqual([]);
    expect(await w.page.locator('.dist-grid .table-note').first().innerText()).toBe('没有报告的等级：良、中、差。');
    expect(await violations(w.page)).toEqual([]);
    await w.page.context().close();
  });

  it('the header search box shows its whole placeholder at 320 px in 特大', async () => {
    const w = await watchedPage(s.browser, s.site.url, { viewport: { width: 320, height: 800 } });
    await w.page.context().addInitScript(() => localStorage.setItem('jixiao-large-text', '2'));
    await w.page.goto(s.site.url);
    const room = await w.page.evaluate(() => {
      const i = document.querySelector<HTMLInputElement>('#site-search-q')!;
      const cs = getComputedStyle(i);
      const c = document.createElement('canvas').getContext('2d')!;
      c.font = `${cs.fontSize} ${cs.fontFamily}`;
      return {
        large: document.documentElement.classList.contains('large-text'),
        need: c.measureText(i.placeholder).width,
        has: i.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight),
      };
    });
    expect(room.large).toBe(true);
    expect(room.need).toBeLessThanOrEqual(room.has);
    await w.page.context().close();
  });
});

describe.skipIf(!hasBrowser)('reading comfort: figures stay whole on a phone in large text', () => {
  const s = servedSite(() => buildSite({ base: BASE }));

  // Each figure's text split into the pieces its line boxes hold: ['27,788.84 ', '万元'].
  const splitFigures = (page: Page) =>
    page.evaluate(() => {
      const out: string[][] = [];
      for (const el of document.querySelectorAll<HTMLElement>('td.num, .nobr')) {
        if (!el.offsetParent) continue;
        for (const n of el.childNodes) {
          const t = n.textContent ?? '';
          if (n.nodeType !== Node.TEXT_NODE || !t.trim()) continue;
          const r = document.createRange();
          const parts: string[] = [];
          let last: number | undefined;
          for (let i = 0; i < t.length; i++) {
            r.setStart(n, i);
            r.setEnd(n, i + 1);
            const box = r.getClientRects()[0];
            if (!box) continue;
            if (last === undefined || Math.abs(box.top - last) > 4) parts.push(t.charAt(i));
            else parts.push(parts.pop() + t.charAt(i));
            last = box.top;
          }
          if (parts.length > 1) out.push(parts);
        }
      }
      return out;
    });

  for (const [width, size] of [
    [320, '1'],
    [320, '2'],
    [390, '2'],
  ] as const)
    it(`breaks a figure only at a space or after a label, never inside a number or its unit (${width} px, text size ${size})`, async () => {
      const w = await watchedPage(s.browser, s.site.url, { viewport: { width, height: 844 } });
      await w.page.context().addInitScript((v) => localStorage.setItem('jixiao-large-text', v), size);
      for (const path of [SEED_REPORT, 'departments/haizhu-kgsxj/', 'years/2022/']) {
        await w.page.goto(s.site.url + path);
        // a line may end after a space or a label's colon (等级：/ 优), nowhere else
        const inside = (await splitFigures(w.page)).filter((parts) => parts.slice(0, -1).some((p) => !/[\s：:；，、]$/.test(p)));
        expect(inside, path).toEqual([]);
      }
      await w.page.context().close();
    });
});
