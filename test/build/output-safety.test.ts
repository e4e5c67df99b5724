// The build never deletes what it did not make: a wrong --out is refused before anything is
// touched, and a build killed during the swap leaves the previous output for the next run.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { withAtomicOutput } from '../../src/output/atomic.ts';
import { clearReplaced } from '../../src/build/build-cache.ts';
import { diskFailure } from '../../src/output/disk-errors.ts';
import { OUTPUT_MARKER } from '../../src/output/guard.ts';
import { writeOutputManifest } from '../../src/output/manifest.ts';
import { SearchIndexFailed } from '../../src/build/search-index.ts';
import { sentence, UserError } from '../../src/errors/user-error.ts';
import { ROOT, runCli, writeTree } from '../helpers/build-site.ts';

const seed = readFileSync(join(ROOT, 'content/2022/haizhu-kgsxj.yaml'), 'utf8');

/** Every file under dir with its bytes (folders as names), to prove nothing changed. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of (readdirSync(dir, { recursive: true }) as string[]).sort()) {
    try {
      out[f] = readFileSync(join(dir, f), 'utf8');
    } catch {
      out[f] = '<dir>';
    }
  }
  return out;
}

/** A previous output as a build leaves it: its marker lists its files. */
async function builtOutput(files: Record<string, string>): Promise<{ dir: string; out: string }> {
  const dir = writeTree(Object.fromEntries(Object.entries(files).map(([k, v]) => [`dist/${k}`, v])));
  await writeOutputManifest(join(dir, 'dist'));
  return { dir, out: join(dir, 'dist') };
}

const project = () => writeTree({ 'content/2022/a.yaml': seed, 'README.md': '# 我的项目\n', 'foreign/keep.txt': '别人的文件\n', 'home/notes.txt': '主目录\n' });
const rootLeftovers = () => readdirSync('/').filter((n) => n.startsWith('.jixiao-'));

describe('jixiao build --out refuses folders it did not make', () => {
  const cases: [string, RegExp][] = [
    ['.', /项目文件夹/],
    ['content', /内容文件夹/],
    ['content/2022', /内容文件夹之内/],
    ['content/2022/a.yaml', /内容文件夹之内/],
    ['README.md', /是一个文件/],
    ['/', /根目录/],
    ['..', /项目文件夹所在的上级文件夹/],
    ['foreign', /不是 jixiao 生成的/],
    ['home', /用户主目录/],
  ];
  for (const [out, why] of cases) {
    it(`--out ${out}: exit 1, one Chinese line naming the folder, every file intact`, () => {
      const dir = project();
      const before = snapshot(dir);
      const leftoversBefore = rootLeftovers();
      const r = runCli(['build', '--out', out], dir, { HOME: join(dir, 'home') });
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(why);
      expect(r.stderr).toContain(JSON.stringify(out));
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(snapshot(dir)).toEqual(before);
      expect(rootLeftovers()).toEqual(leftoversBefore);
    });
  }
});

