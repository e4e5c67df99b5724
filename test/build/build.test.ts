// `jixiao build`: validates first, builds into a temporary folder, and replaces the output
// only on success — a failed build leaves the previous site exactly as it was.
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { withAtomicOutput } from '../../src/output/atomic.ts';
import { OUTPUT_MARKER } from '../../src/output/guard.ts';
import { writeOutputManifest } from '../../src/output/manifest.ts';
import { buildSite, ROOT, runCli, writeTree } from '../helpers/build-site.ts';

function treeHash(dir: string): string {
  const h = createHash('sha256');
  for (const f of (readdirSync(dir, { recursive: true }) as string[]).sort()) {
    const p = join(dir, f);
    h.update(f);
    try {
      h.update(readFileSync(p));
    } catch {
      /* a folder */
    }
  }
  return h.digest('hex');
}

const seed = readFileSync(join(ROOT, 'content/2022/haizhu-kgsxj.yaml'), 'utf8');

describe('jixiao build', () => {
  it('builds the shipped content with every headline figure of the seed as stated', () => {
    const out = buildSite();
    const html = readFileSync(join(out, 'reports/2022-haizhu-kgsxj/index.html'), 'utf8');
    for (const figure of ['28,239.16 万元', '27,788.84 万元', '98.0%', '2,814.73 万元', '24,974.11 万元', '93']) expect(html).toContain(figure);
    expect(existsSync(join(out, 'index.html'))).toBe(true);
  });

  it('builds into a folder on another disk than jixiao, the same bytes as anywhere else', () => {
    // /dev/shm is a memory file system on Linux: another device than the project's.
    const other = mkdtempSync('/dev/shm/jixiao-build-');
    expect(statSync(other).dev).not.toBe(statSync(ROOT).dev);
    try {
      const out = join(other, 'dist');
      const r = runCli(['build', '--out', out]);
      expect(r.stderr).not.toMatch(/EXDEV|Error:/);
      expect(r.status).toBe(0);
      expect(readFileSync(join(out, 'reports/2022-haizhu-kgsxj/index.html'), 'utf8')).toContain('27,788.84 万元');
      expect(readdirSync(join(out, '_assets')).some((f) => f.endsWith('.css'))).toBe(true);
      // Nothing of the build is left beside the output but the output and its cache.
      expect(readdirSync(other).sort()).toEqual(['.jixiao-cache', 'dist']);
      // And it is the same site, byte for byte, as one built on this disk, deeper down.
      const here = join(mkdtempSync(join(tmpdir(), 'jixiao-here-')), 'a', 'b', 'dist');
      expect(runCli(['build', '--out', here]).status).toBe(0);
      expect(treeHash(out)).toBe(treeHash(here));
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });

  it('refuses to build content with an error and leaves the previous output untouched', () => {
    const dir = writeTree({ 'content/2022/a.yaml': seed });
    const out = join(dir, 'dist');
    expect(runCli(['build', '--content', join(dir, 'content'), '--out', out]).status).toBe(0);
    const before = treeHash(out);

    writeFileSync(join(dir, 'content/2022/a.yaml'), seed.replace('budget:\n', 'buget:\n'));
    const r = runCli(['build', '--content', join(dir, 'content'), '--out', out]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/content\/2022\/a\.yaml:\d+: 错误: 顶层没有字段 buget。 提示：是不是要写 budget？ \[E_UNKNOWN_KEY\]/);
    expect(r.stderr).toContain('未生成网站；原有输出保持不变');
    expect(r.stderr + r.stdout).not.toMatch(/\n\s+at .+:\d+:\d+/);
    expect(treeHash(out)).toBe(before);
    expect(readdirSync(dir).filter((f) => f.startsWith('.jixiao-') && f !== '.jixiao-cache')).toEqual([]); // no temporary folder left
  });

  it('keeps drafts out of the site', () => {
    const dir = writeTree({
      'content/2022/a.yaml': seed,
      'content/2023/b.yaml': seed.replace('year: 2022', 'year: 2023').replace('kind: department', 'draft: true\nkind: department'),
    });
    const out = join(dir, 'dist');
    const r = runCli(['build', '--content', join(dir, 'content'), '--out', out]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('1 份草稿未发布');
    expect(existsSync(join(out, 'reports/2023-haizhu-kgsxj'))).toBe(false);
    expect(existsSync(join(out, 'reports/2022-haizhu-kgsxj/index.html'))).toBe(true);
  });

  it('puts every link under the base it was given, whatever BASE_URL the environment holds', () => {
    // Vite would let a BASE_URL variable override import.meta.env.BASE_URL; the pages take the
    // base from the build instead (src/site/routes.ts), so nothing needs removing from the process.
    const out = buildSite({ base: '/xxgk/jxzp/', env: { BASE_URL: '/stray/' } });
    const html = readFileSync(join(out, 'reports/2022-haizhu-kgsxj/index.html'), 'utf8');
    expect(html).toContain('href="/xxgk/jxzp/years/2022/"');
    const pages = (readdirSync(out, { recursive: true }) as string[]).filter((f) => f.endsWith('.html'));
    expect(pages.filter((f) => readFileSync(join(out, f), 'utf8').includes('/stray/'))).toEqual([]);
  });

  it('refuses a base path that is not a plain subdirectory', () => {
    const r = runCli(['build', '--base', '/a/../b/', '--out', join(mkdtempSync(join(tmpdir(), 'jx-')), 'dist')]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('--base /a/../b/ 不是有效的子目录路径');
  });
});

describe('withAtomicOutput', () => {
  it('leaves the output folder as it was and removes its temporary folder when a stage fails', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jx-atomic-'));
    const out = join(dir, 'dist');
    cpSync(join(ROOT, 'templates'), out, { recursive: true });
    await writeOutputManifest(out); // an output an earlier build made
    const before = treeHash(out);
    await expect(
      withAtomicOutput(out, async (tmp) => {
        writeFileSync(join(tmp, 'half.html'), 'x');
        throw new Error('stage failed');
      }),
    ).rejects.toThrow('stage failed');
    expect(treeHash(out)).toBe(before);
    expect(readdirSync(dir)).toEqual(['dist']);
  });

  it('swaps in the new output when every stage succeeds', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jx-atomic-'));
    const out = join(dir, 'dist');
    writeTree({});
    await withAtomicOutput(out, async (tmp) => {
      cpSync(join(ROOT, 'templates'), tmp, { recursive: true });
    });
    expect(readdirSync(out).sort()).toEqual([OUTPUT_MARKER, 'report.yaml']);
    expect(readdirSync(dir)).toEqual(['dist']);
  });
});
