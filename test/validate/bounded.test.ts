/**
 * The validator stays linear and its messages keep their shape on hostile files: limits on
 * tokens, keys per map, items per list and depth (each an error with its line), at most 50
 * findings a file, tags that would turn text into numbers refused, no "undefined", no line
 * broken by a file name, no English runtime warning.
 */
import { describe, expect, test, vi } from 'vitest';
import { errorsOf, formatFinding } from '../../src/findings.ts';
import { parseYaml } from '../../src/validate/parse-yaml.ts';
import { check, located, MINIMAL, onlyError, report } from './helpers.ts';

const errors = async (text: string) => errorsOf((await check(text)).findings);
const lines = (n: number, f: (i: number) => string) => Array.from({ length: n }, (_, i) => f(i)).join('');

describe('limits', () => {
  test('20,000 duplicate keys (took 97 s, 19,999 findings) are refused at once by the size limit', async () => {
    const fs = await errors(`${MINIMAL}${lines(20_000, () => 'a: 1\n')}`);
    expect(fs.map((f) => f.code)).toEqual(['E_LIMIT_SIZE']);
  });

  test('duplicate keys are found in one pass and at most 50 are listed', async () => {
    const fs = await errors(`${MINIMAL}${lines(500, () => 'a: 1\n')}`);
    expect(fs).toHaveLength(50);
    expect(fs.every((f) => f.code === 'E_YAML_DUPLICATE_KEY')).toBe(true);
    expect(located(fs[0])).toEqual({ code: 'E_YAML_DUPLICATE_KEY', file: 'r.yaml', line: 11, field: 'a' });
  });

  test('a map of more than 1,000 keys is one error at the key past the limit', async () => {
    const f = await onlyError(`${MINIMAL}extra:\n${lines(1_001, (i) => `  k${i}: 1\n`)}`);
    expect(located(f)).toEqual({ code: 'E_LIMIT_KEYS', file: 'r.yaml', line: 1_011, field: 'extra' });
    expect(formatFinding(f)).toBe(
      'r.yaml:1011: 错误: extra 有 1,001 个字段，超过上限 1,000。 提示：一组字段不会有这么多；检查文件是否被错误地生成或粘贴。 [E_LIMIT_KEYS]',
    );
  });

  test('a list of more than 10,000 items is one error', async () => {
    const f = await onlyError(`${MINIMAL}keyFigures: [${'1,'.repeat(10_000)}1]\n`);
    expect(located(f)).toEqual({ code: 'E_LIMIT_ITEMS', file: 'r.yaml', line: 10, field: 'keyFigures' });
  });

  test('nesting deeper than 40 is one error', async () => {
    const f = await onlyError(`${MINIMAL}extra: ${'['.repeat(60)}${']'.repeat(60)}\n`);
    expect(f.code).toBe('E_LIMIT_DEPTH');
    expect(f.line).toBe(10);
  });

  test('a flow list of 600,000 numbers (ran past 30 s) is refused by the size limit on its line', async () => {
    const f = await onlyError(`${MINIMAL}x: [${'1,'.repeat(600_000)}1]\n`);
    expect(located(f)).toEqual({ code: 'E_LIMIT_SIZE', file: 'r.yaml', line: 10, field: undefined });
  });

  test('shape errors stop at 50 and say how many more there are', async () => {
    const fs = await errors(report(lines(300, (i) => `zz${i}: 1\n`)));
    expect(fs).toHaveLength(51);
    expect(formatFinding(fs[50]!)).toBe('r.yaml: 错误: 还有 250 个错误未列出。 提示：先改正上面列出的错误，再运行一次。 [E_TOO_MANY]');
  });
});

describe('messages that hold their shape', () => {
  test('!!float and !!int are refused: they turn text into numbers unseen', async () => {
    const f = await onlyError(MINIMAL.replace(/^title: .*$/m, 'title: !!float 1'));
    expect(formatFinding(f)).toBe('r.yaml:3: 错误: title：使用了不支持的 YAML 标签 !!float。 提示：删除标签，直接写文字或数字。 [E_YAML_TAG]');
    expect((await onlyError(report('budget:\n  planned: !!int "3"\n'))).code).toBe('E_YAML_TAG');
  });

  test('a missing kind says it is missing, never "undefined"', async () => {
    const f = await onlyError(MINIMAL.replace('kind: department\n', ''));
    expect(formatFinding(f)).toBe(
      'r.yaml:1: 错误: 缺少必填字段 kind（报告类型），应为 department（部门整体支出）、project（项目支出） 之一。 提示：参照 templates/report.yaml 补上。 [E_REQUIRED]',
    );
  });

  test('a file name with a newline or an escape character stays on one line', async () => {
    const fs = errorsOf((await check('kind: x\n', 'a\nb\u001b[31m.yaml')).findings);
    for (const f of fs) expect(formatFinding(f)).toMatch(/^a\\nb\\u001b\[31m\.yaml:\d+: 错误: [^\n]+$/);
  });

  test('a collection as a key is an error, with no English warning from the YAML library', () => {
    const warn = vi.spyOn(process, 'emitWarning');
    const log = vi.spyOn(console, 'warn');
    const { findings } = parseYaml('? [a, b]\n: 1\n', 'r.yaml');
    expect(findings.map(formatFinding)).toEqual([
      'r.yaml:1: 错误: 文件顶层有一个字段名不是文字（是列表、一组字段或空）。 提示：字段名只写文字，如 title:。 [E_YAML_KEY]',
    ]);
    expect(warn).not.toHaveBeenCalled();
    expect(log).not.toHaveBeenCalled();
  });
});
