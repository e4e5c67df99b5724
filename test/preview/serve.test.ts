/**
 * `jixiao preview` is as safe as the documented nginx (issue 28.6): it follows no link out of
 * dist, answers a file it cannot read with 500 and goes on serving, and never redirects to
 * another host. A small site folder made here is enough: these are about the server, not the build.
 */
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { normalisedPath, startPreview } from '../../src/preview/serve.ts';

const get = (origin: string, path: string) => fetch(`${origin}${path}`, { redirect: 'manual' });

async function serve(dist: string, base: string) {
  const started = await startPreview({ dist, base, port: 0 });
  return { origin: new URL(started.url).origin, close: () => new Promise<void>((ok) => started.server.close(() => ok())) };
}

describe('a site folder with links in it', () => {
  let dir: string;
  let site: { origin: string; close(): Promise<void> };
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'jixiao-preview-'));
    const dist = join(dir, 'dist');
    await mkdir(join(dist, 'data/reports'), { recursive: true });
    await writeFile(join(dist, 'index.html'), '<link href="/_assets/site.css">首页');
    await writeFile(join(dist, '404.html'), '找不到');
    await writeFile(join(dist, 'data/reports.json'), '{"reports":[]}');
    await symlink('/etc/passwd', join(dist, 'passwd.txt'));
    await symlink('/etc', join(dist, 'etc'));
    await symlink('/proc/self/mem', join(dist, 'mem.txt'));
    await symlink(join(dist, 'data/reports.json'), join(dist, 'same.json')); // inside dist: served
    site = await serve(dist, '/');
  });
  afterAll(async () => {
    await site?.close();
    await rm(dir, { recursive: true, force: true });
  });

  test('a link to a file or a folder outside dist is not followed', async () => {
    for (const p of ['/passwd.txt', '/etc/passwd', '/etc/', '/etc', '/mem.txt']) {
      const r = await get(site.origin, p);
      expect(r.status, p).toBe(404);
      expect(await r.text(), p).toBe('找不到');
    }
    const inside = await get(site.origin, '/same.json');
    expect([inside.status, await inside.text()]).toEqual([200, '{"reports":[]}']);
  });

  test('no redirect leads to another host: the path is decoded and normalised first', async () => {
    for (const [p, to] of [
      ['/%2Fevil.example%2F..%2Fdata', '/data/'],
      ['//evil.example/..%2Fdata', '/data/'],
      ['/%2F%2Fevil.example%2F..%2F..%2Fdata', '/data/'],
      ['/data', '/data/'],
      ['/data/reports', '/data/reports/'],
    ] as const) {
      const r = await get(site.origin, p);
      expect([p, r.status, r.headers.get('location')]).toEqual([p, 301, to]);
    }
    for (const p of ['/%5C%5Cevil.example/', '/%2Fevil.example/']) expect((await get(site.origin, p)).status, p).toBe(404);
  });

  test('normalisedPath merges slashes and resolves .. as nginx does', () => {
    expect(normalisedPath('/%2Fevil.example%2F..%2Fdata')).toBe('/data');
    expect(normalisedPath('/a//b/../c/')).toBe('/a/c/');
    expect(normalisedPath('/a/%00')).toBeUndefined();
    expect(normalisedPath('/%E0%A4%A')).toBeUndefined();
  });
});

describe('a file that cannot be read', () => {
  test('/proc/self/mem (EIO on the first read) is answered 500, and the server goes on', async () => {
    // The server runs in this process, so /proc/self is a folder whose mem file fails to read.
    const site = await serve('/proc/self', '/');
    try {
      const r = await get(site.origin, '/mem');
      expect(r.status).toBe(500);
      expect(await r.text()).toMatch(/^500 无法读取这个文件：/);
      const again = await get(site.origin, '/status');
      expect(again.status).toBe(200);
      expect(await again.text()).toMatch(/^Name:/);
    } finally {
      await site.close();
    }
  });
});
