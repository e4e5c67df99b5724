/**
 * `jixiao import` keeps the original and the text it read beside the draft (issue 31): the clerk
 * checks against them, the build publishes neither as a report, and importing the content folder
 * again does not import the kept originals.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, onTestFinished, test } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { validateContent } from '../../src/validate/index.ts';
import { captureIo } from '../validate/helpers.ts';
import { ROOT } from '../helpers/build-site.ts';

const REAL = join(ROOT, 'test/fixtures/real-reports/14_yongde_minglang_zhongxue_2022_yingyang.txt');

describe('originals kept beside drafts', () => {
  test('the draft, the original byte for byte, and the text read, in x.原文/', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jixiao-originals-'));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    const io = captureIo(dir);
    expect(await main(['import', REAL, '--out', 'content'], io), io.all()).toBe(0);
    const year = readdirSync(join(dir, 'content'))[0]!;
    const names = readdirSync(join(dir, 'content', year)).sort();
    const draft = names.find((n) => n.endsWith('.yaml'))!;
    expect(names).toEqual([draft, draft.replace(/\.yaml$/, '.原文')]);
    const kept = join(dir, 'content', year, draft.replace(/\.yaml$/, '.原文'));
    expect(readdirSync(kept).sort()).toEqual(['14_yongde_minglang_zhongxue_2022_yingyang.txt', '读取位置.json', '读取的文字.txt']);
    // Where each value was read and what was left empty, for the 核对 page of jixiao dev.
    const record = JSON.parse(readFileSync(join(kept, '读取位置.json'), 'utf8'));
    expect(record.original).toBe('14_yongde_minglang_zhongxue_2022_yingyang.txt');
    expect(record.sources.year).toMatch(/^第 \d+ 行/);
    expect(record.review.length).toBeGreaterThan(0);
    expect(readFileSync(join(kept, '14_yongde_minglang_zhongxue_2022_yingyang.txt'))).toEqual(readFileSync(REAL));
    const text = readFileSync(join(kept, '读取的文字.txt'), 'utf8');
    expect(text).toContain('营养');
    expect(io.all()).toContain('.原文/');

    // Only the draft is a report file.
    const verdict = await validateContent(join(dir, 'content'), { cwd: dir });
    expect(verdict.files).toBe(1);

    // Importing the content folder again finds no document in the kept originals.
    const again = captureIo(dir);
    await main(['import', 'content', '--out', 'again'], again);
    expect(again.all()).toContain('没有可导入的文件');
  });
});
