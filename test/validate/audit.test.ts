/**
 * The audit: one fixture per warning code. A warning shows the figures it compared, judges a
 * stated figure at the precision it was written, and an acknowledgement lets `--strict` pass.
 */
import { describe, expect, test } from 'vitest';
import { formatFinding, num } from '../../src/findings.ts';
import { located, onlyWarning, replace, report, tempDir, validate, warningsFor, writeReport } from './helpers.ts';

const RATE = (stated: string) => report(`budget:\n  planned: 28239.16\n  spent: 27788.84\n  executionRate: ${stated}\n`);

describe('money', () => {
  test('W_BUDGET_PARTS: basic + project against spent', async () => {
    const f = await onlyWarning(report('budget:\n  spent: 900.00\n  basic: 100.00\n  project: 790.00\n'));
    expect(located(f)).toEqual({ code: 'W_BUDGET_PARTS', file: 'r.yaml', line: 8, field: 'budget.spent' });
    expect(f.message).toContain('100.00');
    expect(formatFinding(f)).toMatchInlineSnapshot(
      `"r.yaml:8: 提示: budget.spent：基本支出 100.00 + 项目支出 790.00 = 890.00 万元，与实际支出 900.00 万元 不符（相差 10.00）。 [W_BUDGET_PARTS]"`,
    );
  });

  test('W_TITLE_YEAR: the year in the title against the fiscal year', async () => {
    const f = await onlyWarning(report().replace('year: 2022', 'year: 2023'));
    expect(located(f)).toEqual({ code: 'W_TITLE_YEAR', file: 'r.yaml', line: 2, field: 'year' });
    expect(f.figures).toEqual({ year: '2023', title: '2022' });
  });

  test('W_SOURCES_SUM: funding sources against the budget', async () => {
    const f = await onlyWarning(
      report('budget:\n  planned: 1000\n  sources:\n    - { name: 一般公共预算, planned: 600 }\n    - { name: 政府性基金预算, planned: 300 }\n'),
    );
    expect(located(f)).toEqual({ code: 'W_SOURCES_SUM', file: 'r.yaml', line: 8, field: 'budget.planned' });
    expect(formatFinding(f)).toMatchInlineSnapshot(
      `"r.yaml:8: 提示: budget.planned：各资金来源的全年预算合计 900 万元，与全年预算 1,000 万元 不符。 [W_SOURCES_SUM]"`,
    );
  });

  test('W_RATE_MISMATCH: the stated execution rate against spent ÷ planned', async () => {
    const f = await onlyWarning(RATE('98.0'));
    expect(located(f)).toEqual({ code: 'W_RATE_MISMATCH', file: 'r.yaml', line: 10, field: 'budget.executionRate' });
    expect(f.figures).toMatchObject({ stated: 98, computed: 98.41 });
    expect(formatFinding(f)).toMatchInlineSnapshot(
      `"r.yaml:10: 提示: budget.executionRate：报告所写预算执行率 98.0%，而实际支出 27,788.84 ÷ 全年预算 28,239.16 = 98.41%。 提示：数据按报告原文保留；如原文如此，在 acknowledgements 中说明。 [W_RATE_MISMATCH]"`,
    );
  });

  test.each([
    ['98', 'passes: 98.41 rounds to 98'],
    ['98.4', 'passes: 98.41 rounds to 98.4'],
    ['98.41', 'passes: exact to two places'],
  ])('a stated rate is judged at the precision written: %s %s', async (stated) => {
    expect(await warningsFor(RATE(stated))).toEqual([]);
  });

  test('98.0 is not 98: one written decimal means 98.4 was due', async () => {
    expect((await onlyWarning(RATE('98.0'))).message).toContain('98.0%');
    expect((await onlyWarning(RATE('98.5'))).message).toContain('98.5%');
  });

  test('W_RATE_MISMATCH: a project group payment rate', async () => {
    const f = await onlyWarning(report('projects:\n  groups:\n    - name: 示例专项\n      planned: 200\n      spent: 150\n      paymentRate: 80.0\n'));
    expect(located(f)).toEqual({ code: 'W_RATE_MISMATCH', file: 'r.yaml', line: 12, field: 'projects.groups[0].paymentRate' });
    expect(formatFinding(f)).toMatchInlineSnapshot(
      `"r.yaml:12: 提示: projects.groups[0].paymentRate：项目类别“示例专项”所写支付率 80.0%，而支付资金 150 ÷ 预算资金 200 = 75.00%。 [W_RATE_MISMATCH]"`,
    );
  });

  test('W_PROJECT_AMOUNT: the projects total against the project spending', async () => {
    const f = await onlyWarning(report('budget:\n  project: 790.50\nprojects:\n  amount: 800\n'));
    expect(located(f)).toEqual({ code: 'W_PROJECT_AMOUNT', file: 'r.yaml', line: 10, field: 'projects.amount' });
    expect(formatFinding(f)).toMatchInlineSnapshot(
      `"r.yaml:10: 提示: projects.amount：项目涉及资金 800.00 万元，与项目支出 790.50 万元 不符。 [W_PROJECT_AMOUNT]"`,
    );
  });
});

