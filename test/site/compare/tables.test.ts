// The comparison tables as the year page and its CSV files give them, on the generated
// many-department site (虚构): the 合计 row, the rankings with a department that states no
// spending, and a CSV that Excel opens with the Chinese intact and no formula run.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, writeTree } from '../../helpers/build-site.ts';
import { MANY_DEPARTMENTS, manyDepartmentsCorpus } from '../../helpers/many-departments.ts';
import { parseCsv } from '../../helpers/csv.ts';
import { loadContent } from '../../../src/validate/index.ts';
import { yearView } from '../../../src/site/compare/year-view.ts';
import { tableCsv, text, num } from '../../../src/site/compare/table.ts';
import { provideTestContext } from '../../helpers/build-context.ts';

provideTestContext(); // the tables link pages under the base path a build provides

const dir = join(writeTree(manyDepartmentsCorpus()), 'content');
const reportsOf = async (year: number) => (await loadContent(dir)).reports.filter((r) => r.report.year === year);

describe('the many-department corpus', () => {
  it('is valid content with one unacknowledged warning, every name fictitious', () => {
    const r = runCli(['validate', '--content', dir]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/0 个错误，1 个未说明的核验提示/);
    for (const d of MANY_DEPARTMENTS) expect(d.name).toMatch(/^示例市虚构区/);
  });
});

describe("a year page's tables", () => {
  it('list every department report by name, with a 合计 row whose rate comes from the totals', async () => {
    const v = yearView(2023, await reportsOf(2023));
    const t = v.tables.departments!;
    expect(t.rows).toHaveLength(11);
    const foot = t.foot![0]!;
    expect(foot[0]!.text).toBe('合计（11 份）');
    expect(foot[4]!.text).toBe(`${(Math.round((v.totals.spent.value! / v.totals.planned.value!) * 10000) / 100).toFixed(2)}%`);
  });

  it('rank by rate and by score, leaving out a department that states no spending in 2020', async () => {
    const v = yearView(2020, await reportsOf(2020));
    const rate = v.tables.rankRate.rows.map((r) => [r[0]!.text, r[1]!.text, r[2]!.text]);
    expect(rate.at(-1)).toEqual(['示例市虚构区农业农村局', '不参与排名', '无法计算']);
    expect(rate).toHaveLength(9); // no 2020 report from 民政局, and 应急局 begins in 2021
    expect(v.charts.rate.spec!.labels).toHaveLength(8);
    expect(v.charts.rate.spec!.min).toBe(0);
    expect(v.tables.grades.rows.find((r) => r[0]!.text === '差')![1]!.text).toBe('1 份'); // 城管局 2020
  });

  it('write the CSV with a BOM, CRLF, plain numbers, the unit in its own column, 合计 last', async () => {
    const v = yearView(2021, await reportsOf(2021));
    const csv = tableCsv(v.tables.departments!);
    expect(csv.startsWith('\uFEFF部门,全年预算,实际支出,报告所写预算执行率（%）,计算预算执行率（%）,自评得分,等级,金额单位,报告标识\r\n')).toBe(true);
    const rows = parseCsv(csv.slice(1));
    const sthj = rows.find((r) => r[0] === '示例市虚构区生态环境分局')!;
    expect(sthj[7]).toBe('元');
    expect(sthj[1]).toMatch(/^\d+$/);
    expect(rows.at(-1)![0]).toBe('合计（11 份）');
    expect(rows.at(-1)![7]).toBe('万元');
  });

  it('never let a cell run as a formula', () => {
    const csv = tableCsv({ id: 'x', caption: 'x', columns: [{ label: '名称' }, { label: '数', numeric: true }], rows: [[text('=1+2'), num('−2.5', -2.5)]] });
    expect(csv).toBe("\uFEFF名称,数\r\n'=1+2,-2.5\r\n");
  });
});
