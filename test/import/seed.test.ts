/** The seed report (a real department report) imports with every key figure right, and validates once its review list is filled. */
import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { importFile } from '../../src/import/index.ts';
import { validateContent } from '../../src/validate/index.ts';

/** A copy of shared/seed, so the tests pass on any clone (test/validate/seed.test.ts checks copies against shared/). */
const SEED = new URL('../fixtures/seed/haizhu-kgsxj-2022-report.txt', import.meta.url).pathname;

describe('seed: 海珠区科工商信局 2022', async () => {
  const r = await importFile(SEED);
  const d = r.draft as any;
  const tmp = await mkdtemp(join(tmpdir(), 'jixiao-seed-'));
  afterAll(() => rm(tmp, { recursive: true, force: true }));

  it('finds kind, year, title and department', () => {
    expect(d.kind).toBe('department');
    expect(d.year).toBe(2022);
    expect(d.title).toBe('2022年度广州市海珠区科技工业商务和信息化局部门整体支出绩效自评报告');
    expect(d.department.name).toBe('广州市海珠区科技工业商务和信息化局');
    expect(d.department.id).toMatch(/^bumen-[0-9a-f]{6}$/);
    expect(d.draft).toBe(true);
  });

  it('takes every budget figure as stated, the rate with its written precision', () => {
    expect(d.budget).toMatchObject({ unit: '万元', planned: 28239.16, spent: 27788.84, executionRate: 98.0, basic: 2814.73, project: 24974.11 });
    expect(d.budget.initial).toBeUndefined();
    expect(r.yaml).toMatch(/^ {2}executionRate: 98\.0 # 原文：第 \d+ 行起的段落“…[^”]*98\.0%[^”]*…”$/m);
  });

  it('finds the total, the grade and all nine sub-indicators', () => {
    expect(d.score.total).toBe(93);
    expect(d.score.grade).toBe('优');
    const [lv, gl] = d.score.indicators;
    expect(lv).toMatchObject({ name: '履职效能', max: 50, score: 44 });
    expect(gl).toMatchObject({ name: '管理效率', max: 50, score: 49 });
    const pairs = [...lv.children, ...gl.children].map((c: any) => [c.name, c.max, c.score]);
    expect(pairs).toEqual([
      ['整体效能', 25, 23],
      ['专项效能', 25, 21],
      ['预算编制', 3, 3],
      ['预算执行', 4, 4],
      ['信息公开', 4, 4],
      ['绩效管理', 15, 15],
      ['采购管理', 10, 9.5],
      ['资产管理', 10, 9.5],
      ['运行成本', 4, 4],
    ]);
  });

  it('splits the narrative by its headings', () => {
    expect(Object.keys(d.narrative)).toEqual([
      'functions',
      'tasks',
      'finance',
      'management',
      'conclusion',
      'goals',
      'projects',
      'achievements',
      'problems',
      'measures',
    ]);
    expect(d.narrative.functions).toMatch(/^广州市海珠区科技工业商务和信息化局的主要职责是：/);
    expect(d.narrative.problems.split('\n\n')).toHaveLength(3);
  });

  it('takes the projects: stated count and amount, the groups with their named items', () => {
    expect(d.projects).toEqual({
      count: 20,
      amount: 24974.11,
      groups: [
        {
          name: '重点专项资金项目',
          count: 4,
          planned: 1073.13,
          spent: 661.61,
          items: ['实验 Beagle 犬遗传质量及保种平台', '服务贸易专题', '对外投资合作专题', '商业网点规划建设专题（批发市场转型升级奖励）'].map((name) => ({
            name,
          })),
        },
        {
          name: '其他事业发展专项',
          count: 8,
          planned: 7190.29,
          spent: 7190.29,
          paymentRate: 100,
          items: [{ name: '2019-2020 年度电动汽车充电基础设施奖励资金' }],
        },
      ],
    });
    expect(r.yaml).toMatch(/^ {6}planned: 7190\.29$/m);
  });

  it('takes the key evaluation with its whole paragraph, and leaves it out of the narrative', async () => {
    const hand = parse(await readFile(new URL('../../content/2022/haizhu-kgsxj.yaml', import.meta.url), 'utf8'));
    expect(d.keyEvaluations).toEqual([
      { name: '2019-2020 年度电动汽车充电基础设施奖励资金', amount: 1522, score: 90, grade: '优', summary: hand.keyEvaluations[0].summary },
    ]);
    expect(d.narrative.management).not.toContain('此重点绩效评价得分');
    expect(d.narrative.management).toMatch(/二级项目20个/);
  });

  it('lists only the placeholder id for review', () => {
    expect(r.review.map((i) => i.field)).toEqual(['department.id']);
    expect(r.yaml).toContain('# 待核对：部门标识是占位值');
  });

  it('validates with no errors once department.id is filled, its figures still to be checked', async () => {
    await mkdir(join(tmp, '2022'));
    await writeFile(join(tmp, '2022', 'haizhu-kgsxj.yaml'), r.yaml.replace(/id: bumen-[0-9a-f]+.*$/m, 'id: haizhu-kgsxj'));
    const v = await validateContent(tmp, { cwd: tmp });
    expect(v.errors).toEqual([]);
    expect(v.open.map((f) => f.code).sort()).toEqual(['W_DRAFT', 'W_RATE_MISMATCH', 'W_UNCHECKED']);
    const text = await readFile(join(tmp, '2022', 'haizhu-kgsxj.yaml'), 'utf8');
    expect(text.startsWith('# 由 jixiao import')).toBe(true);
  });
});
