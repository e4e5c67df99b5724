// Where a year's reports lost points, by the indicator groups the reports name: lost = 分值 −
// 得分 only where both are stated, summed by 一级 › 二级, each report with its stated reason.
import { describe, expect, it } from 'vitest';
import { load } from './fixture.ts';
import { groupLosses, lossesTable, topLosses } from '../../../src/site/compare/year-losses.ts';
import { tableCsv } from '../../../src/site/compare/table.ts';
import { parseCsv } from '../../helpers/csv.ts';

const tree = (a: number, b: number, note = '') => `    - name: 产出指标
      max: 50
      score: ${50 - a - b}
      children:
        - { name: 数量指标, max: 30, score: ${30 - a}${note && `, note: ${note}`} }
        - { name: 质量指标, max: 20, score: ${20 - b} }
    - name: 满意度指标
      max: 10
      children:
        - { name: 群众满意度, max: 10 }
`;

describe('points lost by indicator group', () => {
  it('sum 分值 − 得分 by 一级 › 二级 across the reports, the biggest loss first, each report with its reason', async () => {
    const rs = await load({ id: 'xa', total: 90, indicators: tree(3, 1, '数量未达标（虚构）') }, { id: 'xb', total: 90, indicators: tree(2, 0) });
    const g = groupLosses(rs);
    expect(g.map((x) => [x.top, x.sub, x.lost])).toEqual([
      ['产出指标', '数量指标', 5],
      ['产出指标', '质量指标', 1],
    ]);
    expect(g[0]!.reports.map((e) => [e.r.report.department.name, e.lost, e.reasons])).toEqual([
      ['示例市虚构区xa局', 3, ['数量未达标（虚构）']],
      ['示例市虚构区xb局', 2, []],
    ]);
    expect(topLosses(g)).toEqual([{ top: '产出指标', lost: 6, reports: 2 }]);
  });

  it('count nothing for an indicator that does not state both 分值 and 得分 (满意度 above has no score)', async () => {
    const g = groupLosses(await load({ id: 'xa', total: 100, indicators: tree(0, 0) }));
    expect(g).toEqual([]);
  });

  it('give a CSV with the units in the headers and plain numbers', async () => {
    const rs = await load({ id: 'xa', total: 95.5, indicators: tree(4.5, 0, '扣分原因（虚构）') });
    const [head, ...rows] = parseCsv(tableCsv(lossesTable(2023, groupLosses(rs))).slice(1));
    expect(head).toEqual(['一级指标', '二级指标', '扣分合计（分）', '扣分的报告（份）', '各报告扣分（分）及所写原因']);
    expect(rows).toEqual([['产出指标', '数量指标', '4.5', '1', '虚构xa −4.5 分：扣分原因（虚构）']]);
  });
});