describe('the build replaces only what it made (issue 28.1)', () => {
  const refuses = (dir: string, why: RegExp, names: string) => {
    const before = snapshot(dir);
    const r = runCli(['build', '--out', 'dist'], dir, { HOME: join(dir, 'home') });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(why);
    expect(r.stderr).toContain(JSON.stringify(names));
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(snapshot(dir)).toEqual(before); // the user's file where it was; no .jixiao-cache/…replaced/ holding it
  };
  const site = { 'dist/index.html': '<!doctype html>', 'dist/data/reports.json': '{"reports":[]}', 'dist/pagefind/pagefind.js': '//' };

  it("a folder that only looks like a site (no marker) is refused, the user's file kept", () => {
    const dir = writeTree({ 'content/2022/a.yaml': seed, ...site, 'dist/precious.docx': '我的文件' });
    refuses(dir, /没有 \.jixiao-output 文件清单/, 'dist/data/reports.json');
    expect(readFileSync(join(dir, 'dist/precious.docx'), 'utf8')).toBe('我的文件');
  });

  it('a marker made by hand (or by a jixiao before the list) protects nothing: refused, saying what to do once', () => {
    const dir = writeTree({ 'content/2022/a.yaml': seed, 'dist/.jixiao-output': 'jixiao 生成的网站输出文件夹。\n', 'dist/mywork.docx': '我的文件' });
    refuses(dir, /没有文件清单（旧版 jixiao 生成的，或是手工放入的）.*删除或清空这个文件夹，再运行一次/, 'dist/mywork.docx');
  });

  it('a file beside what the build wrote is named and nothing is replaced', async () => {
    const { dir } = await builtOutput({ 'index.html': 'old', 'data/reports.json': '{}' });
    writeFileSync(join(dir, 'dist/data/precious.docx'), '我的文件');
    writeFileSync(join(dir, 'content.yaml'), '');
    mkdirSync(join(dir, 'content/2022'), { recursive: true });
    writeFileSync(join(dir, 'content/2022/a.yaml'), seed);
    refuses(dir, /不是 jixiao 生成的，输出文件夹 "dist" 不能被替换/, 'dist/data/precious.docx');
  });

  it('a file the build wrote and the user changed since is named', async () => {
    const { dir } = await builtOutput({ 'index.html': 'old', 'about/index.html': 'page' });
    writeFileSync(join(dir, 'dist/about/index.html'), '我改过的页面');
    mkdirSync(join(dir, 'content/2022'), { recursive: true });
    writeFileSync(join(dir, 'content/2022/a.yaml'), seed);
    refuses(dir, /被改动过/, 'dist/about/index.html');
  });

  it('a file put into the output while the build runs stops the swap; the previous output stays', async () => {
    const { dir, out } = await builtOutput({ 'index.html': 'old' });
    const err = await withAtomicOutput(out, async (tmp) => {
      writeFileSync(join(tmp, 'index.html'), 'new');
      writeFileSync(join(out, 'notes.txt'), '构建时放进来的文件');
    }).catch((e: Error) => e);
    expect(err).toBeInstanceOf(UserError);
    expect((err as Error).message).toContain('notes.txt');
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('old');
    expect(readFileSync(join(out, 'notes.txt'), 'utf8')).toBe('构建时放进来的文件');
    expect(readdirSync(dir)).toEqual(['dist']);
  });

  it('an output it made is replaced, and the new marker lists every file with its SHA-256', async () => {
    const { out } = await builtOutput({ 'index.html': 'old', 'a/b.txt': 'x' });
    await withAtomicOutput(out, async (tmp) => {
      mkdirSync(join(tmp, 'data'));
      writeFileSync(join(tmp, 'data/x.json'), '{}');
    });
    const marker = JSON.parse(readFileSync(join(out, OUTPUT_MARKER), 'utf8')) as { files: Record<string, string>; folders: string[] };
    expect(marker.folders).toEqual(['data']);
    expect(marker.files).toEqual({ 'data/x.json': '44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a' });
  });

  it('the replaced area keeps what it cannot vouch for: a folder an older jixiao moved there is never deleted', async () => {
    const dir = writeTree({
      '.jixiao-cache/dist.replaced/.jixiao-output': 'jixiao 生成的网站输出文件夹。\n',
      '.jixiao-cache/dist.replaced/precious.docx': '我的文件',
    });
    const replaced = join(dir, '.jixiao-cache/dist.replaced');
    await clearReplaced(replaced);
    expect(readFileSync(join(replaced, 'precious.docx'), 'utf8')).toBe('我的文件');
    // What a build moved there, unchanged, goes.
    const { out } = await builtOutput({ 'index.html': 'old' });
    await clearReplaced(out);
    expect(existsSync(out)).toBe(false);
  });

  it('a previous output left aside by a killed run is deleted only when it holds nothing else', async () => {
    const { dir, out } = await builtOutput({ 'index.html': 'old' });
    writeTree({});
    mkdirSync(join(dir, '.jixiao-old-dist'));
    writeFileSync(join(dir, '.jixiao-old-dist/precious.docx'), '我的文件');
    await withAtomicOutput(out, async (tmp) => {
      writeFileSync(join(tmp, 'index.html'), 'new');
    });
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('new');
    expect(readFileSync(join(dir, '.jixiao-old-dist/precious.docx'), 'utf8')).toBe('我的文件');
  });
});