describe('scores', () => {
  const tree = (total: number, a: string, b: string) =>
    report(`score:\n  total: ${total}\n  max: 100\n  indicators:\n    - { name: 示例指标甲, ${a} }\n    - { name: 示例指标乙, ${b} }\n`);

  test('W_SCORE_SUM at the top: the total against its indicators', async () => {
    const f = await onlyWarning(tree(90, 'max: 50, score: 40', 'max: 50, score: 45'));
    expect(located(f)).toEqual({ code: 'W_SCORE_SUM', file: 'r.yaml', line: 8, field: 'score.total' });
    expect(formatFinding(f)).toMatchInlineSnapshot(
      `"r.yaml:8: 提示: score.total：自评得分 90，与各指标得分之和 示例指标甲 40 + 示例指标乙 45 = 85 不符。 [W_SCORE_SUM]"`,
    );
  });

  test('W_MAX_SUM at the top: the full mark against the indicators', async () => {
    const f = await onlyWarning(tree(80, 'max: 50, score: 40', 'max: 40, score: 40'));
    expect(located(f)).toEqual({ code: 'W_MAX_SUM', file: 'r.yaml', line: 9, field: 'score.max' });
    expect(formatFinding(f)).toMatchInlineSnapshot(
      `"r.yaml:9: 提示: score.max：满分 100，与各指标分值之和 示例指标甲 50 + 示例指标乙 40 = 90 不符。 [W_MAX_SUM]"`,
    );
  });

  /** 产出指标 20 → 数量指标 20 → two leaves; the leaves' max and score are the knobs. */
  const deep = (firstMax: number, secondScore: number) =>
    report(`score:
  total: 15
  indicators:
    - name: 产出指标
      max: 20
      score: 15
      children:
        - name: 数量指标
          max: 20
          score: 15
          children:
            - { name: 示例数量一, max: ${firstMax}, score: 10 }
            - { name: 示例数量二, max: 5, score: ${secondScore} }
`);

  test('W_SCORE_SUM two levels down the tree', async () => {
    const f = await onlyWarning(deep(15, 4));
    expect(located(f)).toEqual({ code: 'W_SCORE_SUM', file: 'r.yaml', line: 16, field: 'score.indicators[0].children[0].score' });
    expect(formatFinding(f)).toMatchInlineSnapshot(
      `"r.yaml:16: 提示: score.indicators[0].children[0].score：指标“数量指标”的得分 15，与下级指标得分之和 示例数量一 10 + 示例数量二 4 = 14 不符。 [W_SCORE_SUM]"`,
    );
  });

  test('W_MAX_SUM two levels down the tree', async () => {
    const f = await onlyWarning(deep(10, 5));
    expect(located(f)).toEqual({ code: 'W_MAX_SUM', file: 'r.yaml', line: 15, field: 'score.indicators[0].children[0].max' });
    expect(formatFinding(f)).toMatchInlineSnapshot(
      `"r.yaml:15: 提示: score.indicators[0].children[0].max：指标“数量指标”的分值 20，与下级指标分值之和 示例数量一 10 + 示例数量二 5 = 15 不符。 [W_MAX_SUM]"`,
    );
  });

  test('W_INDICATOR_RATE: a stated 得分率 against score ÷ max', async () => {
    const f = await onlyWarning(report('score:\n  indicators:\n    - { name: 示例效能, max: 50, score: 44, rate: 98 }\n'));
    expect(located(f)).toEqual({ code: 'W_INDICATOR_RATE', file: 'r.yaml', line: 9, field: 'score.indicators[0].rate' });
    expect(formatFinding(f)).toMatchInlineSnapshot(
      `"r.yaml:9: 提示: score.indicators[0].rate：指标“示例效能”所写得分率 98%，而得分 44 ÷ 分值 50 = 88.00%。 [W_INDICATOR_RATE]"`,
    );
  });

  test.each([
    [90, '优', false],
    [89.9, '优', true],
    [80, '良', false],
    [60, '中', false],
    [59.5, '中', true],
  ])('W_GRADE_BAND: %s 分 %s warns: %s', async (total, grade, warns) => {
    const warnings = await warningsFor(report(`score:\n  total: ${total}\n  grade: ${grade}\n`));
    expect(warnings.map((w) => w.code)).toEqual(warns ? ['W_GRADE_BAND'] : []);
    if (warns) expect(warnings[0]!.message).toContain(`${total}`);
  });

  test('W_GRADE_BAND: the message says the band in words', async () => {
    const f = await onlyWarning(report('score:\n  total: 89.9\n  grade: 优\n'));
    expect(located(f)).toEqual({ code: 'W_GRADE_BAND', file: 'r.yaml', line: 9, field: 'score.grade' });
    expect(formatFinding(f)).toMatchInlineSnapshot(
      `"r.yaml:9: 提示: score.grade：自评等级“优”要求得分在 90 分及以上，而得分为 89.9。 提示：等级按财预〔2020〕10号：优 ≥ 90，80 ≤ 良 < 90，60 ≤ 中 < 80，差 < 60。 [W_GRADE_BAND]"`,
    );
  });

  test('W_GRADE_BAND: a key evaluation graded outside its band', async () => {
    const f = await onlyWarning(report('keyEvaluations:\n  - name: 示例补贴项目\n    score: 85\n    grade: 优\n'));
    expect(located(f)).toEqual({ code: 'W_GRADE_BAND', file: 'r.yaml', line: 10, field: 'keyEvaluations[0].grade' });
    expect(formatFinding(f)).toMatchInlineSnapshot(
      `"r.yaml:10: 提示: keyEvaluations[0].grade：重点绩效评价“示例补贴项目”等级“优”要求得分在 90 分及以上，而得分为 85。 提示：等级按财预〔2020〕10号：优 ≥ 90，80 ≤ 良 < 90，60 ≤ 中 < 80，差 < 60。 [W_GRADE_BAND]"`,
    );
  });
});

