// Every page of a built site, served under a subdirectory with the strict CSP header from
// docs/deploy.md, loads with no CSP violation, no console error, no failed or off-site request;
// and no HTML file carries inline script, inline style or event-handler attributes. The pages
// are found in the output, so page types added later (search, …) are checked too.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { buildSite, ROOT } from '../helpers/build-site.ts';
import { publishFixture } from '../publish/fixture.ts';
import { axe, CSP, hasBrowser, launch, serve, watchedPage, type Served } from './harness.ts';

const BASE = '/xxgk/jxzp/';

/** Site-relative paths of every page (folders holding index.html), in byte order. */
function pages(dir: string): string[] {
  return readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => f === 'index.html' || f.endsWith('/index.html'))
    .map((f) => f.slice(0, -'index.html'.length))
    .sort();
}

describe('the strict CSP of docs/deploy.md', () => {
  it('is the one the browser tests serve', () => {
    const doc = readFileSync(join(ROOT, 'docs/deploy.md'), 'utf8');
    expect(doc).toContain(`add_header Content-Security-Policy "${CSP}" always;`);
  });
});

describe.skipIf(!hasBrowser)('every page under the strict CSP', () => {
  let browser: Browser;
  let site: Served;
  let dist: string;
  beforeAll(async () => {
    const fx = publishFixture();
    dist = buildSite({ contentDir: fx.content, extra: ['--config', fx.config] });
    site = await serve(dist, BASE, { csp: true });
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  it('covers every page type: home, report, department, year, about, search, open data', () => {
    expect(pages(dist)).toEqual(
      expect.arrayContaining([
        '',
        'reports/2022-haizhu-kgsxj/',
        'reports/2023-shili-xugou-weituo/',
        'departments/',
        'departments/haizhu-kgsxj/',
        'years/',
        'years/2022/',
        'about/',
        'search/',
        'data/',
      ]),
    );
  });

  it('has no inline script, inline style or event-handler attribute in any HTML file', () => {
    for (const p of pages(dist)) {
      const html = readFileSync(join(dist, p, 'index.html'), 'utf8');
      expect(html, p).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/i);
      expect(html, p).not.toMatch(/<style[\s>]/i);
      expect(html, p).not.toMatch(/\sstyle=/i);
      expect(html, p).not.toMatch(/\son[a-z]+=/i);
      expect(html, p).not.toMatch(/javascript:/i);
    }
  });

  it('loads every page with no violation, console error, failed or off-site request', async () => {
    const list = pages(dist);
    for (const p of list) {
      const w = await watchedPage(browser, site.url);
      const violations: string[] = [];
      await w.page.exposeFunction('__cspViolation', (v: string) => violations.push(v));
      await w.page.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (e) => (window as any).__cspViolation(`${e.violatedDirective} ${e.blockedURI}`));
      });
      const res = await w.page.goto(`${site.url}${p}`, { waitUntil: 'networkidle' });
      expect(res?.status(), p).toBe(200);
      expect(res?.headers()['content-security-policy'], p).toBe(CSP);
      expect({ page: p, violations, console: w.consoleErrors, failed: w.failed, offsite: w.offsite }).toEqual({
        page: p,
        violations: [],
        console: [],
        failed: [],
        offsite: [],
      });
      await w.page.context().close();
    }
    expect(list.length).toBeGreaterThanOrEqual(4);
  });

  it('runs a search (pagefind: WebAssembly in a worker) with no violation', async () => {
    const w = await watchedPage(browser, site.url);
    const violations: string[] = [];
    await w.page.exposeFunction('__cspViolation', (v: string) => violations.push(v));
    await w.page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => (window as any).__cspViolation(`${e.violatedDirective} ${e.blockedURI}`));
    });
    await w.page.goto(`${site.url}search/?q=${encodeURIComponent('预算')}`);
    await w.page.locator('#search-status').filter({ hasText: /找到/ }).waitFor();
    expect(await w.page.locator('#search-results li').count()).toBeGreaterThan(0);
    expect({ violations, console: w.consoleErrors, failed: w.failed, offsite: w.offsite }).toEqual({ violations: [], console: [], failed: [], offsite: [] });
    await w.page.context().close();
  });

  it('the open-data page passes axe (WCAG 2.1 A/AA)', async () => {
    const w = await watchedPage(browser, site.url);
    await w.page.goto(`${site.url}data/`, { waitUntil: 'networkidle' });
    expect(await axe(w.page)).toEqual([]);
    await w.page.context().close();
  });

  it('does report a violation when a page breaks the policy (the check works)', async () => {
    const w = await watchedPage(browser, site.url);
    const violations: string[] = [];
    await w.page.exposeFunction('__cspViolation', (v: string) => violations.push(v));
    await w.page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => (window as any).__cspViolation(e.violatedDirective));
    });
    await w.page.goto(site.url, { waitUntil: 'networkidle' });
    await w.page.evaluate(() => {
      document.body.insertAdjacentHTML('beforeend', '<img src="x" onerror="1">');
      const s = document.createElement('script');
      s.textContent = '1';
      document.body.append(s);
    });
    await expect.poll(() => violations).toContain('script-src-elem');
    await w.page.context().close();
  });
});
