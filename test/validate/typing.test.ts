/**
 * Messages that meet real typing: what a Chinese input method puts into a data file, each with a
 * failing file (the message says exactly what to type) and the same line typed right (passes).
 * Nothing is accepted by guessing: a figure in the file is never changed by the validator.
 */
import { describe, expect, test } from 'vitest';
import { formatFinding } from '../../src/findings.ts';
import { check, HEAD, located, onlyError, replace, report } from './helpers.ts';

const BUDGET = (planned: string, spent = '90') => `budget:\n  planned: ${planned}\n  spent: ${spent}\n`;

describe('the line a key is on', () => {
  test('E_FULLWIDTH_COLON: title：… is retyped with an English colon', async () => {
    const f = await onlyError(replace(report(), 'title: ', 'title：'));
    expect(located(f)).toEqual({ code: 'E_FULLWIDTH_COLON', file: 'r.yaml', line: 3, field: undefined });
    expect(formatFinding(f)).toBe(
      'r.yaml:3: 错误: 字段名 title 后面是中文冒号“：”，YAML 只认英文冒号。 提示：切换到英文输入法，写作：title: 2022年度虚构市示例局部门整体支出绩效自评报告 [E_FULLWIDTH_COLON]',
    );
  });

  test('E_FULLWIDTH_COLON: a nested key keeps its indentation in the hint', async () => {
    const f = await onlyError(report(BUDGET('100').replace('planned: ', 'planned：')));
    expect(f.line).toBe(8);
    expect(f.hint).toBe('切换到英文输入法，写作：  planned: 100');
  });

  test('E_FULLWIDTH_SPACE: indentation typed with a full-width space', async () => {
    const f = await onlyError(report(BUDGET('100').replace('  planned', '\u3000planned')));
    expect(located(f)).toMatchObject({ code: 'E_FULLWIDTH_SPACE', line: 8 });
    expect(f.hint).toBe('删除行首的空白，用半角空格重新缩进，写作：  planned: 100');
  });

  test('E_KEY_SPACE: a space inside a key', async () => {
    const f = await onlyError(report(`${BUDGET('100')}  execution Rate: 98.0\n`));
    expect(located(f)).toMatchObject({ code: 'E_KEY_SPACE', line: 10 });
    expect(f.hint).toBe('字段名中间不能有空格，写作：  executionRate: 98.0');
  });

  test('E_COLON_SPACE: no space after the colon', async () => {
    const f = await onlyError(report(BUDGET('100').replace('planned: ', 'planned:')));
    expect(located(f)).toMatchObject({ code: 'E_COLON_SPACE', line: 8 });
    expect(f.hint).toBe('冒号后加一个半角空格，写作：  planned: 100');
  });

  test('passes: the same lines typed right, a space before the colon, and ： inside text', async () => {
    const text = report(
      `${BUDGET('100')}  executionRate : 90.0\nnarrative:\n  summary: |-\n    title：正文中的中文冒号不是字段。\n    planned：也不是。\n  conclusion: 经自评：得分 91 分。\n`,
    );
    expect((await check(text)).findings).toEqual([]);
  });
});

describe('numbers typed as a Chinese input method types them', () => {
  test('full-width digits: the hint gives the figure in half-width digits, as written', async () => {
    const f = await onlyError(report(BUDGET('２８２３９．１６')));
    expect(located(f)).toMatchObject({ code: 'E_TYPE', line: 8, field: 'budget.planned' });
    expect(f.hint).toBe('用半角数字（英文输入法），写作 28239.16。');
  });

  test('a full-width thousands separator', async () => {
    const f = await onlyError(report(BUDGET('28，239.16')));
    expect(f.hint).toBe('去掉千分位逗号，写作 28239.16。');
  });

  test('a percent sign, half- or full-width, keeps the decimals as written', async () => {
    for (const rate of ['98.0%', '98.0％', '９８.０ ％']) {
      const f = await onlyError(report(`${BUDGET('100')}  executionRate: ${rate}\n`));
      expect(f.hint, rate).toMatch(/写作 98\.0。$/);
    }
  });

  test('a unit after an amount', async () => {
    const f = await onlyError(report(BUDGET('100万元')));
    expect(f.hint).toBe('不带“万元”（金额单位写在 budget.unit），写作 100。');
  });

  test('a comma that is not a thousands separator gets no guess', async () => {
    const f = await onlyError(report(BUDGET('1，5')));
    expect(f.code).toBe('E_TYPE');
    expect(f.hint).toBeUndefined();
  });

  test('passes: the same figures in half-width digits', async () => {
    expect((await check(report(`${BUDGET('28239.16', '27788.84')}  executionRate: 98.41\n`))).findings).toEqual([]);
  });
});

describe('Chinese words for fixed values', () => {
  test.each([
    ['kind: 部门整体', 'kind: department', 1],
    ['kind: 项目支出', 'kind: project', 1],
  ])('%s → %s', async (typed, right, line) => {
    const f = await onlyError(replace(report(), 'kind: department', typed));
    expect(located(f)).toMatchObject({ code: 'E_ENUM', line });
    expect(f.hint).toBe(`“${typed.split(': ')[1]}”即 ${right.split(': ')[1]}，写作 ${right}。`);
  });

  test.each([
    ['优秀', '优'],
    ['良好', '良'],
    ['中等', '中'],
    ['较差', '差'],
  ])('grade: %s → %s', async (typed, right) => {
    const f = await onlyError(report(`${BUDGET('100')}score:\n  total: 91\n  grade: ${typed}\n`));
    expect(f.hint).toBe(`“${typed}”即 ${right}，写作 grade: ${right}。`);
  });

  test('a word whose meaning is not certain gets the list, not a guess', async () => {
    const f = await onlyError(report(`${BUDGET('100')}score:\n  total: 91\n  grade: 合格\n`));
    expect(f.message).toContain('应为 优、良、中、差 之一');
    expect(f.hint).toBeUndefined();
  });

  test('passes: the values as the schema names them', async () => {
    expect((await check(`${HEAD}${BUDGET('100')}score:\n  total: 91\n  grade: 优\n`)).findings).toEqual([]);
  });
});