describe('counts, drafts and the folder', () => {
  test('W_COUNT_LIST: a group listing more projects than it counts', async () => {
    const f = await onlyWarning(
      report('projects:\n  groups:\n    - name: 示例专项\n      count: 1\n      items:\n        - name: 示例项目一\n        - name: 示例项目二\n'),
    );
    expect(located(f)).toEqual({ code: 'W_COUNT_LIST', file: 'r.yaml', line: 10, field: 'projects.groups[0].count' });
    expect(formatFinding(f)).toMatchInlineSnapshot(
      `"r.yaml:10: 提示: projects.groups[0].count：项目类别“示例专项”写有 1 个项目，却列出了 2 个。 [W_COUNT_LIST]"`,
    );
  });

  test('W_COUNT_LIST: group counts adding up to more than the total', async () => {
    const f = await onlyWarning(report('projects:\n  count: 3\n  groups:\n    - { name: 示例专项, count: 2 }\n    - { name: 示例其他, count: 2 }\n'));
    expect(located(f)).toEqual({ code: 'W_COUNT_LIST', file: 'r.yaml', line: 8, field: 'projects.count' });
    expect(formatFinding(f)).toMatchInlineSnapshot(`"r.yaml:8: 提示: projects.count：共写有 3 个项目，而各类别项目数之和为 4。 [W_COUNT_LIST]"`);
  });

  test('W_ACK_UNUSED: an acknowledgement of a warning that no longer appears', async () => {
    const f = await onlyWarning(report('acknowledgements:\n  - code: W_RATE_MISMATCH\n    field: budget.executionRate\n    reason: 原文如此。\n'));
    expect(located(f)).toEqual({ code: 'W_ACK_UNUSED', file: 'r.yaml', line: 8, field: 'acknowledgements[0]' });
    expect(formatFinding(f)).toMatchInlineSnapshot(
      `"r.yaml:8: 提示: acknowledgements[0]：已说明的核验提示 W_RATE_MISMATCH（budget.executionRate） 已不再出现。 提示：数据已改正时，删除这条说明。 [W_ACK_UNUSED]"`,
    );
  });

  test('W_DRAFT: an imported draft not yet checked by a person', async () => {
    const f = await onlyWarning(report('draft: true\nchecked: [year]\n'));
    expect(located(f)).toEqual({ code: 'W_DRAFT', file: 'r.yaml', line: 7, field: 'draft' });
    expect(formatFinding(f)).toMatchInlineSnapshot(
      `"r.yaml:7: 提示: 这是草稿（draft: true），尚未经人工核对，不会发布。 提示：逐项核对原文后删除 draft 一行。 [W_DRAFT]"`,
    );
  });

  test('W_NO_REPORTS: a content folder with no report (folders starting with _ or . are skipped)', async () => {
    const dir = await tempDir();
    await writeReport(dir, '_templates/report.yaml', report());
    const v = await validate(dir);
    expect(v.findings.map((f) => f.code)).toEqual(['W_NO_REPORTS']);
    expect(formatFinding(v.findings[0]!)).toMatchInlineSnapshot(
      `".: 提示: 内容文件夹中没有报告数据文件（.yaml）。 提示：从 templates/report.yaml 复制模板开始。 [W_NO_REPORTS]"`,
    );
  });
});

