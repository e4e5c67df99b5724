// The report's story as the page tells it first: the summary sentence from the seed's own
// figures, where its 7 points were lost and why, which targets count as missed (only when
// target and actual can be compared), and emphasis that CommonMark alone would leave raw.
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/build-site.ts';
import { loadFile, type LoadedReport } from '../../src/validate/index.ts';
import { missedTarget, parseTarget, pointsLost, pointsLostFigure, storySentence } from '../../src/site/report-story.ts';
import { rawEmphasis, renderMarkdown } from '../../src/formats/markdown.ts';
import { cleanExcerpt } from '../../src/client/search-engine.ts';
import { wrapLabel } from '../../src/client/chart-labels.ts';

let seed: LoadedReport;
beforeAll(async () => {
  const { loaded } = await loadFile(join(ROOT, 'content/2022/haizhu-kgsxj.yaml'), ROOT);
  seed = loaded!;
});

describe('the seed report told first', () => {
  it('says in one paragraph what was spent, the rate, the score and where the points went', () => {
    expect(storySentence(seed)).toBe(
      '全年预算 28,239.16 万元，实际支出 27,788.84 万元，报告所写预算执行率 98.0%（按支出 ÷ 预算计算为 98.41%）。自评得分 93 分（满分 100 分），等级为“优”。各项指标共扣 7 分，主要扣在专项效能（4 分）、整体效能（2 分）等 4 项。',
    );
  });

  it('finds the 7 lost points at the lowest scored level, biggest first, with the reason given', () => {
    const lost = pointsLost(seed);
    expect(lost.map((x) => [x.name, x.lost])).toEqual([
      ['专项效能', 4],
      ['整体效能', 2],
      ['采购管理', 0.5],
      ['资产管理', 0.5],
    ]);
    expect(lost.reduce((t, x) => t + x.lost, 0)).toBe(100 - seed.report.score!.total!);
    expect(lost[0]!.reason!.text).toMatch(/^扣分的主要原因/);
    expect(lost[1]!.reason).toBeUndefined();
    expect(lost[2]!.reason!.from).toBe('管理效率');
  });

  it('writes a shared parent reason out once in the table, then refers to it', () => {
    const cells = pointsLostFigure(seed)!.table.rows.map((r) => r.cells[2]);
    expect(cells[1]).toBe('报告未说明');
    expect(cells[2]).toMatch(/^（管理效率的说明）部门预算编制规范/);
    expect(cells[3]).toBe('见上（管理效率的说明）');
  });
});

describe('missed targets', () => {
  it.each([
    [{ target: '≥95%', actual: '93%' }, true],
    [{ target: '100%', actual: '93%' }, true],
    [{ target: '不低于30个', actual: '28个' }, true],
    [{ target: '90%以上', actual: '85%' }, true],
    [{ target: '≤5天', actual: '7天' }, true],
    [{ target: '≥1200次', actual: '1315次' }, false],
    [{ target: '合格率≥95%', actual: '96.3%' }, false],
    [{ target: '30个', actual: '28个' }, false], // no direction stated: not judged
    [{ target: '≥30个', actual: '28项' }, false], // different units
    [{ target: '年底前完成', actual: '次年1月完成' }, false],
    [{ target: '明显提升', actual: '有所提升' }, false],
  ])('%o → %s', (ind, missed) => {
    expect(missedTarget(ind)).toBe(missed);
  });

  it('reads the direction from symbols and words', () => {
    expect(parseTarget('不超过 5 天')).toEqual({ direction: 'atMost', value: { n: 5, unit: '天' } });
    expect(parseTarget('明显提升')).toBeUndefined();
  });
});

describe('markdown for Chinese text', () => {
  it('closes emphasis after Chinese punctuation before a Chinese character', () => {
    expect(renderMarkdown('**数字经济蓬勃发力。**编制《规划》')).toBe('<p><strong>数字经济蓬勃发力。</strong>编制《规划》</p>\n');
    expect(rawEmphasis('**数字经济蓬勃发力。**编制')).toEqual([]);
  });

  it('keeps a figure and its unit on one line', () => {
    expect(renderMarkdown('自评分数为 93 分，执行率 98.5%，资金 860万元。')).toBe(
      '<p>自评分数为 <span class="nobr">93 分</span>，执行率 <span class="nobr">98.5%</span>，资金 <span class="nobr">860万元</span>。</p>\n',
    );
    expect(renderMarkdown('a < 3 分')).toBe('<p>a &lt; <span class="nobr">3 分</span></p>\n');
  });

  it('finds markers that would still show raw', () => {
    expect(rawEmphasis('**没有关上的加粗')).toEqual(['**没有关上的加粗']);
  });
});

describe('search excerpts and chart labels', () => {
  it('joins table cells with a space instead of ". " and drops a caption repeated at once', () => {
    expect(cleanExcerpt('预算执行情况. 预算执行情况. 全年预算. 28,239.16 万元')).toBe('预算执行情况　全年预算　28,239.16 万元');
    expect(cleanExcerpt('研发投入强度 3.06%')).toBe('研发投入强度 3.06%');
  });

  it('wraps a long name in lines and cuts it after three, the table keeping it whole', () => {
    expect(wrapLabel('科研业规模以上企业工资总额', 6)).toEqual(['科研业规模以', '上企业工资总', '额']);
    expect(wrapLabel('工业投资', 6)).toBe('工业投资');
    expect(wrapLabel('租赁和商务服务业规模以上企业工资总额', 4)).toEqual(['租赁和商', '务服务业', '规模以…']);
  });
});

describe('jixiao validate on emphasis', () => {
  it('warns, with the field and line, about ** that the page would show raw', async () => {
    const { checkMarkdown } = await import('../../src/audit/markdown.ts');
    const report = { ...seed.report, narrative: { functions: '正常**加粗。**文字', tasks: '一、**未关闭的加粗' } };
    const found = checkMarkdown({ report, file: 'content/x.yaml', lineOf: (p) => (p[1] === 'tasks' ? 42 : undefined), decimals: new Map() });
    expect(found.map((f) => [f.code, f.field, f.line, f.severity])).toEqual([['W_RAW_EMPHASIS', 'narrative.tasks', 42, 'warning']]);
    expect(found[0]!.message).toContain('**未关闭的加粗');
  });
});
