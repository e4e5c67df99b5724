// The synthetic corpus the site tests use is valid content, fictitious by name, and its
// department trends chart all three years, converting a 亿元 year to 万元 for the chart only.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, writeTree } from '../helpers/build-site.ts';
import { syntheticCorpus } from '../helpers/synthetic.ts';
import { loadContent } from '../../src/validate/index.ts';
import { trendFigures } from '../../src/site/charts-data.ts';

describe('the synthetic corpus', () => {
  const dir = writeTree(syntheticCorpus());

  it('passes jixiao validate (warnings only) and marks every synthetic name as fictitious', () => {
    const r = runCli(['validate', '--content', join(dir, 'content')]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/0 个错误/);
    for (const [path, text] of Object.entries(syntheticCorpus())) if (!path.endsWith('haizhu-kgsxj.yaml')) expect(text).toMatch(/name: 示例市虚构区/);
  });

  it('gives a department three years of trends, in 万元 converted exactly from 亿元 in the chart and its table', async () => {
    const { reports } = await loadContent(join(dir, 'content'));
    const jtj = reports.filter((r) => r.report.department.id === 'shili-jtj');
    const [money, rate, score] = trendFigures(jtj);
    expect(money!.spec.labels).toEqual(['2021年', '2022年', '2023年']);
    expect(money!.note).toMatch(/换算为万元/);
    expect(money!.spec.series[1]!.data[0]).toBe(12082); // 1.2082 亿元
    expect(money!.table.rows[0]!.cells[1]).toBe('12,082 万元');
    expect(rate!.table.head).toEqual(['年度', '报告所写', '按数字计算']);
    expect(score!.spec.series[0]!.data.every((n) => typeof n === 'number')).toBe(true);
  });

  it('keeps a year without a report on the axis as a gap, named, and says so', async () => {
    const { reports } = await loadContent(join(dir, 'content'));
    const jtj = reports.filter((r) => r.report.department.id === 'shili-jtj' && r.report.year !== 2022);
    const [money, , score] = trendFigures(jtj);
    expect(money!.spec.labels).toEqual(['2021年', '2022年（无报告）', '2023年']);
    expect(money!.spec.series[1]!.data[1]).toBeNull();
    expect(money!.table.rows[1]!.cells).toEqual(['无报告', '无报告']);
    expect(money!.note).toMatch(/2022 年没有部门整体报告，图中留空/);
    expect(score!.note).toMatch(/2022 年没有部门整体报告/);
  });
});
