// Every chart whole at every width and text size, read from the geometry the chart drew
// (src/client/charts.ts keeps each value label's, axis label's and bar's box, from chart.js's own
// element positions, on the canvas): each label inside its canvas, apart from the other labels and
// off the bars. On the seed and on the generated district (a department in 元, one that changes
// unit, one with a year missing), at 320, 390 and 1366 px in 标准, 大字号 and 特大.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { buildSite, writeTree } from '../helpers/build-site.ts';
import { manyDepartmentsCorpus } from '../helpers/many-departments.ts';
import { hasBrowser, launch, serve, type Served } from './harness.ts';
import { BASE } from './site-helpers.ts';

const SEED_PAGES = ['reports/2022-haizhu-kgsxj/', 'years/2022/'];
const DISTRICT_PAGES = [
  'reports/2021-xugou-sthj/',
  'reports/2023-xugou-jyj/',
  'departments/xugou-sthj/',
  'departments/xugou-mzj/',
  'departments/xugou-yjj/',
  'years/2021/',
  'projects/xugou-jtj/gongjiao/',
];
const WIDTHS = [320, 390, 1366];
const MODES = [
  ['标准', ''],
  ['大字号', '1'],
  ['特大', '2'],
] as const;

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
  text?: string;
}

/** What is wrong with every drawn chart of the page, in words; [] when every chart is whole. */
async function chartProblems(page: Page): Promise<string[]> {
  for (const fig of await page.locator('figure[data-chart]').all()) {
    await fig.scrollIntoViewIfNeeded();
    await page.waitForTimeout(30);
  }
  await page.waitForFunction(() => [...document.querySelectorAll<HTMLElement>('figure[data-chart]')].every((f) => f.dataset.chartDrawn === 'true'), null, {
    timeout: 5000,
  });
  const charts = await page
    .locator('figure[data-chart] canvas')
    .evaluateAll((cs) => cs.map((c) => ({ id: c.closest('figure')!.id, geo: JSON.parse((c as HTMLCanvasElement).dataset.geometry ?? 'null') })));
  const out: string[] = [];
  const apart = (a: Box, b: Box) => a.x + 0.5 >= b.x + b.w || b.x + 0.5 >= a.x + a.w || a.y + 0.5 >= b.y + b.h || b.y + 0.5 >= a.y + a.h;
  for (const { id, geo } of charts) {
    if (!geo) {
      out.push(`${id}: no geometry`);
      continue;
    }
    const labels: Box[] = [...geo.labels, ...geo.ticks];
    labels.forEach((l, i) => {
      if (l.x < -0.5 || l.y < -0.5 || l.x + l.w > geo.width + 0.5 || l.y + l.h > geo.height + 0.5)
        out.push(`${id} (${geo.mode}): “${l.text}” cut by the canvas edge`);
      for (const o of labels.slice(i + 1)) if (!apart(l, o)) out.push(`${id} (${geo.mode}): “${l.text}” touches “${o.text}”`);
      for (const b of geo.bars as Box[]) if (b.w > 0 && b.h > 0 && !apart(l, b)) out.push(`${id} (${geo.mode}): “${l.text}” lies on a bar`);
    });
  }
  return out;
}

for (const [siteName, pages, build] of [
  ['seed', SEED_PAGES, () => buildSite({ base: BASE })],
  ['district', DISTRICT_PAGES, () => buildSite({ contentDir: join(writeTree(manyDepartmentsCorpus()), 'content'), base: BASE })],
] as const) {
  describe.skipIf(!hasBrowser)(`${siteName}: every chart whole`, () => {
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

    for (const width of WIDTHS)
      for (const [mode, level] of MODES)
        it(`at ${width} px, ${mode}: every label inside its canvas, apart from the others and off the bars`, async () => {
          const ctx = await browser.newContext({ viewport: { width, height: 900 } });
          if (level) await ctx.addInitScript((l) => localStorage.setItem('jixiao-large-text', l), level);
          const page = await ctx.newPage();
          const problems: string[] = [];
          let drawn = 0;
          for (const p of pages) {
            await page.goto(`${site.url}${p}`);
            problems.push(...(await chartProblems(page)).map((x) => `${p} ${x}`));
            drawn += await page.locator('figure[data-chart] canvas').count();
          }
          await ctx.close();
          expect(drawn).toBeGreaterThan(pages.length);
          expect(problems.join('\n')).toBe('');
        });
  });
}
