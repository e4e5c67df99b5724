// What the report page derives from the seed: indicator rows, both execution rates, the
// 信息公开 fields left 未注明, the warning in plain words, and the numbers behind each chart.
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/build-site.ts';
import { loadFile, type LoadedReport } from '../../src/validate/index.ts';
import { disclosureFields, executionRateView, indicatorRows, ratePercent, warningViews } from '../../src/site/report-view.ts';
import { formatPath, parsePath } from '../../src/findings.ts';
import { scoreRate } from '../../src/schema/index.ts';
import { budgetFigure, indicatorSpec, keyFiguresFigure, sourcesFigure } from '../../src/site/charts-data.ts';

let seed: LoadedReport;
beforeAll(async () => {
  const { loaded } = await loadFile(join(ROOT, 'content/2022/haizhu-kgsxj.yaml'), ROOT);
  seed = loaded!;
});

describe('the seed report as the page shows it', () => {
  it('keeps the stated execution rate and shows the computed one because they differ', () => {
    expect(executionRateView(seed)).toEqual({ stated: '98.0%', computed: '98.41%', differs: true });
  });

  it('lists the indicator tree with levels, parents and rates (stated, else computed and marked)', () => {
    const rows = indicatorRows(seed);
    expect(rows.map((r) => [r.depth, r.ind.name, r.max, r.score, r.rate, r.rateComputed])).toEqual([
      [0, '履职效能', '50', '44', '88%', false],
      [1, '整体效能', '25', '23', '92%', true],
      [1, '专项效能', '25', '21', '84%', true],
      [0, '管理效率', '50', '49', '98%', false],
      [1, '预算编制', '3', '3', '100%', true],
      [1, '预算执行', '4', '4', '100%', true],
      [1, '信息公开', '4', '4', '100%', true],
      [1, '绩效管理', '15', '15', '100%', true],
      [1, '采购管理', '10', '9.5', '95%', true],
      [1, '资产管理', '10', '9.5', '95%', true],
      [1, '运行成本', '4', '4', '100%', true],
    ]);
    expect(rows[2]!.parents.map((p) => p.name)).toEqual(['履职效能']);
    expect(rows[2]!.path).toBe('score.indicators[0].children[1]');
  });

  it('names every 信息公开 field and leaves the absent ones empty (shown as 未注明)', () => {
    const fields = disclosureFields(seed);
    expect(fields.map((f) => f.label)).toEqual(['索引号', '发布机构', '发布日期', '成文日期', '文号', '主题分类', '体裁分类', '公开方式', '原文网址']);
    expect(fields.every((f) => f.value === undefined)).toBe(true);
  });

  it('shows the rate warning with the figures compared and the acknowledgement', () => {
    const [w, ...rest] = warningViews(seed);
    expect(rest).toEqual([]);
    expect(w).toMatchObject({ code: 'W_RATE_MISMATCH', field: '预算执行率' });
    expect(w!.figures).toEqual([
      { label: '报告所写', value: '98.0%' },
      { label: '实际支出', value: '27,788.84' },
      { label: '预算', value: '28,239.16' },
      { label: '按数字计算', value: '98.41%' },
    ]);
    expect(w!.acknowledged).toContain('按原文保留');
  });

  it('charts budget execution with the stated figures and units', () => {
    const f = budgetFigure(seed)!;
    expect(f.spec.labels).toEqual(['全年预算', '实际支出', '其中：基本支出', '其中：项目支出']);
    expect(f.spec.series[0]!.data).toEqual([28239.16, 27788.84, 2814.73, 24974.11]);
    expect(f.table.rows.map((r) => r.cells[0])).toEqual(['28,239.16 万元', '27,788.84 万元', '2,814.73 万元', '24,974.11 万元']);
    expect(f.spec.series[0]!.labels).toEqual(['28,239.16 万元', '27,788.84 万元（98.41%）', '2,814.73 万元（9.97%）', '24,974.11 万元（88.44%）']);
    const sources = sourcesFigure(seed)!;
    expect(sources.table.rows.map((r) => r.cells)).toEqual([['27,788.84 万元'], ['0 万元'], ['0 万元']]);
    // two of three rows are 0: no chart of empty bands, the note says so
    expect(sources.spec).toBeUndefined();
    expect(sources.note).toBe('政府性基金预算财政拨款、国有资本经营预算财政拨款为 0 万元，图中不画。');
  });

  it('charts the score rate of all eleven indicators, so 3- and 4-point ones are not slivers', () => {
    const spec = indicatorSpec(seed)!;
    expect(spec.labels).toHaveLength(11);
    expect([spec.min, spec.max]).toEqual([0, 100]);
    expect(spec.series[0]!.data.slice(0, 5)).toEqual([88, 92, 84, 98, 100]);
    expect(spec.series[0]!.labels![0]).toBe('88%（44/50）');
  });

  it('draws only growth rates for key figures, since their units differ, and says so', () => {
    const f = keyFiguresFigure(seed)!;
    expect(f.spec.unit).toBe('%');
    expect(f.spec.labels).not.toContain('零售业销售额');
    expect(f.spec.series[0]!.text[0]).toBe('−2.5%');
    expect(f.note).toMatch(/单位不同/);
    expect(f.table.rows[1]!.cells).toEqual(['145.92 亿元', '−2.5%', '剔除价格指数后下降2.5%']);
    expect(f.table.rows[0]!.cells[0]).toBe('20.9%');
  });
});

describe('helpers', () => {
  it('turns a field path into segments', () => {
    expect(parsePath('score.indicators[0].children[12].score')).toEqual(['score', 'indicators', 0, 'children', 12, 'score']);
    expect(formatPath(parsePath('budget.sources[1].planned'))).toBe('budget.sources[1].planned');
  });
  it('computes a rate with at most one decimal', () => {
    expect(ratePercent(scoreRate(21, 25)!)).toBe('84%');
    expect(ratePercent(scoreRate(7, 8)!)).toBe('87.5%');
  });
});
