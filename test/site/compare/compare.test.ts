// The comparisons a district site exists for, worked out by hand from tiny 虚构 reports: totals
// with the overall rate from the totals, distributions, rankings with ties and missing figures,
// changes from the year before, and projects followed by their id across years.
import { describe, expect, it } from 'vitest';
import { changesFor, findChange } from './helpers.ts';
import { load } from './fixture.ts';
import { decimalText } from '../../../src/schema/money.ts';
import { sumText, totalsOf } from '../../../src/site/compare/totals.ts';
import { gradeDistribution, scoreDistribution } from '../../../src/site/compare/distribution.ts';
import { rankBy } from '../../../src/site/compare/rankings.ts';
import { rateOf, scoreOf } from '../../../src/site/compare/measures.ts';
import { indicatorChanges } from '../../../src/site/compare/changes.ts';
import { projectIndex } from '../../../src/site/compare/projects.ts';

describe('year totals', () => {
  it('sum money in 万元 across units and compute the overall rate from the totals, not from the rates', async () => {
    const rs = await load(
      { id: 'xa', planned: 1000, spent: 900, rate: 90 },
      { id: 'xb', unit: '元', planned: 5000000, spent: 4000000, rate: 80 },
      { id: 'xc', planned: 300 },
    );
    const t = totalsOf(rs);
    expect(t.planned).toMatchObject({ value: 1800, count: 3 });
    expect(t.spent).toMatchObject({ value: 1300, count: 2 });
    expect(sumText(t.planned)).toBe('1800.00');
    // (900 + 400) ÷ (1000 + 500) = 86.67 %, over the two reports that state both; the mean of the rates would be 85.
    expect(t.rate).toEqual({ value: 86.67, count: 2 });
  });

  it('leave a total empty when no report states the figure', async () => {
    const t = totalsOf(await load({ id: 'xa' }));
    expect(t.planned.value).toBeUndefined();
    expect(t.rate.value).toBeUndefined();
  });
});

describe('distributions', () => {
  it('count grades as stated and reports without a grade apart', async () => {
    const rs = await load(
      { id: 'xa', total: 95, grade: '优' },
      { id: 'xb', total: 91, grade: '优' },
      { id: 'xc', total: 55, grade: '差' },
      { id: 'xd', total: 85 },
    );
    expect(gradeDistribution(rs).map((b) => `${b.label}${b.count}`)).toEqual(['优2', '良0', '中0', '差1', '未注明1']);
  });

  it('band scores out of 100, lower bound included, a score out of 20 scaled first', async () => {
    const rs = await load({ id: 'xa', total: 95 }, { id: 'xb', total: 94.9 }, { id: 'xc', total: 18, max: 20 }, { id: 'xd', total: 59.5 }, { id: 'xe' });
    const bands = Object.fromEntries(scoreDistribution(rs).map((b) => [b.label, b.count]));
    expect(bands).toEqual({ '95–100 分': 1, '90–94.9 分': 2, '85–89.9 分': 0, '80–84.9 分': 0, '70–79.9 分': 0, '60–69.9 分': 0, '60 分以下': 1, 未注明: 1 });
  });
});

describe('rankings', () => {
  it('share a rank between equal figures and list reports without the figure apart, not last', async () => {
    const rs = await load({ id: 'xa', total: 90 }, { id: 'xb', total: 95 }, { id: 'xc', total: 90 }, { id: 'xd', total: 80 }, { id: 'xe' });
    const r = rankBy(rs, scoreOf, (x) => x.report.department.name);
    expect(r.ranked.map((x) => `${x.rank}:${x.r.report.department.id}`)).toEqual(['1:xb', '2:xa', '2:xc', '4:xd']);
    expect(r.unranked.map((x) => x.report.department.id)).toEqual(['xe']);
  });

  it('rank execution by the computed rate, whatever rate the report states', async () => {
    const rs = await load({ id: 'xa', planned: 100, spent: 90, rate: 99 }, { id: 'xb', planned: 100, spent: 95, rate: 95 });
    expect(rankBy(rs, rateOf, (x) => x.id).ranked.map((x) => [x.r.report.department.id, x.value])).toEqual([
      ['xb', 95],
      ['xa', 90],
    ]);
  });
});

