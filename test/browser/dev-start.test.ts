/**
 * `jixiao dev` as a clerk starts it with a mistake in one file (issue 31, issue 28.6): the address
 * comes at once and the findings after it (it took 31 s with an error, 2.6 s without); the preview
 * serves the site and nothing else of the project, follows no link out of it, and says nothing in
 * English on the terminal (Astro's `[WARN] [router] … /favicon.ico/` was printed on every page).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, ROOT, writeTree } from '../helpers/build-site.ts';
import { englishLines } from '../helpers/english.ts';
import { hasBrowser, launch } from './harness.ts';

const seed = readFileSync(join(ROOT, 'content/2022/haizhu-kgsxj.yaml'), 'utf8');
const PORT = 4396;
/** A link inside the project's client scripts that leads out of it, made for this test only. */
const LINK = join(ROOT, 'src/client/dev-start-test-link.js');

describe.skipIf(!hasBrowser)('jixiao dev, started with an error in one file', () => {
  let child: ChildProcess;
  let output = '';
  let addressAfter = 0;
  let url = '';
  let browser: Browser;

  beforeAll(async () => {
    const dir = writeTree({
      'content/2022/haizhu-kgsxj.yaml': seed.replace('  spent: 27788.84 ', '  spent：27788.84 '),
      'content/2021/other.yaml': seed.replace('year: 2022', 'year: 2021').replace('2022年度', '2021年度'),
      'site.yaml': 'footer: { sponsor: 虚构市财政局, siteCode: "0000000000", contact: 电话 000 }\n',
    });
    rmSync(LINK, { force: true });
    symlinkSync('/etc/passwd', LINK);
    const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(VITEST|TEST$|NODE_ENV$)/.test(k)));
    const started = Date.now();
    child = spawn(process.execPath, [BIN, 'dev', '--port', String(PORT)], { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    child.stdout!.on('data', (d) => (output += String(d)));
    child.stderr!.on('data', (d) => (output += String(d)));
    url = await new Promise<string>((ok, fail) => {
      const t = setInterval(() => {
        const m = /预览地址：(\S+)/.exec(output);
        if (m) {
          clearInterval(t);
          addressAfter = Date.now() - started;
          ok(m[1]!);
        }
        if (child.exitCode !== null) {
          clearInterval(t);
          fail(new Error(output));
        }
      }, 50);
    });
    // The findings follow the address.
    await until(() => output.includes('检查了 '), 120_000);
    browser = await launch();
  });

  afterAll(async () => {
    rmSync(LINK, { force: true });
    await browser?.close();
    if (child?.pid) process.kill(-child.pid, 'SIGTERM');
  });

  it('prints its address before the content is checked, in seconds, not after 30', () => {
    expect(addressAfter).toBeLessThan(20_000);
    expect(output.indexOf('预览地址：')).toBeLessThan(output.indexOf('E_FULLWIDTH_COLON'));
    expect(output).toMatch(/haizhu-kgsxj\.yaml:16: 错误: 字段名 spent 后面是中文冒号/);
  });

  it('shows the error page with the file and line', async () => {
    const page = await browser.newPage();
    await page.goto(url);
    await page.locator('#jixiao-dev-errors').waitFor({ timeout: 30_000 });
    expect(await page.locator('#jixiao-dev-errors').textContent()).toContain('haizhu-kgsxj.yaml 第 16 行');
    await page.close();
  });

  it('serves the pages’ own scripts, and no other file of the project, nor a link out of it', async () => {
    const status = async (path: string) => (await fetch(`http://127.0.0.1:${PORT}${path}`)).status;
    expect(await status('/src/client/charts.ts')).toBe(200);
    expect(await status('/@vite/client')).toBe(200);
    for (const path of [
      '/package.json',
      '/package.json?raw',
      '/src/cli/main.ts',
      '/src/cli/main.ts?import',
      '/astro.config.mjs',
      '/README.md',
      '/content/2022/haizhu-kgsxj.yaml',
      '/src/layouts/Base.astro',
      '/@fs/etc/passwd',
      `/@fs${ROOT}/package.json`,
      '/src/client/dev-start-test-link.js',
      '/src/client/%2e%2e/cli/main.ts',
    ])
      expect(await status(path), path).toBe(404);
  });

  it('says nothing in English on the terminal, a browser’s /favicon.ico and a missing page included', async () => {
    const page = await browser.newPage();
    await page.goto(`${url}favicon.ico`);
    await page.goto(`${url}reports/`);
    await page.goto(`${url}no-such-page/`);
    await page.close();
    await new Promise((r) => setTimeout(r, 1000));
    expect(englishLines(output)).toEqual([]);
  });
});

async function until(cond: () => boolean, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 100));
  }
}
