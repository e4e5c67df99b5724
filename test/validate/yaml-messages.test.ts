/**
 * YAML slips as a clerk makes them, in the real template and the real seed report: the message
 * names the line that is wrong, quotes it and says what to type (issue 31); one syntax error
 * hides nothing else, in the same file or in another.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { errorsOf, formatFinding } from '../../src/findings.ts';
import { indentSlips } from '../../src/validate/yaml-indent.ts';
import { ROOT } from '../helpers/build-site.ts';
import { check, tempDir, validate, writeReport } from './helpers.ts';

const TEMPLATE = readFileSync(join(ROOT, 'templates/report.yaml'), 'utf8');
const SEED = readFileSync(join(ROOT, 'content/2022/haizhu-kgsxj.yaml'), 'utf8');

/** The text with line `n` (1-based) indented by `spaces` instead of its own indent. */
const indentLine = (text: string, n: number, spaces: number) =>
  text
    .split('\n')
    .map((l, i) => (i === n - 1 ? ' '.repeat(spaces) + l.trimStart() : l))
    .join('\n');

describe('a wrong indent is named on its own line, with the indent it needs', () => {
  test('the template, line 17 indented by 3 spaces (the issue’s example)', async () => {
    const text = indentLine(TEMPLATE, 17, 3);
    const errors = errorsOf((await check(text, '2024/test-dept.yaml')).findings);
    expect(errors.map((f) => [f.code, f.line])).toEqual([['E_YAML_INDENT', 17]]);
    const line = formatFinding(errors[0]!);
    expect(line).toContain('这一行缩进了 3 个空格，应为 2 个');
    expect(line).toContain('「   id: bumen-biaoshi');
    expect(errors[0]!.hint).toMatch(/^把行首改为 2 个半角空格，写作：「 {2}id: bumen-biaoshi/);
  });

  test('the seed, line 17 indented by 3 spaces: aligned with line 16', async () => {
    const errors = errorsOf((await check(indentLine(SEED, 17, 3), '2022/x.yaml')).findings);
    expect(errors.map((f) => [f.code, f.line])).toEqual([['E_YAML_INDENT', 17]]);
    expect(errors[0]!.message).toContain('（与第 16 行对齐）');
  });

  // Lines of the seed's identity and budget blocks, and a list item's field, one space off either way.
  test.each([8, 9, 10, 11, 14, 15, 16, 17, 18, 19, 22, 30, 31])('the seed, line %i one space off', async (n) => {
    const own = SEED.split('\n')[n - 1]!.length - SEED.split('\n')[n - 1]!.trimStart().length;
    for (const spaces of [own - 1, own + 1]) {
      const lines = indentSlips(indentLine(SEED, n, spaces).split('\n'));
      expect(
        lines.map((s) => [s.line, s.expected]),
        `${spaces} spaces`,
      ).toEqual([[n, own]]);
    }
  });

  test('no valid file is second-guessed: the template, the seed and every fixture give nothing', () => {
    const fixtures = readdirSync(join(ROOT, 'test/fixtures'), { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && e.name.endsWith('.yaml'));
    expect(fixtures.length).toBeGreaterThan(10);
    const texts = [TEMPLATE, SEED, ...fixtures.map((e) => readFileSync(join(e.parentPath, e.name), 'utf8'))];
    for (const text of texts) expect(indentSlips(text.split('\n'))).toEqual([]);
  });
});

describe('one run names every slip', () => {
  const SIX = (text: string) =>
    text
      .replace('year: 2022', 'year: 二〇二二') // line 5
      .replace('title: 2022', 'title：2022') // line 6
      .replace('  shortName:', '  shortname:') // line 10
      .replace('  planned: 28239.16', '  planned:28239.16') // line 15
      .replace('  executionRate: 98.0', '   executionRate: 98.0') // line 17
      .replace('  total: 93\n', '  total: 93\n  total: 93\n'); // line 30

  test('six slips in one file, six errors in one run', async () => {
    const text = SIX(SEED);
    const errors = errorsOf((await check(text, '2022/test-dept.yaml')).findings);
    expect(errors.map((f) => [f.line, f.code]).sort((a, b) => Number(a[0]) - Number(b[0]))).toEqual([
      [5, 'E_TYPE'],
      [6, 'E_FULLWIDTH_COLON'],
      [10, 'E_UNKNOWN_KEY'],
      [15, 'E_COLON_SPACE'],
      [17, 'E_YAML_INDENT'],
      [30, 'E_YAML_DUPLICATE_KEY'],
    ]);
  });

  test('a syntax error in one file leaves the other files checked', async () => {
    const dir = await tempDir();
    await writeReport(dir, '2022/a.yaml', indentLine(SEED, 17, 3));
    await writeReport(dir, '2023/b.yaml', SEED.replace('year: 2022', 'year: 2023').replace('  shortName:', '  shortname:'));
    const errors = errorsOf((await validate(dir)).findings);
    expect(errors.map((f) => [f.file, f.line, f.code])).toEqual([
      ['2022/a.yaml', 17, 'E_YAML_INDENT'],
      ['2023/b.yaml', 10, 'E_UNKNOWN_KEY'],
    ]);
  });

  test('a file with slips is never a report to publish', async () => {
    const verdict = await check(indentLine(SEED, 17, 3), '2022/x.yaml');
    expect(verdict.reports).toEqual([]);
    expect(verdict.ok).toBe(false);
  });

  test('YAML’s own messages quote the line', async () => {
    const errors = errorsOf((await check(SEED.replace('title: 2022', 'title: "2022'), '2022/x.yaml')).findings);
    expect(errors[0]!.message).toContain('这一行是：「title: "2022年度');
  });
});