describe('changes from the year before', () => {
  const tree = (a: number, b: number, c: number, note = '') =>
    [
      '    - name: 履职效能',
      '      max: 50',
      `      score: ${a + b}`,
      '      children:',
      `        - { name: 整体效能, max: 25, score: ${a} }`,
      `        - { name: 专项效能, max: 25, score: ${b}${note ? `, note: ${note}` : ''} }`,
      `    - { name: 管理效率, max: 50, score: ${c} }`,
    ].join('\n');

  it("name the indicators that lost or gained points, the largest loss first, with this year's reason", async () => {
    const [prev, cur] = await load(
      { id: 'xa', year: 2022, total: 95, indicators: tree(24, 23, 48) },
      { id: 'xa', year: 2023, total: 90.5, indicators: tree(25, 20, 45.5, '专项资金结转') },
    );
    const c = indicatorChanges(prev!, cur!);
    expect(c.map((x) => `${x.path.join('›')} ${x.before}→${x.after} ${x.delta}`)).toEqual([
      '履职效能›专项效能 23→20 -3',
      '管理效率 48→45.5 -2.5',
      '履职效能›整体效能 24→25 1',
    ]);
    expect(c[0]!.note).toBe('专项资金结转');
    expect(c.at(-1)!.note).toBeUndefined();
  });

  it('give the figures up and down, money in 万元 and the rate in points', async () => {
    const rows = await changesFor(
      { id: 'xa', year: 2022, unit: '元', planned: 10000000, spent: 9000000, total: 90 },
      { id: 'xa', year: 2023, planned: 1100, spent: 1045, total: 88.5 },
    );
    expect(findChange(rows, '全年预算')).toMatchObject({ before: 1000, after: 1100, delta: 100 });
    const exact = findChange(rows, '全年预算')!.exact!;
    expect([exact.before, exact.after, exact.delta].map((d) => d && decimalText(d))).toEqual(['1000.00', '1100', '100.00']);
    expect(findChange(rows, '预算执行率（按数字计算）')).toMatchObject({ before: 90, after: 95, delta: 5 });
    expect(findChange(rows, '自评得分')).toMatchObject({ delta: -1.5 });
  });
});

describe('projects across years', () => {
  it("follow a project by its id through a rename, and attach the department report's mention by name", async () => {
    const rs = await load(
      { id: 'xa', year: 2022, project: { id: 'kehou', name: '课后服务补助（虚构）' }, planned: 500, spent: 450 },
      { id: 'xa', year: 2023, project: { id: 'kehou', name: '课后延时服务补助（虚构）' }, planned: 520, spent: 510 },
      {
        id: 'xa',
        year: 2023,
        planned: 3000,
        spent: 2900,
        projects:
          '  groups:\n    - name: 重点项目\n      items:\n        - { name: 课后延时服务补助（虚构）, planned: 520 }\n        - { name: 日常运转（虚构）, planned: 80 }',
      },
    );
    const { projects, mentions } = projectIndex(rs);
    expect(projects).toHaveLength(1);
    expect(projects[0]!.key).toBe('xa/kehou');
    expect(projects[0]!.names).toEqual(['课后延时服务补助（虚构）', '课后服务补助（虚构）']);
    expect(projects[0]!.reports.map((r) => r.report.year)).toEqual([2022, 2023]);
    expect(mentions.map((m) => [m.name, m.projectKey])).toEqual([
      ['课后延时服务补助（虚构）', 'xa/kehou'],
      ['日常运转（虚构）', undefined],
    ]);
  });
});

describe('chart labels', () => {
  it('drop the prefix every department name shares, keeping at least two characters of each', async () => {
    const { commonPrefix } = await import('../../../src/site/compare/year-view.ts');
    expect(commonPrefix(['虚构区教育局', '虚构区交通局', '虚构区民政局'])).toBe('虚构区');
    expect(commonPrefix(['区科工商信局', '区教育局'])).toBe('区');
    expect(commonPrefix(['虚构区局', '虚构区教育局'])).toBe('虚构');
    expect(commonPrefix(['教育局'])).toBe('');
  });
});

describe("a chart's table as a comparison table", () => {
  it('gives the CSV plain numbers, the unit in the header, amounts in 元 or 亿元 converted to 万元 exactly', async () => {
    const { chartTable } = await import('../../../src/site/compare/chart-table.ts');
    const { tableCsv } = await import('../../../src/site/compare/table.ts');
    const t = chartTable(
      {
        id: 'chart-x',
        caption: '历年',
        spec: { kind: 'bar', labels: [], unit: '万元', series: [] },
        table: {
          head: ['年度', '全年预算', '执行率'],
          numeric: [true, true],
          rows: [
            { label: '2022年', cells: ['3,411.00 万元', '98.5%'] },
            { label: '2023年', cells: ['1.2 亿元', '无法计算'] },
            { label: '2024年', cells: ['253,895,001 元', '97.1%'] },
          ],
        },
      },
      'x',
    );
    expect(tableCsv(t)).toBe('\uFEFF年度,全年预算（万元）,执行率（%）\r\n2022,3411.00,98.5\r\n2023,12000,\r\n2024,25389.5001,97.1\r\n');
  });
});
