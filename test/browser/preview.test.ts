/**
 * `jixiao preview` serves a built site under its base path as nginx would: folders give their
 * index.html, a folder without its slash is redirected, unknown paths get 404, every file the
 * site needs has its MIME type, and search works in chromium under the strict CSP header.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { detectBase, startPreview } from '../../src/preview/serve.ts';
import { buildSite } from '../helpers/build-site.ts';
import { hasBrowser, launch, watchedPage } from './harness.ts';

const BASE = '/xxgk/jxzp/';

describe.skipIf(!hasBrowser)('jixiao preview', () => {
  let dist: string;
  let url: string;
  let origin: string;
  let close: () => Promise<void>;
  let browser: Browser;

  beforeAll(async () => {
    dist = buildSite({ base: BASE });
    const started = await startPreview({ dist, base: (await detectBase(dist))!, port: 0 });
    url = started.url;
    origin = new URL(url).origin;
    close = () => new Promise((ok) => started.server.close(() => ok()));
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await close?.();
  });

  const get = (path: string) => fetch(`${origin}${path}`, { redirect: 'manual' });

  it('finds the base path the site was built for', async () => {
    expect(await detectBase(dist)).toBe(BASE);
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/xxgk\/jxzp\/$/);
  });

  it('serves folders as their index.html, with the strict CSP header', async () => {
    const home = await get(BASE);
    expect(home.status).toBe(200);
    expect(home.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(home.headers.get('content-security-policy')).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(await home.text()).toContain('<html lang="zh-CN"');
    const noSlash = await get(`${BASE}reports/2022-haizhu-kgsxj`);
    expect(noSlash.status).toBe(301);
    expect(noSlash.headers.get('location')).toBe(`${BASE}reports/2022-haizhu-kgsxj/`);
  });

  it('answers 404 outside the base, for unknown pages, and for paths that climb out of dist', async () => {
    for (const p of [`${BASE}no-such-page/`, '/elsewhere/', `${BASE}..%2f..%2fetc%2fpasswd`, `${BASE}%2e%2e/%2e%2e/etc/passwd`])
      expect((await get(p)).status, p).toBe(404);
    const root = await get('/');
    expect(root.status).toBe(302);
    expect(root.headers.get('location')).toBe(BASE);
  });

  it('gives every kind of file the site publishes its MIME type', async () => {
    const pagefind = readdirSync(join(dist, 'pagefind'), { recursive: true }).map(String);
    const wasm = pagefind.find((f) => f.endsWith('.wasm') || f.includes('wasm.'))!;
    const chunk = pagefind.find((f) => f.endsWith('.pagefind'))!;
    const expected: [string, string][] = [
      [`pagefind/${wasm}`, wasm.endsWith('.wasm') ? 'application/wasm' : 'application/octet-stream'],
      [`pagefind/${chunk}`, 'application/octet-stream'],
      ['feed.xml', 'application/xml; charset=utf-8'],
      ['data/reports.csv', 'text/csv; charset=utf-8'],
      ['data/reports.json', 'application/json; charset=utf-8'],
    ];
    for (const [p, type] of expected) {
      const r = await get(`${BASE}${p}`);
      expect(r.status, p).toBe(200);
      expect(r.headers.get('content-type'), p).toBe(type);
    }
  });

  it('search works in the browser under the base path and the CSP', async () => {
    const w = await watchedPage(browser, url);
    await w.page.goto(`${url}search/?q=${encodeURIComponent('充电桩')}`);
    await w.page.locator('#search-status').filter({ hasText: /找到/ }).waitFor();
    const first = await w.page.locator('#search-results li h2 a').first().getAttribute('href');
    expect(first).toBe(`${BASE}reports/2022-haizhu-kgsxj/`);
    expect(w.consoleErrors).toEqual([]);
    expect(w.offsite).toEqual([]);
  });
});
