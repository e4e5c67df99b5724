/**
 * Nothing half-filled goes public: every check that keeps an unfilled template or a report
 * without its headline figures off the site, each with a file that fails and one that passes.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { TEMPLATE_IDS, TEMPLATE_TEXTS } from '../../src/audit/placeholders.ts';
import { errorsOf, formatFinding } from '../../src/findings.ts';
import { check, HEAD, located, onlyError, onlyWarning, replace, report, warningsFor } from './helpers.ts';

const ROOT = join(import.meta.dirname, '../..');
const BUDGET = 'budget:\n  planned: 100\n  spent: 90\n';
const SCORE = 'score:\n  total: 91\n';

describe('a published report states its budget and score, or says why not', () => {
  test('E_BUDGET_MISSING: neither planned nor spent, and no reason given', async () => {
    const f = await onlyError(`${HEAD}${SCORE}`);
    expect(located(f)).toEqual({ code: 'E_BUDGET_MISSING', file: 'r.yaml', line: 1, field: 'budget' });
    expect(formatFinding(f)).toContain('报告没有写全年预算（budget.planned）和实际支出（budget.spent），不能发布。');
    expect(f.hint).toContain('notStated: { budget: 原报告未公开预算数 }');
  });

  test('E_BUDGET_MISSING: spent without planned points at the budget block', async () => {
    const f = await onlyError(`${HEAD}budget:\n  spent: 90\n${SCORE}`);
    expect(located(f)).toEqual({ code: 'E_BUDGET_MISSING', file: 'r.yaml', line: 7, field: 'budget.planned' });
    expect(f.message).toBe('报告没有写全年预算（budget.planned），不能发布。');
  });

  test('E_SCORE_MISSING: no total score, and no reason given', async () => {
    const f = await onlyError(`${HEAD}${BUDGET}score:\n  grade: 优\n`);
    expect(located(f)).toEqual({ code: 'E_SCORE_MISSING', file: 'r.yaml', line: 10, field: 'score.total' });
    expect(f.hint).toContain('notStated: { score: 原报告未给出自评得分 }');
  });

  test('passes with both figures, or with a reason for each that is absent', async () => {
    expect((await check(`${HEAD}${BUDGET}${SCORE}`)).findings).toEqual([]);
    const said = `${HEAD}notStated:\n  budget: 原报告未公开预算数\n  score: 原报告只给出等级，未给出得分\n`;
    const { findings, reports } = await check(said);
    expect(findings).toEqual([]);
    expect(reports[0]!.report.notStated).toEqual({ budget: '原报告未公开预算数', score: '原报告只给出等级，未给出得分' });
  });

  test('W_NOT_STATED_UNUSED: a reason beside the figures it excuses', async () => {
    const f = await onlyWarning(`${HEAD}${BUDGET}${SCORE}notStated:\n  budget: 原报告未公开预算数\n`);
    expect(located(f)).toEqual({ code: 'W_NOT_STATED_UNUSED', file: 'r.yaml', line: 13, field: 'notStated.budget' });
  });

  test('an empty reason is not a reason', async () => {
    const f = await onlyError(`${HEAD}${SCORE}notStated:\n  budget: "  "\n`);
    expect(f.code).toBe('E_EMPTY_VALUE');
  });

  test('a draft need not be complete: it is not published', async () => {
    expect((await check(`draft: true\n${HEAD}`)).findings.map((f) => f.code)).toEqual(['W_UNCHECKED', 'W_DRAFT']);
  });
});

describe('template text is not published', () => {
  test('E_PLACEHOLDER: ×× in a name and in the title', async () => {
    const text = replace(replace(report(), '虚构市示例局\n', '××区××局\n'), 'title: 2022年度虚构市示例局', 'title: 2022年度××区××局');
    const errors = errorsOf((await check(text)).findings);
    expect(errors.map(located)).toEqual([
      { code: 'E_PLACEHOLDER', file: 'r.yaml', line: 3, field: 'title' },
      { code: 'E_PLACEHOLDER', file: 'r.yaml', line: 6, field: 'department.name' },
    ]);
    expect(formatFinding(errors[1]!)).toBe(
      'r.yaml:6: 错误: department.name：还是模板的占位文字：“××区××局”。 提示：按报告原文填写；原文没有的内容，把这一项整行删除。 [E_PLACEHOLDER]',
    );
  });

  test("E_PLACEHOLDER: the template's instruction text, its index number and its example URL", async () => {
    const text = report(
      `${BUDGET}score:\n  total: 91\n  indicators:\n    - { name: 履职效能, max: 50, score: 40, note: 扣分原因…… }\ndisclosure:\n  indexNumber: "xxxxxxxx/2025-00000"\n  sourceUrl: https://www.example.gov.cn/xxgk/1.html\n`,
    );
    expect(
      errorsOf((await check(text)).findings)
        .map((f) => f.field)
        .sort(),
    ).toEqual(['disclosure.indexNumber', 'disclosure.sourceUrl', 'score.indicators[0].note']);
  });

  test('E_PLACEHOLDER: 示例 as the whole value, or leading an instruction', async () => {
    const name = await onlyError(replace(report(), 'name: 虚构市示例局', 'name: 示例单位'));
    expect(located(name)).toMatchObject({ code: 'E_PLACEHOLDER', field: 'department.name' });
    const note = await onlyError(report('narrative:\n  summary: 示例：在此粘贴摘要\n'));
    expect(located(note)).toMatchObject({ code: 'E_PLACEHOLDER', field: 'narrative.summary' });
    // Test data is named 示例/虚构 on purpose and passes.
    expect(errorsOf((await check(report())).findings)).toEqual([]);
  });

  test('passes: real text that merely contains x, such as a /xxgk/ URL', async () => {
    expect((await check(report('disclosure:\n  sourceUrl: https://www.haizhu.gov.cn/xxgk/2023/1.html\n'))).findings).toEqual([]);
  });

  test("E_TEMPLATE_ID: the template's department id", async () => {
    const f = await onlyError(replace(report(), 'id: xugou-shili', 'id: bumen-biaoshi'));
    expect(located(f)).toEqual({ code: 'E_TEMPLATE_ID', file: 'r.yaml', line: 5, field: 'department.id' });
    expect(f.hint).toContain('haizhu-kgsxj');
  });

  test('the template, its draft line deleted, cannot be published', async () => {
    const template = await readFile(join(ROOT, 'templates/report.yaml'), 'utf8');
    const asDraft = await check(template);
    expect(asDraft.findings.map((f) => f.code)).toEqual(['W_UNCHECKED', 'W_DRAFT']);
    const published = await check(replace(template, 'draft: true\n', ''));
    expect(
      errorsOf(published.findings)
        .map((f) => f.code)
        .sort(),
    ).toEqual(['E_BUDGET_MISSING', 'E_PLACEHOLDER', 'E_PLACEHOLDER', 'E_SCORE_MISSING', 'E_TEMPLATE_ID']);
  });

  test('every instruction text and id in the template is known to the check', async () => {
    const template = await readFile(join(ROOT, 'templates/report.yaml'), 'utf8');
    const texts = [...template.matchAll(/(?:^#?\s*|:\s*)([^\s:#|][^:#|]*?……)\s*$/gm)].map((m) => m[1]!.trim());
    expect(texts.length).toBeGreaterThan(10);
    for (const t of texts) expect(TEMPLATE_TEXTS, t).toContain(t);
    for (const id of template.matchAll(/\bid: ([a-z-]+)/g)) expect(TEMPLATE_IDS).toContain(id[1]);
  });
});

describe('W_FOLDER_YEAR: the year folder and the year in the file', () => {
  test('a 2024 report saved in the 2023 folder', async () => {
    const text = report(`${BUDGET}${SCORE}`).replace('year: 2022', 'year: 2024').replace('title: 2022年度', 'title: 2024年度');
    const f = (await check(text, '2023/r.yaml')).findings;
    expect(f.map(located)).toEqual([{ code: 'W_FOLDER_YEAR', file: '2023/r.yaml', line: 2, field: 'year' }]);
    expect(formatFinding(f[0]!)).toContain('文件放在 2023 文件夹，而年度写的是 2024。');
  });

  test('passes in its own year folder, or in a folder that is not a year', async () => {
    expect((await check(report(), '2022/r.yaml')).findings).toEqual([]);
    expect((await check(report(), 'haizhu/r.yaml')).findings).toEqual([]);
  });
});

test('the warnings above can be acknowledged like any other', async () => {
  const text = report(`${BUDGET}${SCORE}acknowledgements:\n  - { code: W_FOLDER_YEAR, reason: 按发布年度归档 }\n`);
  const { findings } = await check(text, '2023/r.yaml');
  expect(findings.map((f) => [f.code, f.acknowledged])).toEqual([['W_FOLDER_YEAR', '按发布年度归档']]);
  expect(await warningsFor(report())).toEqual([]);
});
