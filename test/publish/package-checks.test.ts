// `jixiao package` reads nothing it has not checked (issue 28.5): data/reports.json is validated
// by the schema before a name is taken from it, every file it writes lies inside its output
// folder, and a broken or tampered list is one Chinese line, never a SyntaxError or yazl stack.
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, writeTree } from '../helpers/build-site.ts';

/** A site folder as far as package reads it: the list as given, a page, a data file. */
const site = (reportsJson: string, extra: Record<string, string> = {}) =>
  writeTree({
    'dist/index.html': '<!doctype html><title>站</title>',
    'dist/data/reports.json': reportsJson,
    'dist/data/x.csv': 'a\r\n',
    'README.md': '# 项目\n',
    ...extra,
  });

const refused = (dir: string, args: string[], ...says: string[]) => {
  const r = runCli(['package', ...args], dir);
  expect(r.status).toBe(1);
  for (const s of says) expect(r.stderr).toContain(s);
  expect(r.stderr.trim().split('\n')).toHaveLength(1);
  expect(r.stderr).not.toMatch(/\n\s+at |SyntaxError|yazl|Error:/);
  return r;
};

describe('jixiao package checks what it reads', () => {
  it('a publishedDate that climbs out of packages/ is refused, naming the file and field; nothing written anywhere', () => {
    const dir = site(JSON.stringify({ reports: [{ year: 2022, publishedDate: '9999-/../../../../x' }] }));
    refused(dir, [], '"dist/data/reports.json" 中 reports[0].publishedDate 不是发布日期（YYYY-MM-DD）');
    expect(readdirSync(dir).sort()).toEqual(['README.md', 'dist']);
    expect(existsSync(join(dir, '..', 'x.tar.gz'))).toBe(false);
  });

  it('a broken JSON is one line naming the file and the line', () => {
    refused(site('{"reports": [\n{"year": 2022},\n'), [], '"dist/data/reports.json" 第 2 行 不是有效的 JSON');
    refused(site('{"reports": [\n{"year": 2022},\n{"year": 2022,,}\n]}'), [], '"dist/data/reports.json" 第 3 行 不是有效的 JSON');
  });

  it('a year out of range, an empty list and a list that is not one are refused', () => {
    refused(site(JSON.stringify({ reports: [{ year: 99999 }] })), [], 'reports[0].year 不是年度');
    refused(site(JSON.stringify({ reports: [] })), [], 'reports 不是报告的列表');
    refused(site('[1, 2]'), [], '不是应有的内容');
  });

  it('a reports.json that is a link is not followed', () => {
    const dir = site('');
    const list = join(dir, 'dist/data/reports.json');
    rmSync(list);
    symlinkSync('/etc/passwd', list);
    refused(dir, [], '"dist/data/reports.json"', '符号链接');
  });

  it('--out README.md/sub is one line, nothing written', () => {
    const dir = site(JSON.stringify({ reports: [{ year: 2022 }] }));
    refused(dir, ['--out', 'README.md/sub'], '"README.md/sub" 的路径中 "README.md" 是一个文件');
    expect(readFileSync(join(dir, 'README.md'), 'utf8')).toBe('# 项目\n');
  });

  it('with --force, a SHA256SUMS that is a link is replaced, not written through', () => {
    const dir = site(JSON.stringify({ reports: [{ year: 2022 }] }), { 'precious.txt': '我的文件\n' });
    const out = join(dir, 'packages/jixiao-site-2022');
    mkdirSync(out, { recursive: true });
    symlinkSync(join(dir, 'precious.txt'), join(out, 'SHA256SUMS'));
    const r = runCli(['package', '--force'], dir);
    expect(r.status).toBe(0);
    expect(readFileSync(join(dir, 'precious.txt'), 'utf8')).toBe('我的文件\n');
    expect(lstatSync(join(out, 'SHA256SUMS')).isFile()).toBe(true);
    expect(readFileSync(join(out, 'SHA256SUMS'), 'utf8')).toMatch(/^[0-9a-f]{64} {2}jixiao-site-2022\.tar\.gz\n/);
  });
});