test('every warning shows, in its message, each figure it compared', async () => {
  const fixtures = [
    RATE('98.0'),
    report(
      'budget:\n  planned: 1000\n  spent: 900.00\n  basic: 100.00\n  project: 790.50\n  sources:\n    - { name: 一般公共预算, planned: 600 }\nprojects:\n  amount: 800\n',
    ),
    report('score:\n  total: 89.5\n  max: 100\n  grade: 优\n  indicators:\n    - { name: 示例指标, max: 90, score: 44, rate: 98 }\n'),
    report().replace('year: 2022', 'year: 2023'),
    report(
      'projects:\n  count: 1\n  groups:\n    - { name: 示例专项, count: 2, planned: 3, spent: 1, paymentRate: 50, items: [{ name: 示例一 }, { name: 示例二 }, { name: 示例三 }] }\n',
    ),
  ];
  const seen = new Set<string>();
  for (const text of fixtures) {
    for (const w of await warningsFor(text)) {
      seen.add(w.code);
      for (const v of Object.values(w.figures ?? {})) expect(w.message, w.code).toContain(typeof v === 'number' ? num(v) : v);
    }
  }
  expect([...seen].sort()).toEqual([
    'W_BUDGET_PARTS',
    'W_COUNT_LIST',
    'W_GRADE_BAND',
    'W_INDICATOR_RATE',
    'W_MAX_SUM',
    'W_PROJECT_AMOUNT',
    'W_RATE_MISMATCH',
    'W_SCORE_SUM',
    'W_SOURCES_SUM',
    'W_TITLE_YEAR',
  ]);
});

describe('acknowledgements and --strict', () => {
  const ACK = 'acknowledgements:\n  - code: W_RATE_MISMATCH\n    field: budget.executionRate\n    reason: 原文写“98.0%”，按原文保留。\n';

  test('an unacknowledged warning passes a plain run and fails --strict', async () => {
    const dir = await tempDir();
    await writeReport(dir, 'r.yaml', RATE('98.0'));
    expect((await validate(dir)).ok).toBe(true);
    const strict = await validate(dir, true);
    expect(strict.ok).toBe(false);
    expect(strict.open.map((f) => f.code)).toEqual(['W_RATE_MISMATCH']);
  });

  test('an acknowledgement marks the warning with its reason, and --strict then passes', async () => {
    const dir = await tempDir();
    await writeReport(dir, 'r.yaml', RATE('98.0') + ACK);
    const v = await validate(dir, true);
    expect(v.ok).toBe(true);
    expect(v.open).toEqual([]);
    const [f] = v.findings;
    expect(f).toMatchObject({ code: 'W_RATE_MISMATCH', acknowledged: '原文写“98.0%”，按原文保留。' });
    expect(formatFinding(f!)).toMatchInlineSnapshot(
      `"r.yaml:10: 提示: budget.executionRate：报告所写预算执行率 98.0%，而实际支出 27,788.84 ÷ 全年预算 28,239.16 = 98.41%。（已说明：原文写“98.0%”，按原文保留。） [W_RATE_MISMATCH]"`,
    );
  });

  test('an acknowledgement of another field leaves the warning open', async () => {
    const dir = await tempDir();
    await writeReport(dir, 'r.yaml', RATE('98.0') + replace(ACK, 'budget.executionRate', 'budget.planned'));
    const v = await validate(dir, true);
    expect(v.ok).toBe(false);
    expect(v.open.map((f) => f.code).sort()).toEqual(['W_ACK_UNUSED', 'W_RATE_MISMATCH']);
  });
});
