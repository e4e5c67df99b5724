// The package a web team receives: unpacked from the .tar.gz (after `sha256sum -c`) into a
// folder of its own and served in a subdirectory with the strict CSP, the site works — home,
// report and open-data pages load with nothing failing, and the attachment downloads intact.
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { buildSite, runCli } from '../helpers/build-site.ts';
import { ATTACHMENT, publishFixture } from '../publish/fixture.ts';
import { hasBrowser, launch, serve, watchedPage, type Served } from './harness.ts';

const BASE = '/xxgk/jxzp/';
const NAME = 'jixiao-site-2024-03-15';
const hasTools = ['tar', 'sha256sum'].every((c) => spawnSync('sh', ['-c', `command -v ${c}`]).status === 0);

describe.skipIf(!hasBrowser || !hasTools)('the unpacked package under /xxgk/jxzp/ with the CSP on', () => {
  let browser: Browser;
  let site: Served;
  beforeAll(async () => {
    const fx = publishFixture();
    const dist = buildSite({ contentDir: fx.content, extra: ['--config', fx.config] });
    const out = join(mkdtempSync(join(tmpdir(), 'jixiao-pkg-')), 'out');
    expect(runCli(['package', '--dist', dist, '--out', out]).status).toBe(0);
    expect(spawnSync('sha256sum', ['-c', 'SHA256SUMS'], { cwd: out }).status).toBe(0);
    const server = mkdtempSync(join(tmpdir(), 'jixiao-srv-'));
    expect(spawnSync('tar', ['--touch', '-xzf', join(out, `${NAME}.tar.gz`), '-C', server]).status).toBe(0);
    site = await serve(join(server, NAME), BASE, { csp: true });
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  it('opens the home page, follows links through the years to a report, opens the open data, with no errors', async () => {
    const w = await watchedPage(browser, site.url);
    await w.page.goto(site.url, { waitUntil: 'networkidle' });
    expect(await w.page.locator('link[rel="stylesheet"]').count()).toBeGreaterThan(0);
    await w.page.getByRole('link', { name: '按年度' }).first().click();
    await w.page.getByRole('link', { name: /2022/ }).first().click();
    await w.page.locator('a[href="/xxgk/jxzp/reports/2022-haizhu-kgsxj/"]').first().click();
    await expect(w.page.getByRole('heading', { level: 1 }).textContent()).resolves.toContain('2022年度广州市海珠区科技工业商务和信息化局');
    await expect(w.page.locator('main').textContent()).resolves.toContain('28,239.16 万元');
    await w.page.goto(`${site.url}data/`, { waitUntil: 'networkidle' });
    await expect(w.page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('开放数据');
    const csv = await w.page.request.get(`${site.url}data/reports.csv`);
    expect((await csv.body()).subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect({ console: w.consoleErrors, failed: w.failed, offsite: w.offsite }).toEqual({ console: [], failed: [], offsite: [] });
  });

  it('serves the attachment byte for byte', async () => {
    const w = await watchedPage(browser, site.url);
    const res = await w.page.request.get(`${site.url}data/reports/2023-shili-xugou-weituo/attachment-1.pdf`);
    expect(res.status()).toBe(200);
    expect(Buffer.from(await res.body()).equals(ATTACHMENT)).toBe(true);
  });
});
