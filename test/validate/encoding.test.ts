/**
 * What editors on staff machines write: UTF-8 with a BOM (Notepad), CRLF line ends (Windows),
 * comments anywhere. All are accepted, and findings still point at the right line.
 */
import { describe, expect, test } from 'vitest';
import { formatFinding } from '../../src/findings.ts';
import { check, located, MINIMAL, onlyError, onlyWarning, report } from './helpers.ts';

const BOM = '\ufeff';
const crlf = (text: string) => text.replace(/\n/g, '\r\n');
/** A report whose line 8 is wrong (a negative amount). */
const BAD_LINE_8 = report('budget:\n  spent: -1\n');
/** A report whose line 10 carries a warning (a stated rate of 98.0% against 98.41%). */
const WARN_LINE_10 = report('budget:\n  planned: 28239.16\n  spent: 27788.84\n  executionRate: 98.0\n');

describe('UTF-8 with a BOM', () => {
  test('is accepted', async () => {
    expect((await check(BOM + MINIMAL)).findings).toEqual([]);
  });

  test('does not shift line numbers', async () => {
    const f = await onlyError(BOM + BAD_LINE_8);
    expect(located(f)).toEqual({ code: 'E_NEGATIVE', file: 'r.yaml', line: 8, field: 'budget.spent' });
  });

  test('is not a field name: the first key is still kind', async () => {
    const { reports } = await check(BOM + MINIMAL);
    expect(reports[0]!.report.kind).toBe('department');
  });

  test('with nothing after it is an empty file', async () => {
    expect((await onlyError(BOM)).code).toBe('E_EMPTY');
  });
});

describe('CRLF line ends', () => {
  test('are accepted', async () => {
    expect((await check(crlf(MINIMAL))).findings).toEqual([]);
  });

  test('do not shift line numbers of errors or warnings', async () => {
    expect(located(await onlyError(crlf(BAD_LINE_8)))).toEqual({ code: 'E_NEGATIVE', file: 'r.yaml', line: 8, field: 'budget.spent' });
    const w = await onlyWarning(crlf(WARN_LINE_10));
    expect(located(w)).toEqual({ code: 'W_RATE_MISMATCH', file: 'r.yaml', line: 10, field: 'budget.executionRate' });
    expect(w.message).toContain('98.0%');
  });

  test('leave no carriage return in Markdown text', async () => {
    const { reports } = await check(crlf(report('narrative:\n  summary: |-\n    第一段。\n\n    第二段。\n')));
    expect(reports[0]!.report.narrative?.summary).toBe('第一段。\n\n第二段。');
  });

  test('with a BOM as well', async () => {
    const f = await onlyError(BOM + crlf(BAD_LINE_8));
    expect(formatFinding(f)).toMatchInlineSnapshot(
      `"r.yaml:8: 错误: budget.spent（实际支出） 不能为负数，实际是 -1。 提示：金额、分值和比率都不为负；下降的增长率写在 change 字段。 [E_NEGATIVE]"`,
    );
  });
});

describe('comments', () => {
  const COMMENTED = `# 虚构市示例局 2022 年度报告（测试用）
# ${'#'.repeat(40)}
kind: department   # 部门整体
year: 2022
title: 2022年度虚构市示例局部门整体支出绩效自评报告
department:
  # 各年度保持不变
  id: xugou-shili
  name: 虚构市示例局   # 全称

budget:
  planned: 28239.16  # 全年预算
  spent: 27788.84
  executionRate: 98.0   # 原文如此
score: { total: 90 }
`;

  test('are accepted anywhere, and # inside text is text', async () => {
    const { findings, reports } = await check(COMMENTED.replace('name: 虚构市示例局', 'name: 虚构市示例局#1'));
    expect(findings.map((f) => f.code)).toEqual(['W_RATE_MISMATCH']);
    expect(reports[0]!.report.department.name).toBe('虚构市示例局#1');
  });

  test('keep line numbers right, with LF and with CRLF', async () => {
    for (const text of [COMMENTED, BOM + crlf(COMMENTED)]) {
      expect(located(await onlyWarning(text))).toEqual({ code: 'W_RATE_MISMATCH', file: 'r.yaml', line: 14, field: 'budget.executionRate' });
      const f = await onlyError(text.replace('spent: 27788.84', 'spent: "27,788.84"'));
      expect(located(f)).toEqual({ code: 'E_TYPE', file: 'r.yaml', line: 13, field: 'budget.spent' });
    }
  });

  test('do not change how precisely a figure was written', async () => {
    expect(await onlyWarning(COMMENTED)).toMatchObject({ figures: { stated: 98, computed: 98.41 } });
    const { findings } = await check(COMMENTED.replace('executionRate: 98.0 ', 'executionRate: 98 '));
    expect(findings).toEqual([]);
  });
});
