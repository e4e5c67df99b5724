/**
 * Browser-test harness: a static server for a built site under a base path (optionally with the
 * production CSP header), and Debian's chromium driven by playwright-core. Requests to any other
 * host are recorded and refused, so a test can assert the site loads nothing from elsewhere.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Browser tests run when chromium is installed; CI sets JIXIAO_REQUIRE_BROWSER=1 so a missing browser fails there. */
export const hasBrowser = existsSync(CHROMIUM);
if (!hasBrowser && process.env.JIXIAO_REQUIRE_BROWSER) throw new Error(`chromium not found at ${CHROMIUM}: apt-get install -y chromium fonts-noto-cjk`);
if (!hasBrowser) console.warn(`[browser tests skipped] ${CHROMIUM} not found — apt-get install -y chromium fonts-noto-cjk`);

export const CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; worker-src 'self' blob:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'";

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.xml': 'application/xml; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.pdf': 'application/pdf',
  '.pf_meta': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pagefind': 'application/octet-stream',
};

export interface Served {
  url: string;
  server: Server;
  close(): Promise<void>;
}

/** Serves `dir` at http://127.0.0.1:PORT{base}, like nginx `alias` in a subdirectory. */
export async function serve(dir: string, base = '/', opts: { csp?: boolean } = {}): Promise<Served> {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (!path.startsWith(base)) {
      res.writeHead(404).end('outside base');
      return;
    }
    let file = normalize(join(dir, path.slice(base.length)));
    if (!file.startsWith(dir)) {
      res.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) {
      if (!path.endsWith('/')) {
        res.writeHead(301, { location: `${path}/` }).end();
        return;
      }
      file = join(file, 'index.html');
    }
    if (!existsSync(file)) {
      res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' }).end('<!doctype html><title>404</title>');
      return;
    }
    const headers: Record<string, string> = { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' };
    if (opts.csp) headers['content-security-policy'] = CSP;
    res.writeHead(200, headers).end(readFileSync(file));
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}${base}`, server, close: () => new Promise((ok) => server.close(() => ok())) };
}

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export interface Watched {
  page: Page;
  consoleErrors: string[];
  offsite: string[];
  failed: string[];
}

/** A new page that records console errors, failed requests and any request to another host (refused). */
export async function watchedPage(
  browser: Browser,
  origin: string,
  opts: { javaScriptEnabled?: boolean; viewport?: { width: number; height: number } } = {},
): Promise<Watched> {
  const context = await browser.newContext({
    javaScriptEnabled: opts.javaScriptEnabled ?? true,
    viewport: opts.viewport ?? { width: 1280, height: 900 },
    locale: 'zh-CN',
  });
  const page = await context.newPage();
  const w: Watched = { page, consoleErrors: [], offsite: [], failed: [] };
  const host = new URL(origin).host;
  await context.route('**/*', (route) => {
    const u = new URL(route.request().url());
    if (u.protocol === 'data:' || u.protocol === 'blob:' || u.host === host) return route.continue();
    w.offsite.push(u.href);
    return route.abort();
  });
  page.on('console', (m) => {
    if (m.type() === 'error') w.consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => w.consoleErrors.push(String(e)));
  // A request the page itself abandons on leaving (a lazily loaded chart, the icon) is not a failure a reader sees.
  page.on('requestfailed', (r) => {
    if (r.failure()?.errorText !== 'net::ERR_ABORTED') w.failed.push(`${r.url()} ${r.failure()?.errorText ?? ''}`);
  });
  page.on('response', (r) => {
    if (r.status() >= 400) w.failed.push(`${r.url()} ${r.status()}`);
  });
  return w;
}

/** Runs axe-core (WCAG 2.1 A/AA) in the page; returns the violations. */
export async function axe(page: Page): Promise<{ id: string; help: string; nodes: { target: unknown }[] }[]> {
  const source = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  await page.evaluate(source); // evaluated over the DevTools protocol, so a strict CSP does not block it
  return page.evaluate(async () => {
    const r = await (window as any).axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return r.violations.map((v: any) => ({ id: v.id, help: v.help, nodes: v.nodes.map((n: any) => ({ target: n.target })) }));
  });
}
