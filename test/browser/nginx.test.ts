// The nginx configuration in docs/deploy.md, run as written (paths and port swapped) when nginx is
// installed: the package unpacked with `tar --touch` and switched in by symlink is served in the
// subdirectory with the right types, charset, cache headers and CSP, and chromium finds no
// violation on any page. Skipped without nginx (apt-get install -y nginx to run it).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { buildSite, ROOT, runCli } from '../helpers/build-site.ts';
import { publishFixture } from '../publish/fixture.ts';
import { CSP, hasBrowser, launch, watchedPage } from './harness.ts';

const NGINX = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((p) => spawnSync(p, ['-v']).status === 0);
const NAME = 'jixiao-site-2024-03-15';

async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((ok) => s.listen(0, '127.0.0.1', ok));
  const { port } = s.address() as { port: number };
  await new Promise((ok) => s.close(ok));
  return port;
}

/** nginx.conf around the guide's own blocks: the header snippet, the location, the gzip lines. */
function configure(dir: string, port: number): string {
  const doc = readFileSync(join(ROOT, 'docs/deploy.md'), 'utf8');
  const [snippet, site] = [...doc.matchAll(/```nginx\n(.*?)```/gs)].map((m) => m[1]!);
  const local = (s: string) => s.replaceAll('/srv/jixiao', join(dir, 'srv')).replaceAll('include snippets/', `include ${dir}/snippets/`);
  writeFileSync(join(dir, 'snippets', 'jixiao-headers.conf'), snippet!);
  const [location, gzip] = local(site!).split(/^gzip on;.*$/m) as [string, string];
  const feed = local(/`(location = \/xxgk\/jxzp\/feed\.xml .*?)`/.exec(doc)![1]!);
  const conf = `daemon off; pid ${dir}/nginx.pid; error_log ${dir}/error.log;
events {}
http {
  access_log off;
  client_body_temp_path ${dir}/tmp; proxy_temp_path ${dir}/tmp; fastcgi_temp_path ${dir}/tmp; uwsgi_temp_path ${dir}/tmp; scgi_temp_path ${dir}/tmp;
  gzip on;
  ${gzip}
  server {
    listen 127.0.0.1:${port};
    ${location}
    ${feed}
  }
}
`;
  writeFileSync(join(dir, 'nginx.conf'), conf);
  return join(dir, 'nginx.conf');
}

if (!NGINX && process.env.JIXIAO_REQUIRE_BROWSER) throw new Error('nginx not found: apt-get install -y nginx (.ci/run installs it)');

describe.skipIf(!NGINX || !hasBrowser)('the nginx configuration of docs/deploy.md', () => {
  let nginx: ChildProcess;
  let url: string;
  let browser: Browser;
  let pages: string[];
  let dist: string;
  beforeAll(async () => {
    const fx = publishFixture();
    dist = buildSite({ contentDir: fx.content, extra: ['--config', fx.config] });
    const dir = mkdtempSync(join(tmpdir(), 'jixiao-nginx-'));
    chmodSync(dir, 0o755); // nginx workers run as another user
    for (const d of ['snippets', 'tmp', 'srv/releases', 'pkg']) mkdirSync(join(dir, d), { recursive: true });
    expect(runCli(['package', '--dist', dist, '--out', join(dir, 'pkg')]).status).toBe(0);
    expect(spawnSync('tar', ['--touch', '-xzf', join(dir, 'pkg', `${NAME}.tar.gz`)], { cwd: join(dir, 'srv/releases') }).status).toBe(0);
    symlinkSync(`releases/${NAME}`, join(dir, 'srv/current'));
    pages = readdirSync(dist, { recursive: true })
      .map(String)
      .filter((f) => f === 'index.html' || f.endsWith('/index.html'))
      .map((f) => f.slice(0, -10));
    const port = await freePort();
    const conf = configure(dir, port);
    const test = spawnSync(NGINX!, ['-t', '-c', conf], { encoding: 'utf8' });
    expect(test.status, test.stderr).toBe(0);
    nginx = spawn(NGINX!, ['-c', conf], { stdio: 'ignore' });
    url = `http://127.0.0.1:${port}/xxgk/jxzp/`;
    for (let i = 0; i < 100 && (await fetch(url).catch(() => undefined))?.status !== 200; i++) await new Promise((ok) => setTimeout(ok, 100));
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    nginx?.kill();
  });

  it('serves each kind of file with its type, charset and cache policy, and the CSP on all', async () => {
    const assets = readdirSync(join(dist, '_assets')).filter((f) => f.endsWith('.css'));
    const expected: [string, string, string][] = [
      ['', 'text/html; charset=utf-8', 'no-cache'],
      ['reports/2022-haizhu-kgsxj/', 'text/html; charset=utf-8', 'no-cache'],
      ['data/reports.csv', 'text/csv; charset=utf-8', 'no-cache'],
      ['data/reports/2022-haizhu-kgsxj.json', 'application/json; charset=utf-8', 'no-cache'],
      ['data/reports/2023-shili-xugou-weituo/attachment-1.pdf', 'application/pdf', 'no-cache'],
      ['feed.xml', 'application/atom+xml; charset=utf-8', 'no-cache'],
      ['sitemap.xml', 'application/xml; charset=utf-8', 'no-cache'],
      [`_assets/${assets[0]}`, 'text/css; charset=utf-8', 'public, max-age=31536000, immutable'],
      ['pagefind/pagefind.js', 'text/javascript; charset=utf-8', 'no-cache'],
      ['pagefind/pagefind-entry.json', 'application/json; charset=utf-8', 'no-cache'],
      ...readdirSync(join(dist, 'pagefind'))
        .filter((f) => f.endsWith('.pagefind') || f.endsWith('.pf_meta'))
        .map((f): [string, string, string] => [`pagefind/${f}`, 'application/octet-stream', 'no-cache']),
    ];
    for (const [path, type, cache] of expected) {
      const res = await fetch(`${url}${path}`);
      expect([path, res.status, res.headers.get('content-type'), res.headers.get('cache-control'), res.headers.get('content-security-policy')]).toEqual([
        path,
        200,
        type,
        cache,
        CSP,
      ]);
    }
    const redirect = await fetch(`${url}reports/2022-haizhu-kgsxj`, { redirect: 'manual' });
    expect([redirect.status, redirect.headers.get('location')]).toEqual([301, '/xxgk/jxzp/reports/2022-haizhu-kgsxj/']);
    const missing = await fetch(`${url}no-such-page/`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain('页面不存在'); // the site's own Chinese 404 page
  });

  it('runs a search in chromium through nginx', async () => {
    const w = await watchedPage(browser, url);
    await w.page.goto(`${url}search/?q=${encodeURIComponent('预算')}`);
    await w.page.locator('#search-status').filter({ hasText: /找到/ }).waitFor();
    expect(await w.page.locator('#search-results li').count()).toBeGreaterThan(0);
    expect({ console: w.consoleErrors, failed: w.failed, offsite: w.offsite }).toEqual({ console: [], failed: [], offsite: [] });
    await w.page.context().close();
  });

  it('every page loads in chromium with no CSP violation or failed request', async () => {
    for (const p of pages) {
      const w = await watchedPage(browser, url);
      const res = await w.page.goto(`${url}${p}`, { waitUntil: 'networkidle' });
      expect(res?.status(), p).toBe(200);
      expect({ page: p, console: w.consoleErrors, failed: w.failed, offsite: w.offsite }).toEqual({ page: p, console: [], failed: [], offsite: [] });
      await w.page.context().close();
    }
  });
});
