// `new --out` and `import --out` never write through a link (issue 28.7): a dangling link where
// the file goes would create the link's target, an existing one with --force overwrite it. And
// `new` takes the year of its folder (issue 31).
import { existsSync, lstatSync, readFileSync, symlinkSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, writeTree } from '../helpers/build-site.ts';

const TXT = '虚构局2022年度部门整体支出绩效自评报告\n一、部门基本情况\n本局负责全区科技工作。\n';

/** One Chinese line on stderr, no stack frames. */
const oneLine = (stderr: string) => {
  expect(stderr.trim().split('\n')).toHaveLength(1);
  expect(stderr).not.toMatch(/\n\s+at |Error:|EEXIST|EACCES|ENOTDIR/);
};

describe('jixiao new --out never writes through a link', () => {
  for (const force of [false, true]) {
    it(`a dangling link where the file goes${force ? ' (--force)' : ''}: refused, the link's target not created`, () => {
      const dir = writeTree({ 'content/2023/.keep': '' });
      symlinkSync('../../victim.yaml', join(dir, 'content/2023/x.yaml'));
      const r = runCli(['new', '--out', 'content/2023/x.yaml', ...(force ? ['--force'] : [])], dir);
      expect(r.status).toBe(1);
      expect(r.stderr).toContain('"content/2023/x.yaml" 是一个符号链接');
      oneLine(r.stderr);
      expect(existsSync(join(dir, 'victim.yaml'))).toBe(false);
      expect(lstatSync(join(dir, 'content/2023/x.yaml')).isSymbolicLink()).toBe(true);
    });
  }

  it('a link to an existing file, with --force: refused, the file it points to unchanged', () => {
    const dir = writeTree({ 'content/2023/.keep': '', 'precious.yaml': '我的文件\n' });
    symlinkSync('../../precious.yaml', join(dir, 'content/2023/x.yaml'));
    const r = runCli(['new', '--out', 'content/2023/x.yaml', '--force'], dir);
    expect(r.status).toBe(1);
    oneLine(r.stderr);
    expect(readFileSync(join(dir, 'precious.yaml'), 'utf8')).toBe('我的文件\n');
  });

  it('--force replaces a plain file, with the template', () => {
    const dir = writeTree({ 'content/2023/x.yaml': 'old\n' });
    const r = runCli(['new', '--out', 'content/2023/x.yaml', '--force'], dir);
    expect(r.status).toBe(0);
    expect(readFileSync(join(dir, 'content/2023/x.yaml'), 'utf8')).toContain('draft: true');
  });
});

describe('jixiao new takes the year of its folder', () => {
  it('content/2023/… → year 2023, its title and examples too, and says so', () => {
    const dir = writeTree({});
    const r = runCli(['new', '--out', 'content/2023/x.yaml'], dir);
    expect(r.status).toBe(0);
    const text = readFileSync(join(dir, 'content/2023/x.yaml'), 'utf8');
    expect(text).toMatch(/^year: 2023 /m);
    expect(text).toContain('title: 2023年度');
    expect(text).toContain('publishedDate: 2024-06-30');
    expect(text).not.toMatch(/\b2025\b/);
    expect(r.stdout).toContain('年度 2023，按所在的文件夹 2023');
  });

  it('outside a year folder: last year, and it says to check', () => {
    const dir = writeTree({});
    const r = runCli(['new', '--out', 'drafts/x.yaml'], dir);
    expect(r.status).toBe(0);
    const last = new Date().getFullYear() - 1;
    expect(readFileSync(join(dir, 'drafts/x.yaml'), 'utf8')).toMatch(new RegExp(`^year: ${last} `, 'm'));
    expect(r.stdout).toContain(`年度 ${last}（去年）`);
  });
});

describe('jixiao import --out never writes through a link', () => {
  /** Where the draft of 示例.txt goes, found by importing it once. */
  const draftPath = (dir: string) => {
    const r = runCli(['import', '示例.txt', '--out', 'out'], dir);
    expect(r.status).toBe(0);
    const path = /已生成草稿 (\S+?)（来自/.exec(r.stdout)![1]!;
    unlinkSync(join(dir, path));
    return path;
  };

  for (const force of [false, true]) {
    it(`a dangling link where the draft goes${force ? ' (--force)' : ''}: refused, its target not created`, () => {
      const dir = writeTree({ '示例.txt': TXT });
      const path = draftPath(dir);
      symlinkSync(join(dir, 'victim.yaml'), join(dir, path));
      const r = runCli(['import', '示例.txt', '--out', 'out', ...(force ? ['--force'] : [])], dir);
      expect(r.status).toBe(1);
      expect(r.stderr).toContain('是一个符号链接');
      expect(existsSync(join(dir, 'victim.yaml'))).toBe(false);
    });
  }

  it("with --force, an existing link's target is not overwritten", () => {
    const dir = writeTree({ '示例.txt': TXT, 'precious.yaml': '我的文件\n' });
    const path = draftPath(dir);
    symlinkSync(join(dir, 'precious.yaml'), join(dir, path));
    const r = runCli(['import', '示例.txt', '--out', 'out', '--force'], dir);
    expect(r.status).toBe(1);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(readFileSync(join(dir, 'precious.yaml'), 'utf8')).toBe('我的文件\n');
  });
});
