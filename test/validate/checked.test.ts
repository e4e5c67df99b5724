/**
 * The clerk's `checked:` list (issue 31): validate names, in Chinese, the figures of a draft that
 * were never checked, with their count; a report that keeps the list is held to it after
 * `draft: true` is gone; a path typed wrong is named with the path it was likely meant to be.
 */
import { describe, expect, test } from 'vitest';
import { formatFinding } from '../../src/findings.ts';
import { located, report, warningsFor } from './helpers.ts';

const FIGURES = `budget:\n  planned: 251.89\n  spent: 251.89\n  executionRate: 100.00\nscore:\n  total: 95\n  indicators:\n    - name: 产出指标\n      max: 100\n      score: 95\n`;
const codes = (ws: { code: string }[]) => ws.map((w) => w.code);
const unchecked = async (text: string) => (await warningsFor(text)).find((w) => w.code === 'W_UNCHECKED');

describe('which figures were never checked', () => {
  test('an imported draft starts with nothing checked: every figure is named, with the count', async () => {
    const f = await unchecked(report(`draft: true\n${FIGURES}`));
    expect(located(f)).toEqual({ code: 'W_UNCHECKED', file: 'r.yaml', line: 7, field: 'checked' });
    expect(f!.message).toBe('7 个数字中还有 7 个没有标为已核对：年度、全年预算、实际支出、预算执行率、自评得分、指标“产出指标”的分值、指标“产出指标”的得分。');
    expect(formatFinding(f!)).toContain('checked: [year, budget.planned]');
  });

  test('the count falls as paths are written into checked; a field above covers everything under it', async () => {
    const f = await unchecked(report(`draft: true\nchecked: [year, budget]\n${FIGURES}`));
    expect(f!.message).toBe('7 个数字中还有 3 个没有标为已核对：自评得分、指标“产出指标”的分值、指标“产出指标”的得分。');
    expect(f!.line).toBe(8);
  });

  test('with every figure checked only the draft line is left to delete', async () => {
    expect(codes(await warningsFor(report(`draft: true\nchecked: [year, budget, score]\n${FIGURES}`)))).toEqual(['W_DRAFT']);
  });

  test('a published report that keeps a checked list is held to it', async () => {
    const f = await unchecked(report(`checked: [year, budget, score.total]\n${FIGURES}`));
    expect(f!.message).toContain('还有 2 个没有标为已核对：指标“产出指标”的分值、指标“产出指标”的得分');
  });

  test('a report typed by hand without the list is not asked for one', async () => {
    expect(codes(await warningsFor(report(FIGURES)))).toEqual([]);
  });

  test('a path that names no figure is a slip, named with the path it was likely meant to be', async () => {
    const ws = await warningsFor(report(`checked: [year, budget.plannd, budget.spent, budget.executionRate, score]\n${FIGURES}`));
    const slip = ws.find((w) => w.code === 'W_CHECKED_UNKNOWN');
    expect(located(slip)).toEqual({ code: 'W_CHECKED_UNKNOWN', file: 'r.yaml', line: 7, field: 'checked[1]' });
    expect(slip!.message).toBe('checked 列表中的“budget.plannd”不是本报告中的数字或其上级字段，是不是“budget.planned”？');
    expect(codes(ws)).toEqual(['W_UNCHECKED', 'W_CHECKED_UNKNOWN']);
  });

  test('the default 满分 100 is not a figure of the document; a written one is', async () => {
    const f = await unchecked(report(`draft: true\nchecked: [year, budget]\nscore:\n  max: 10\n  total: 9\n`));
    expect(f!.message).toBe('3 个数字中还有 2 个没有标为已核对：自评得分、满分。');
  });
});
