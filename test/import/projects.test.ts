/** Projects and 重点绩效评价 from prose: only stated values, the doubtful ones on the review list. */
import { describe, expect, it } from 'vitest';
import { importLines } from '../../src/import/index.ts';

const run = (body: string) =>
  importLines(['虚构局2022年度部门整体支出绩效自评报告', '一、部门概况', '虚构局负责虚构工作。', '二、绩效管理情况', ...body.split('\n')], { source: 'x.txt' });

describe('projects and key evaluations', () => {
  it('reads the count, the amount and a group, keeping written decimals', () => {
    const r = run('我局二级项目 3 个，共涉及资金 120.50 万元。其中民生项目甲、乙等 2 个，预算资金 100.00 万元，支付资金 90.0 万元，支付率 90.0%。');
    expect(r.draft.projects).toEqual({
      count: 3,
      amount: 120.5,
      groups: [{ name: '民生项目', count: 2, planned: 100, spent: 90, paymentRate: 90, items: [{ name: '甲' }, { name: '乙' }] }],
    });
    expect(r.yaml).toMatch(/amount: 120\.50$/m);
    expect(r.yaml).toMatch(/paymentRate: 90\.0$/m);
  });

  it('never takes a rate that is not a figure, and lists more names than the count for review', () => {
    const r = run('其中重点项目甲、乙、丙等 2 个，预算资金 10 万元，支付资金 5 万元，支付率较低。');
    const g = (r.draft.projects as any).groups[0];
    expect(g).toEqual({ name: '重点项目', count: 2, planned: 10, spent: 5 });
    expect(r.review.map((i) => i.field)).toContain('projects.groups');
  });

  it('leaves an amount in another unit out, for review', () => {
    const r = run('二级项目5个，共涉及资金1,200元。');
    expect(r.draft.projects).toEqual({ count: 5 });
    expect(r.review.some((i) => i.field === 'projects.amount' && /单位/.test(i.message))).toBe(true);
  });

  it('does not split an evaluation of several projects, and says so', () => {
    const r = run('组织对甲、乙 2 个项目开展了重点绩效评价，涉及资金 50 万元。此重点绩效评价得分 85 分，评价等级为“良”。');
    expect(r.draft.keyEvaluations).toBeUndefined();
    expect(r.review.map((i) => i.field)).toContain('keyEvaluations');
  });

  it('reads one evaluation without a count; a grade outside 优良中差 stays out', () => {
    const r = run('组织对充电设施补贴项目开展了重点绩效评价，涉及资金 50.5 万元，评价得分 85.0 分，评价等级为“合格”。');
    expect(r.draft.keyEvaluations).toEqual([
      {
        name: '充电设施补贴项目',
        amount: 50.5,
        score: 85,
        summary: '组织对充电设施补贴项目开展了重点绩效评价，涉及资金 50.5 万元，评价得分 85.0 分，评价等级为“合格”。',
      },
    ]);
    expect(r.review.map((i) => i.field)).toContain('keyEvaluations[0].grade');
    expect(r.draft.narrative).not.toHaveProperty('management');
  });
});

describe('project groups from a table', () => {
  it('reads 类别, 个数, 预算 and 支付 columns with the unit in the header', () => {
    const r = run(
      '项目支出情况表\n| 项目类别 | 项目个数 | 预算资金（万元） | 支付资金（万元） | 支付率 |\n| 民生项目 | 2 | 100.00 | 90.0 | 90.0% |\n| 合计 | 2 | 100.00 | 90.0 | 90.0% |',
    );
    expect(r.draft.projects).toEqual({ groups: [{ name: '民生项目', count: 2, planned: 100, spent: 90, paymentRate: 90 }] });
    expect(r.yaml).toMatch(/planned: 100\.00$/m);
  });

  it('leaves money without a unit out, for review', () => {
    const r = run('| 类别 | 个数 | 预算资金 | 支付资金 |\n| 民生项目 | 2 | 100 | 90 |');
    expect(r.draft.projects).toEqual({ groups: [{ name: '民生项目', count: 2 }] });
    expect(r.review.map((i) => i.field)).toContain('projects.groups');
  });
});
