/** `jixiao import` through the CLI with a fake Io: files written, never overwritten without --force, JSON on stdout, errors in Chinese. */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import type { Io } from '../../src/cli/io.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'jixiao-cli-'));
  await cp(new URL('./fixtures/示例-网页.html', import.meta.url), join(dir, 'page.html'));
  await cp(new URL('./fixtures/示例-落款日期.txt', import.meta.url), join(dir, 'town.txt'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

function fakeIo() {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { cwd: dir, out: (l) => out.push(l), err: (l) => err.push(l) };
  return { io, out, err };
}

describe('jixiao import', () => {
  it('writes the draft into content/<year>/, then refuses to overwrite it', async () => {
    const a = fakeIo();
    expect(await main(['import', 'page.html'], a.io)).toBe(0);
    expect(a.out[0]).toBe('已生成草稿 content/2022/bumen-3c7a9c.yaml（来自 page.html）');
    expect(a.out.join('\n')).toContain('待核对（1 项）');
    const yaml = await readFile(join(dir, 'content/2022/bumen-3c7a9c.yaml'), 'utf8');
    expect(yaml).toContain('draft: true');
    await writeFile(join(dir, 'content/2022/bumen-3c7a9c.yaml'), '# 已核对\n');
    const b = fakeIo();
    expect(await main(['import', 'page.html'], b.io)).toBe(1);
    expect(b.err[0]).toMatch(/已存在，未覆盖/);
    expect(await readFile(join(dir, 'content/2022/bumen-3c7a9c.yaml'), 'utf8')).toBe('# 已核对\n');
    expect(await main(['import', 'page.html', '--force'], fakeIo().io)).toBe(0);
    expect(await readFile(join(dir, 'content/2022/bumen-3c7a9c.yaml'), 'utf8')).toContain('draft: true');
  });

  it('prints JSON on stdout and the review on stderr, with progress for many files', async () => {
    const c = fakeIo();
    expect(await main(['import', '--json', 'page.html', 'town.txt'], c.io)).toBe(0);
    expect(c.err[0]).toBe('[1/2] page.html');
    expect(c.err.some((l) => l.startsWith('[2/2] town.txt'))).toBe(true);
    expect(c.err.join('\n')).toContain('落款/发布日期为 2023-05-12，报告多半是 2022 年度的，但原文没有写明，未填入');
    const drafts = JSON.parse(c.out.join('\n'));
    expect(drafts.map((d: any) => d.department.name)).toEqual(['虚构市水务局', '虚构镇人民政府']);
  });

  it('names an unreadable file in Chinese, without a stack trace, and exits 1', async () => {
    const d = fakeIo();
    expect(await main(['import', 'report.doc', '--out', 'x'], d.io)).toBe(1);
    expect(d.err.join('\n')).toBe('jixiao import: 错误：report.doc：不支持的文件类型 .doc。请在 Word 中另存为 .docx。');
    const e = fakeIo();
    expect(await main(['import'], e.io)).toBe(2);
  });
});