describe('the swap', () => {
  const killAt = (out: string, step: string) =>
    spawnSync(process.execPath, [join(ROOT, 'test/build/kill-at-swap.ts'), out, step], { cwd: ROOT, encoding: 'utf8' });
  const previous = () => builtOutput({ 'index.html': 'old' });

  it('a build killed between the two renames: the next run restores the previous output and removes every leftover', async () => {
    const { dir, out } = await previous();
    const r = killAt(out, 'aside');
    expect(r.signal).toBe('SIGKILL');
    expect(existsSync(out)).toBe(false); // the moment the issue found: no dist/ at all
    await expect(
      withAtomicOutput(out, async () => {
        throw new Error('stage failed');
      }),
    ).rejects.toThrow('stage failed');
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('old');
    expect(readdirSync(dir)).toEqual(['dist']);
  });

  it('a build killed after the new output is in place: the next run keeps it and removes the old one', async () => {
    const { dir, out } = await previous();
    expect(killAt(out, 'placed').signal).toBe('SIGKILL');
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('new');
    expect(readdirSync(dir).length).toBeGreaterThan(1); // old copy, lock file
    await withAtomicOutput(out, async (tmp) => {
      writeFileSync(join(tmp, 'index.html'), 'newer');
    });
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('newer');
    expect(readdirSync(dir)).toEqual(['dist']);
  });

  it('leftover temporary folders of killed runs are removed', async () => {
    const { dir, out } = await previous();
    mkdirSync(join(dir, '.jixiao-build-dist-123-abc/big'), { recursive: true });
    await withAtomicOutput(out, async (tmp) => {
      writeFileSync(join(tmp, 'index.html'), 'x');
    });
    expect(readdirSync(dir)).toEqual(['dist']);
  });

  it('two builds cannot race: a live lock holder makes the second refuse, touching nothing', async () => {
    const { dir, out } = await previous();
    writeFileSync(join(dir, '.jixiao-lock-dist'), `${process.pid === 1 ? 2 : 1}\n`); // pid 1 is always alive
    await expect(withAtomicOutput(out, async () => 'x')).rejects.toThrow(/另一个 jixiao build（进程 \d+）正在生成/);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('old');
  });

  it('every output carries the marker, so the next build may replace it', async () => {
    const { out } = await previous();
    await withAtomicOutput(out, async (tmp) => {
      writeFileSync(join(tmp, 'index.html'), 'x');
    });
    expect(existsSync(join(out, OUTPUT_MARKER))).toBe(true);
  });
});

describe('disk conditions', () => {
  it('a full disk while writing is one Chinese line and the previous output stays', async () => {
    const { dir, out } = await builtOutput({ 'index.html': 'old' });
    const full = Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    const err = await withAtomicOutput(out, async () => {
      throw full;
    }).catch((e: Error) => e);
    expect(err.message).toBe('写入网站文件时出错：磁盘空间已满。未更新网站；原有输出保持不变。请腾出磁盘空间或检查权限后重新运行。');
    expect(err).toBeInstanceOf(UserError);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('old');
    expect(readdirSync(dir)).toEqual(['dist']);
  });

  it("pagefind's Rust panic on a full disk becomes one line", () => {
    const panic =
      'thread \'main\' panicked at src/output/mod.rs:93:10:\ncalled `Result::unwrap()` on an `Err` value: Os { code: 28, kind: StorageFull, message: "No space left on device" }\nnote: run with `RUST_BACKTRACE=1` environment variable to display a backtrace';
    expect(sentence(diskFailure(panic)!)).toBe('写入网站文件时出错：磁盘空间已满。未更新网站；原有输出保持不变。请腾出磁盘空间或检查权限后重新运行。');
    expect(new SearchIndexFailed(panic).message.split('\n')).toHaveLength(1);
    expect(new SearchIndexFailed('Error: something odd\n    at x (y.js:1:2)').message).toBe(
      '生成站内搜索索引失败，未更新网站；原有输出保持不变。原因：Error: something odd',
    );
  });
});

describe('new and import --out', () => {
  it('new refuses a name that is not .yaml and a folder, touching nothing', () => {
    const dir = project();
    const before = snapshot(dir);
    const a = runCli(['new', '--out', 'README.md', '--force'], dir);
    expect(a.status).toBe(1);
    expect(a.stderr).toContain('"README.md" 不是 .yaml 文件名；未做任何改动');
    const b = runCli(['new', '--out', 'content/2022.yaml'], writeTree({ 'content/2022.yaml/keep.txt': 'x' }));
    expect(b.status).toBe(1);
    expect(b.stderr).toContain('不是普通文件');
    expect(snapshot(dir)).toEqual(before);
  });

  it('import refuses an --out that is a file', () => {
    const dir = writeTree({ 'README.md': '# 我的项目\n', '示例.txt': '虚构局2022年度部门整体支出绩效自评报告\n' });
    const r = runCli(['import', '示例.txt', '--out', 'README.md'], dir);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('输出文件夹 "');
    expect(r.stderr).toContain('是一个文件，不是文件夹；未做任何改动');
    expect(readFileSync(join(dir, 'README.md'), 'utf8')).toBe('# 我的项目\n');
  });
});
