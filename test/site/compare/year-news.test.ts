// Who did not publish and what changed from the year before, worked out by hand from tiny 虚构
// reports: expected departments without a 部门整体 report named in site.yaml's order, totals in
// 万元 exactly across units, departments that came and went.
import { describe, expect, it } from 'vitest';
import { load } from './fixture.ts';
import { decimalText } from '../../../src/schema/money.ts';
import { totalSentence, unpublished, wanDelta, yearChange } from '../../../src/site/compare/year-news.ts';

describe('departments expected without a report', () => {
  it('are named in the order site.yaml lists them; a department with only project reports is still named, with its count', async () => {
    const rs = await load({ id: 'xa', planned: 10, spent: 9 }, { id: 'xb', project: { id: 'p1', name: '虚构公交补贴' }, planned: 5, spent: 5 });
    const expected = [
      { year: 2023, departments: ['示例市虚构区xc局', '示例市虚构区xa局', '示例市虚构区xb局'] },
      { year: 2022, departments: ['示例市虚构区xd局'] },
    ];
    expect(unpublished(expected, 2023, rs)).toEqual({
      expected: 3,
      missing: [
        { name: '示例市虚构区xc局', projects: 0 },
        { name: '示例市虚构区xb局', projects: 1 },
      ],
    });
  });

  it('are not listed at all when site.yaml names none for the year', async () => {
    const rs = await load({ id: 'xa' });
    expect(unpublished(undefined, 2023, rs)).toBeUndefined();
    expect(unpublished([{ year: 2022, departments: ['示例市虚构区xa局'] }], 2023, rs)).toBeUndefined();
  });
});

describe('the change from the previous year', () => {
  it('compares the totals in 万元 exactly (a report in 元 converted), the reports, and the departments added and gone', async () => {
    const before = await load({ id: 'xa', year: 2022, planned: '1000.10', spent: 900 }, { id: 'xb', year: 2022, planned: 200, spent: 150 });
    const after = await load({ id: 'xa', planned: 1100, spent: 1000 }, { id: 'xc', unit: '元', planned: 2345600, spent: 2000000 });
    const c = yearChange({ year: 2023, reports: after }, { year: 2022, reports: before })!;
    expect(c.previous).toBe(2022);
    // 1100 + 234.56 = 1334.56 against 1000.10 + 200 = 1200.10: +134.46
    expect(decimalText(c.totals[0]!.after!)).toBe('1334.56');
    expect(decimalText(c.totals[0]!.delta!)).toBe('134.46');
    expect(totalSentence(c.totals[0]!, 2022)).toBe('全年预算合计 1,334.56 万元，比 2022 年度（1,200.10 万元）增加 134.46 万元。');
    // 1000 + 200 = 1200 against 900 + 150 = 1050
    expect(totalSentence(c.totals[1]!, 2022)).toBe('实际支出合计 1,200.00 万元，比 2022 年度（1,050 万元）增加 150.00 万元。');
    expect(c.reports).toEqual({ before: 2, after: 2 });
    expect(c.added).toEqual(['示例市虚构区xc局']);
    expect(c.gone).toEqual(['示例市虚构区xb局']);
  });

  it('says a fall as 减少 and leaves a total it cannot compare uncompared', async () => {
    const before = await load({ id: 'xa', year: 2022, planned: 500, spent: 400 });
    const after = await load({ id: 'xa', planned: 450 });
    const c = yearChange({ year: 2023, reports: after }, { year: 2022, reports: before })!;
    expect(wanDelta(c.totals[0]!.delta!)).toBe('减少 50 万元');
    expect(totalSentence(c.totals[1]!, 2022)).toBe('实际支出合计：本年度没有报告注明。');
  });

  it('says how many reports state a total when not all do', async () => {
    const before = await load({ id: 'xa', year: 2022, planned: 500, spent: 400 });
    const after = await load({ id: 'xa', planned: 450 }, { id: 'xb', planned: 100, spent: 50 });
    const c = yearChange({ year: 2023, reports: after }, { year: 2022, reports: before })!;
    expect(totalSentence(c.totals[1]!, 2022)).toBe(
      '实际支出合计 50 万元，比 2022 年度（400 万元）减少 350 万元（注明该项的报告：本年度 2 份中 1 份，2022 年度 1 份中 1 份）。',
    );
  });

  it('is absent for the first year', async () => {
    expect(yearChange({ year: 2023, reports: await load({ id: 'xa' }) }, undefined)).toBeUndefined();
  });
});
