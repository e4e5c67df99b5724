/**
 * The importer's text stage within the budget of issue 28 (512 MB, 2 s a MB) on the shapes that
 * broke it: lines of numbers (2.4 M cells in the cell stream: 1.55 GB, 53 s for 16 MB) and long
 * lines that every reader folded character by character. Each is a whole import in a fresh
 * process with a heap cap (import-peak.ts).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fold } from '../../src/import/normalize.ts';
import { importPeak } from '../helpers/import-peak.ts';
import { longLines, numberLines } from '../fuzz/hostile-docs.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'jixiao-text-budget-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function within(name: string, text: string, heapMB: number) {
  const file = join(dir, name);
  await writeFile(file, text);
  const mb = Buffer.byteLength(text) / 1048576;
  const o = await importPeak(file, { heapMB });
  expect(o.stderr).not.toMatch(/heap out of memory/);
  expect(o.result, o.message).toBe('finished');
  expect(o.cpuSeconds, `${o.cpuSeconds.toFixed(1)} s of CPU for ${mb.toFixed(1)} MB`).toBeLessThanOrEqual(Math.max(2, mb * 2));
  expect(Math.max(o.peakMB, o.childPeakMB)).toBeLessThanOrEqual(512);
}

describe('text stage budget', () => {
  it('12,000 lines of numbers (6.4 MB) are read under a 256 MB heap, within 2 s a MB', async () => {
    // Before: every number a cell of the stream, read by every reader — out of memory at 256 MB.
    await within('numbers.txt', numberLines(12_000), 256);
  });

  it('600 lines of 9,990 characters of “甲乙”一级指标总分值 5 分 (17 MB) under a 256 MB heap, within 2 s a MB', async () => {
    // Before: 50 s and 833 MB (fold, a loop per character, on every long line by every reader).
    await within('runs.txt', longLines('“甲乙”一级指标总分值 5 分'), 256);
  });

  it('700 pipe rows and 700 tab rows of 5,000 cells each (6.7 MB each) under a 256 MB heap, within 2 s a MB', async () => {
    // Before: every cell of every table row judged by every reader (16 MB: 69 s and 1.1 GB; tab rows 130 s).
    await within('pipes.txt', longLines('|1', 700), 256);
    await within('tabs.txt', longLines('1\t', 700), 256);
  });

  it('fold still maps full-width forms one for one and leaves other text as it was', () => {
    expect(fold('预算执行率：９８．５％（全年）\u3000≧【一】—')).toBe('预算执行率:98.5%(全年) ≥[一]-');
    const plain = '没有全角字符的一行 abc 123';
    expect(fold(plain)).toBe(plain);
    expect(fold('😀：')).toBe('😀:');
  });
});
