/**
 * The 核对 page finds each figure in the text read from the original, again after every save:
 * by the cell the import cited, by value (25 stands as "25.00", 1234.5 as "1,234.50"), and for a
 * figure the clerk typed in, only where its value stands once; never a guessed place.
 */
import { describe, expect, test } from 'vitest';
import { locateFigures } from '../../src/dev/check-locate.ts';
import type { ImportRecord } from '../../src/load/originals.ts';

const LINES = [
  '年度资金总额: 880 880 880 10 10',
  '其中:本年财政拨款 880 880 880 - -',
  '产出指标 数量指标 完成率 >= 98 % 100% 25.00 25.00 6.25',
  '支出合计 1,234.50 万元',
];
const fig = (path: string, value: number) => ({ path, value, label: path });
const record = (sources: Record<string, string>, spans: ImportRecord['spans'] = {}): ImportRecord => ({ original: 'x.txt', sources, spans, review: [] });

describe('where a figure stands in the original', () => {
  test('the cell the import cited, not the same number on the next line', () => {
    const figures = [fig('budget.initial', 880), fig('budget.planned', 880), fig('budget.spent', 880)];
    // The import's own range (line 2) is overruled by its citation of line 1, cells 2–4.
    const at = locateFigures(
      figures,
      LINES,
      record(
        { 'budget.initial': '第 1 行第 2 段', 'budget.planned': '第 1 行第 3 段', 'budget.spent': '第 1 行第 4 段' },
        { 'budget.spent': { line: 2, start: 23, end: 26 } },
      ),
    );
    expect(figures.map((f) => at.get(f.path))).toEqual([
      { line: 1, start: 8, end: 11 },
      { line: 1, start: 12, end: 15 },
      { line: 1, start: 16, end: 19 },
    ]);
  });

  test('an indicator row: 分值 the first of two equal numbers, 得分 the last, found by value', () => {
    const figures = [fig('score.indicators[0].max', 25), fig('score.indicators[0].score', 25)];
    const at = locateFigures(figures, LINES, record({ 'score.indicators[0].score': '第 3 行第 2 段起' }));
    const text = LINES[2]!;
    expect(text.slice(at.get(figures[0]!.path)!.start, at.get(figures[0]!.path)!.end)).toBe('25.00');
    expect(at.get(figures[0]!.path)!.start).toBeLessThan(at.get(figures[1]!.path)!.start);
  });

  test('a figure typed in by the clerk: where its value stands once, with thousands commas', () => {
    const at = locateFigures([fig('budget.spent', 1234.5), fig('score.total', 10)], LINES, undefined);
    expect(at.get('budget.spent')).toEqual({ line: 4, start: 5, end: 13 });
    // 10 stands twice: no place is guessed.
    expect(at.has('score.total')).toBe(false);
  });

  test('a number inside a longer one is not the figure', () => {
    expect(locateFigures([fig('x', 88)], LINES, undefined).has('x')).toBe(false);
  });
});
