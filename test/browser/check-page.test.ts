/**
 * The 核对 page, done as issue 31 says: a real document (26_tianchang, a project 自评表 of 25
 * figures) imported by the real `jixiao import` as .txt, .html and .docx, the real `jixiao dev`
 * started on that project, and chromium finds every figure of each draft marked in the original
 * (the mark reads as the figure's value, and each side links to the other), every field the import
 * left empty listed with its reason, and the unchecked count falling as paths are written into
 * the data file's `checked:` list on disk, the page following each save.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { figuresOf } from '../../src/schema/index.ts';
import { ROOT, writeTree } from '../helpers/build-site.ts';
import { blocks, docxOf, htmlOf } from '../import/to-formats.ts';
import { captureIo } from '../validate/helpers.ts';
import { startDevProcess, type DevProcess } from './dev-process.ts';
import { axe, hasBrowser, launch } from './harness.ts';

const NAME = '26_tianchang_slj_2022_shuihanfangyu';
const FORMATS = ['txt', 'html', 'docx'] as const;

describe.skipIf(!hasBrowser)('the 核对 page of jixiao dev', () => {
  let dir: string;
  let dev: DevProcess;
  let url: string;
  let browser: Browser;
  let page: Page;
  /** Per form: the data file (relative to the project) and the draft's figures. */
  const drafts = new Map<string, { file: string; figures: ReturnType<typeof figuresOf> }>();

  beforeAll(async () => {
    const text = readFileSync(join(ROOT, 'test/fixtures/real-reports', `${NAME}.txt`), 'utf8');
    dir = writeTree({ 'site.yaml': 'footer: { sponsor: 虚构市财政局, siteCode: "0000000000", contact: 电话 000 }\n' });
    mkdirSync(join(dir, 'docs'));
    const body = blocks(text);
    writeFileSync(join(dir, 'docs', `${NAME}.txt`), text);
    writeFileSync(join(dir, 'docs', `${NAME}.html`), htmlOf(text, body, NAME));
    writeFileSync(join(dir, 'docs', `${NAME}.docx`), docxOf(body));
    for (const ext of FORMATS) {
      // Each form in a folder of its own, its department id made its own: three reports, one project.
      const io = captureIo(dir);
      expect(await main(['import', `docs/${NAME}.${ext}`, '--out', `content/${ext}`], io), io.all()).toBe(0);
      const year = join(dir, 'content', ext, '2022');
      const name = readdirSync(year).find((n) => n.endsWith('.yaml'))!;
      const file = `content/${ext}/2022/${name}`;
      const yaml = readFileSync(join(dir, file), 'utf8').replace(/^( {2}id: )bumen-[0-9a-f]+/m, `$1bumen-${ext}`);
      writeFileSync(join(dir, file), yaml);
      drafts.set(ext, { file, figures: figuresOf(parse(yaml), () => true) });
    }
    dev = await startDevProcess(dir, 4398, (o) => (o.includes('检查了 3 份报告') ? /核对页：(\S+?)（/.exec(o)?.[1] : undefined));
    url = dev.url;
    browser = await launch();
    page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
  });

  afterAll(async () => {
    await browser?.close();
    if (dev?.child.pid) process.kill(dev.child.pid, 'SIGTERM');
  });

  const pageOf = (ext: string) => `${url}?file=${encodeURIComponent(drafts.get(ext)!.file)}`;

  it('lists every draft with its progress', async () => {
    await page.goto(url);
    for (const ext of FORMATS) {
      const { file, figures } = drafts.get(ext)!;
      const item = page.locator(`#jx-drafts li[data-file="${file}"]`);
      expect(await item.textContent()).toContain(`已核对 0 / ${figures.length} 个数字`);
    }
    expect(figures('txt')).toBeGreaterThanOrEqual(20);
    expect(await axe(page)).toEqual([]);
  });

  const figures = (ext: string) => drafts.get(ext)!.figures.length;

  it.each(FORMATS)('as .%s: every figure of the draft is marked in the original where it was read', async (ext) => {
    await page.goto(pageOf(ext));
    const listed = await page.locator('#jx-fields li[data-path]').evaluateAll((lis) =>
      lis.map((li) => {
        const link = li.querySelector('a.jx-val');
        const mark = link && document.getElementById(link.getAttribute('href')!.slice(1));
        return {
          path: li.getAttribute('data-path'),
          inOriginal: Boolean(mark?.closest('#jx-original')),
          marked: mark?.textContent ?? null,
          back: mark?.getAttribute('href'),
        };
      }),
    );
    const expected = drafts.get(ext)!.figures;
    expect(listed.map((l) => l.path)).toEqual(expected.map((f) => f.path));
    for (const [i, f] of expected.entries()) {
      const l = listed[i]!;
      expect({ path: f.path, inOriginal: l.inOriginal }).toEqual({ path: f.path, inOriginal: true });
      expect(Number(l.marked!.replace(/,/g, '')), f.path).toBe(f.value);
      // The mark leads back to a field of the same value (figures of one place share its mark).
      const back = await page.locator(`[id="${l.back!.slice(1)}"]`).textContent();
      expect(Number(back!.replace(/[^\d.]/g, '')), f.path).toBe(f.value);
    }
  });

  it.each(FORMATS)('as .%s: every field left empty is listed with the import’s reason', async (ext) => {
    const file = drafts.get(ext)!.file;
    const record = JSON.parse(readFileSync(join(dir, file.replace(/\.yaml$/, '.原文'), '读取位置.json'), 'utf8'));
    const data = parse(readFileSync(join(dir, file), 'utf8'));
    const at = (path: string) => path.split(/\.|(?=\[)/).reduce((o: any, k) => o?.[k.startsWith('[') ? Number(k.slice(1, -1)) : k], data);
    const empty = (record.review as { field?: string; message: string }[]).filter((r) => r.field && at(r.field) === undefined);
    expect(empty.length).toBeGreaterThan(0);
    await page.goto(pageOf(ext));
    for (const r of empty) expect(await page.locator(`.jx-empties li[data-field="${r.field}"]`).first().textContent()).toContain(r.message);
  });

  it('a click on a mark brings its field, a click on the field its mark', async () => {
    await page.goto(pageOf('txt'));
    const mark = page.locator('#jx-original a.jx-mark').first();
    const field = (await mark.getAttribute('href'))!.slice(1);
    await mark.click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(field);
    await page.locator(`[id="${field}"]`).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(await mark.getAttribute('id'));
    expect(await axe(page)).toEqual([]);
  });

  it('the unchecked count falls as figures are written into checked:, the page following each save', async () => {
    const { file, figures: all } = drafts.get('txt')!;
    const original = readFileSync(join(dir, file), 'utf8');
    await page.goto(pageOf('txt'));
    const count = () =>
      page
        .locator('#jx-count')
        .getAttribute('data-unchecked', { timeout: 2000 })
        .then(Number, () => NaN);
    expect(await count()).toBe(all.length);
    const budget = all.filter((f) => f.path.startsWith('budget.')).length;
    const save = (list: string) => writeFileSync(join(dir, file), original.replace(/^draft: true$/m, `draft: true\nchecked: [${list}]`));
    save('year');
    await expect.poll(count, { timeout: 30_000 }).toBe(all.length - 1);
    save('year, budget');
    await expect.poll(count, { timeout: 30_000 }).toBe(all.length - 1 - budget);
    expect(await page.locator('#jx-fields li[data-path="budget.planned"]').getAttribute('data-checked')).toBe('true');
    save('year, budget, score');
    await expect.poll(count, { timeout: 30_000 }).toBe(0);
    expect(await page.locator('#jx-count').textContent()).toBe(`${all.length} 个数字都已核对。`);
    await page.goto(url);
    expect(await page.locator(`#jx-drafts li[data-file="${file}"]`).textContent()).toContain(`已核对 ${all.length} / ${all.length} 个数字`);
  });
});
