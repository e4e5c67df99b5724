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
import { departmentView } from '../../../src/site/compare/department-view.ts';
import { decimalText, toWan } from '../../../src/schema/money.ts';
import { reportsCsv } from '../../../src/publish/tables.ts';
import { tableCsv, text, num } from '../../../src/site/compare/table.ts';
import { provideTestContext } from '../../helpers/build-context.ts';

provideTestContext(); // the tables link pages under the base path a build provides

const dir = join(writeTree(manyDepartmentsCorpus()), 'content');
const toWanText = (digits: string) => decimalText(toWan(digits, '元')!);
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

  it('write the CSV with a BOM, CRLF, plain numbers in 万元 converted exactly from 元, 合计 last', async () => {
    const v = yearView(2021, await reportsOf(2021));
    const csv = tableCsv(v.tables.departments!);
    expect(csv.startsWith('\uFEFF部门,全年预算（万元）,实际支出（万元）,报告所写预算执行率（%）,计算预算执行率（%）,自评得分,等级,报告标识\r\n')).toBe(true);
    const rows = parseCsv(csv.slice(1));
    const sthj = rows.find((r) => r[0] === '示例市虚构区生态环境分局')!;
    const stated = (await reportsOf(2021)).find((r) => r.report.department.id === 'xugou-sthj')!;
    expect(stated.report.budget!.unit).toBe('元');
    // 元 ÷ 10,000 on the written digits: the point moves four places, nothing is rounded.
    const digits = String(stated.report.budget!.planned);
    expect(sthj[1]).toBe(toWanText(digits));
    expect(v.tables.departments!.note).toMatch(/生态环境分局（元）/);
    expect(rows.at(-1)![0]).toBe('合计（11 份）');
    const sum = rows.slice(1, -1).reduce((s, r) => s + Math.round(Number(r[1] || 0) * 1e4), 0);
    expect(Math.round(Number(rows.at(-1)![1]) * 1e4)).toBe(sum);
  });

  it('give every amount in every comparison CSV as a plain number in 万元 named in its header', async () => {
    const all = (await loadContent(dir)).reports;
    const tables = [
      ...[2019, 2020, 2021, 2022, 2023].flatMap((y) =>
        Object.values(
          yearView(
            y,
            all.filter((r) => r.report.year === y),
          ).tables,
        ),
      ),
      ...MANY_DEPARTMENTS.flatMap((d) => {
        const dv = departmentView(all.filter((r) => r.report.department.id === d.id));
        return [dv.years, dv.projects, dv.change?.figures, ...dv.trends.map((t) => t.table)];
      }),
    ].filter((t): t is NonNullable<typeof t> => t !== undefined);
    let amounts = 0;
    for (const t of tables) {
      const [head, ...rows] = parseCsv(tableCsv(t).slice(1));
      head!.forEach((h, j) => {
        if (!/预算|支出|资金/.test(h) || /执行率/.test(h)) return;
        expect(h, `${t.id}: ${h}`).toMatch(/（万元）$/);
        for (const r of rows) {
          if (r[j] === '') continue;
          expect(r[j], `${t.id} ${h}`).toMatch(/^-?\d+(\.\d+)?$/);
          amounts++;
        }
      });
      // A 元 report's amount, read as 万元, would be ten thousand times too large.
      for (const r of rows) for (const c of r) if (/^\d+(\.\d+)?$/.test(c)) expect(Number(c)).toBeLessThan(1e6);
    }
    expect(amounts).toBeGreaterThan(300);
  });

  it("give reports.csv each report's figures as stated with its unit, and beside them the same in 万元", async () => {
    const all = (await loadContent(dir)).reports;
    const [head, ...rows] = parseCsv(reportsCsv(all).slice(1));
    const col = (name: string) => head!.indexOf(name);
    const yjj = rows.filter((r) => r[col('部门标识')] === 'xugou-yjj' && r[col('报告类型')] === '部门整体');
    expect(yjj).toHaveLength(3);
    for (const r of yjj) {
      expect(r[col('金额单位')]).toBe('元');
      expect(r[col('全年预算')]).toMatch(/^\d+$/);
      expect(r[col('全年预算（万元）')]).toBe(toWanText(r[col('全年预算')]!));
    }
  });

  it('never let a cell run as a formula', () => {
    const csv = tableCsv({ id: 'x', caption: 'x', columns: [{ label: '名称' }, { label: '数', numeric: true }], rows: [[text('=1+2'), num('−2.5', -2.5)]] });
    expect(csv).toBe("\uFEFF名称,数\r\n'=1+2,-2.5\r\n");
  });
});
