// `jixiao package`: a .tar.gz and a .zip that unpack (with the system's tar and unzip, and with
// our own reader) to exactly the built site, a SHA256SUMS that `sha256sum -c` accepts, the same
// bytes every time, a name from the content, and no overwriting without --force.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { packageStamp } from '../../src/publish/package.ts';
import { tarChunks } from '../../src/publish/tar.ts';
import { zipChunks } from '../../src/publish/zip.ts';
import { buildSite, runCli } from '../helpers/build-site.ts';
import { publishFixture } from './fixture.ts';

const NAME = 'jixiao-site-2024-03-15';
const has = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
/** A zip archive's bytes from the zip writer's chunks. */
const zipBytes = async (entries: Parameters<typeof zipChunks>[0], mtime: number) => {
  const parts: Buffer[] = [];
  for await (const c of zipChunks(entries, mtime)) parts.push(c);
  return Buffer.concat(parts);
};
const tmp = (tag: string) => mkdtempSync(join(tmpdir(), `jixiao-pkg-${tag}-`));

/** Every file under dir as path → bytes; jixiao's output marker is not part of the site and stays out of packages. */
function files(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true }))
    if (e.isFile() && !(e.name === '.jixiao-output' && e.parentPath === dir))
      out.set(join(e.parentPath, e.name).slice(dir.length + 1), readFileSync(join(e.parentPath, e.name)));
  return out;
}

/** A minimal ustar/pax reader: checks every header checksum and returns path → bytes of files. */
function readTar(tar: Buffer): { files: Map<string, Buffer>; modes: Set<string>; owners: Set<string>; mtimes: Set<number> } {
  const res = { files: new Map<string, Buffer>(), modes: new Set<string>(), owners: new Set<string>(), mtimes: new Set<number>() };
  const str = (h: Buffer, o: number, n: number) =>
    h
      .subarray(o, o + n)
      .toString('utf8')
      .replace(/\0.*$/s, '');
  let paxPath: string | undefined;
  for (let off = 0; off + 512 <= tar.length;) {
    const h = tar.subarray(off, off + 512);
    if (h.every((b) => b === 0)) break;
    const sum = h.reduce((s, b, i) => s + (i >= 148 && i < 156 ? 32 : b), 0);
    expect(parseInt(str(h, 148, 8), 8)).toBe(sum);
    const size = parseInt(str(h, 124, 12), 8);
    const body = tar.subarray(off + 512, off + 512 + size);
    const type = str(h, 156, 1);
    const prefix = str(h, 345, 155);
    const path = paxPath ?? (prefix ? `${prefix}/${str(h, 0, 100)}` : str(h, 0, 100));
    if (type === 'x') paxPath = /\d+ path=(.*)\n/.exec(body.toString('utf8'))![1];
    else {
      paxPath = undefined;
      res.modes.add(`${type}:${str(h, 100, 8)}`);
      res.owners.add(`${str(h, 108, 8)}:${str(h, 116, 8)}:${str(h, 265, 32)}:${str(h, 297, 32)}`);
      res.mtimes.add(parseInt(str(h, 136, 12), 8));
      if (type === '0') res.files.set(path, Buffer.from(body));
    }
    off += 512 + Math.ceil(size / 512) * 512;
  }
  return res;
}

describe('packageStamp', () => {
  it('names the package by the latest 发布日期, unless a later fiscal year has none', () => {
    expect(packageStamp([{ year: 2022 }]).tag).toBe('2022');
    expect(packageStamp([{ year: 2022 }, { year: 2023, publishedDate: '2024-03-15' }]).tag).toBe('2024-03-15');
    expect(packageStamp([{ year: 2023 }, { year: 2022, publishedDate: '2022-06-30' }]).tag).toBe('2023');
    expect(packageStamp([{ year: 2022 }]).mtime).toBe(Date.parse('2022-12-31T00:00:00+08:00') / 1000);
  });
});

describe('archive writers', () => {
  const long = `${'a'.repeat(60)}/${'b'.repeat(70)}/${'c'.repeat(120)}.txt`;
  const entries = [
    { path: 'top', type: 'dir' as const, read: () => Buffer.alloc(0) },
    { path: `top/${long}`, type: 'file' as const, read: () => Buffer.from('长路径') },
    { path: 'top/reports/2022-示例/index.html', type: 'file' as const, read: () => Buffer.from('<p>中文</p>') },
  ];

  it('keep long and non-ASCII paths whole (ustar prefix or a pax header; zip UTF-8 names)', async () => {
    const tar = Buffer.concat([...tarChunks(entries, 0)]);
    expect([...readTar(tar).files.keys()]).toEqual([`top/${long}`, 'top/reports/2022-示例/index.html']);
    const zip = unzipSync(await zipBytes(entries, 0));
    expect(Object.keys(zip).sort()).toEqual(['top/', `top/${long}`, 'top/reports/2022-示例/index.html'].sort());
    expect(Buffer.from(zip[`top/${long}`]!).toString('utf8')).toBe('长路径');
  });

  it.skipIf(!has('tar') || !has('unzip'))('… and the system tar and unzip read them so (skipped without tar and unzip; .ci/run installs both)', async () => {
    const dir = tmp('long');
    writeFileSync(join(dir, 'a.tar'), Buffer.concat([...tarChunks(entries, 0)]));
    expect(spawnSync('tar', ['-xf', 'a.tar'], { cwd: dir }).status).toBe(0);
    expect(readFileSync(join(dir, 'top', long), 'utf8')).toBe('长路径');
    const zdir = tmp('longzip');
    writeFileSync(join(zdir, 'a.zip'), await zipBytes(entries, 0));
    expect(spawnSync('unzip', ['-q', 'a.zip'], { cwd: zdir }).status).toBe(0);
    expect(readFileSync(join(zdir, 'top/reports/2022-示例/index.html'), 'utf8')).toBe('<p>中文</p>');
    expect(readFileSync(join(zdir, 'top', long), 'utf8')).toBe('长路径');
  });
});

describe('jixiao package', () => {
  let dist: string;
  let cwd: string;
  let out: string;
  beforeAll(() => {
    const fx = publishFixture();
    dist = buildSite({ contentDir: fx.content, extra: ['--config', fx.config] });
    cwd = tmp('cwd');
    const r = runCli(['package', '--dist', dist, '--quiet'], cwd); // --quiet: errors only, no progress
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    out = join(cwd, 'packages', NAME);
  });

  it('writes a .tar.gz, a .zip and a SHA256SUMS that sha256sum -c accepts', () => {
    expect(readdirSync(out).sort()).toEqual(['SHA256SUMS', `${NAME}.tar.gz`, `${NAME}.zip`]);
    const sums = readFileSync(join(out, 'SHA256SUMS'), 'utf8');
    expect(sums).toBe(
      [`${NAME}.tar.gz`, `${NAME}.zip`]
        .map(
          (f) =>
            `${createHash('sha256')
              .update(readFileSync(join(out, f)))
              .digest('hex')}  ${f}\n`,
        )
        .join(''),
    );
    // sha256sum is part of coreutils, on every system the site is built on.
    const check = spawnSync('sha256sum', ['-c', 'SHA256SUMS'], { cwd: out, encoding: 'utf8' });
    expect(check.stdout).toBe(`${NAME}.tar.gz: OK\n${NAME}.zip: OK\n`);
    expect(check.status).toBe(0);
  });

  it('the tar.gz holds exactly the site under one top folder, with fixed owner, modes and time', () => {
    const t = readTar(gunzipSync(readFileSync(join(out, `${NAME}.tar.gz`))));
    const site = files(dist);
    expect([...t.files.keys()].sort()).toEqual([...site.keys()].map((f) => `${NAME}/${f}`).sort());
    for (const [f, bytes] of site) expect(t.files.get(`${NAME}/${f}`)!.equals(bytes), f).toBe(true);
    expect(t.owners).toEqual(new Set(['0000000:0000000::']));
    expect(t.modes).toEqual(new Set(['5:0000755', '0:0000644']));
    expect(t.mtimes).toEqual(new Set([Date.parse('2024-03-15T00:00:00+08:00') / 1000]));
  });

  it('the zip holds exactly the site under one top folder (read with fflate)', () => {
    const z = unzipSync(readFileSync(join(out, `${NAME}.zip`)));
    const site = files(dist);
    const got = Object.keys(z).filter((k) => !k.endsWith('/'));
    expect(got.sort()).toEqual([...site.keys()].map((f) => `${NAME}/${f}`).sort());
    for (const [f, bytes] of site) expect(Buffer.from(z[`${NAME}/${f}`]!).equals(bytes), f).toBe(true);
  });

  it.skipIf(!has('tar') || !has('unzip'))(
    'unpacks with the system tar and unzip to the same files as the site (skipped without them; .ci/run installs both)',
    () => {
      const x = tmp('tar');
      const z = tmp('zip');
      expect(spawnSync('tar', ['-xzf', join(out, `${NAME}.tar.gz`), '-C', x]).status).toBe(0);
      expect(spawnSync('unzip', ['-q', join(out, `${NAME}.zip`), '-d', z]).status).toBe(0);
      const site = files(dist);
      for (const dir of [join(x, NAME), join(z, NAME)]) {
        const got = files(dir);
        expect([...got.keys()].sort()).toEqual([...site.keys()].sort());
        for (const [f, bytes] of site) expect(got.get(f)!.equals(bytes), f).toBe(true);
      }
      expect(spawnSync('unzip', ['-tq', join(out, `${NAME}.zip`)]).status).toBe(0);
    },
  );

  it('gives the same bytes when packaged again', () => {
    const again = join(tmp('again'), 'out');
    expect(runCli(['package', '--dist', dist, '--out', again], cwd).status).toBe(0);
    for (const f of [`${NAME}.tar.gz`, `${NAME}.zip`, 'SHA256SUMS']) expect(readFileSync(join(again, f)).equals(readFileSync(join(out, f))), f).toBe(true);
  });

  it('refuses to overwrite a package without --force, and leaves it as it was', () => {
    const dir = join(tmp('force'), 'out');
    mkdirSync(dir);
    writeFileSync(join(dir, `${NAME}.zip`), 'old');
    const refused = runCli(['package', '--dist', dist, '--out', dir], cwd);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('--force');
    expect(readFileSync(join(dir, `${NAME}.zip`), 'utf8')).toBe('old');
    expect(readdirSync(dir)).toEqual([`${NAME}.zip`]);
    expect(runCli(['package', '--dist', dist, '--out', dir, '--force'], cwd).status).toBe(0);
    expect(statSync(join(dir, `${NAME}.zip`)).size).toBeGreaterThan(1000);
  });

  it('says plainly when there is no built site', () => {
    const r = runCli(['package', '--dist', join(cwd, 'nothing')], cwd);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('jixiao build');
  });
});
