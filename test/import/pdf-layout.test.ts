/**
 * pdf-layout.ts on made-up (示例) pages: text items and ruled lines as pdf.js would hand them over,
 * laid out into the lines and pipe rows the text form of the same document has.
 */
import { describe, expect, it } from 'vitest';
import { layoutPages, type TextItem } from '../../src/import/extract/pdf-layout.ts';
import { normalizeGlyphs } from '../../src/import/extract/pdf-glyphs.ts';
import { rulesFromOps, type Rule } from '../../src/import/extract/pdf-rules.ts';

const H = 10; // font size
/** An item of `str` at (x, y), each character H wide (CJK) or H/2 (ASCII). */
const item = (str: string, x: number, y: number, h = H): TextItem => ({
  str,
  x,
  y,
  h,
  w: [...str].reduce((w, ch) => w + (ch.charCodeAt(0) < 0x2000 ? h / 2 : h), 0),
});
const hRule = (y: number, x0: number, x1: number): Rule => ({ x0, x1, y0: y, y1: y });
const vRule = (x: number, y0: number, y1: number): Rule => ({ x0: x, x1: x, y0, y1 });
/** A ruled grid: column edges xs, row edges ys (top first). */
const grid = (xs: number[], ys: number[]): Rule[] => [...ys.map((y) => hRule(y, xs[0]!, xs.at(-1)!)), ...xs.map((x) => vRule(x, ys.at(-1)!, ys[0]!))];

describe('PDF glyphs', () => {
  it('maps Kangxi radicals, the radicals supplement, compatibility ideographs and full-width letters', () => {
    expect(normalizeGlyphs('保⼭市退役军⼈事务局填报⽇期')).toBe('保山市退役军人事务局填报日期');
    expect(normalizeGlyphs('⼯⼟⻓⻔⻅')).toBe('工土长门见');
    expect(normalizeGlyphs('\uf900')).toBe('豈');
    expect(normalizeGlyphs('２０２２年　ＡＢ')).toBe('2022年 AB');
  });

  it('keeps what NFKC would change but the text form keeps: punctuation, circled numbers, units', () => {
    expect(normalizeGlyphs('（一）项目①：≥90％ ㎡')).toBe('（一）项目①：≥90％ ㎡');
  });
});

describe('PDF lines', () => {
  it('joins a wrapped paragraph, keeps separate paragraphs apart', () => {
    const step = 14.5; // line height
    const para = 29; // line height + paragraph margin
    const lines = layoutPages([
      {
        rules: [],
        items: [
          item('示例县财政局2022年度部门整体支出绩效自评报告', 50, 800),
          item('一、部门基本情况', 50, 800 - para),
          item('本局负责全县财政收支管理，年初预算安排资金一千二百万元，全年', 50, 800 - 2 * para),
          item('执行一千一百万元。', 50, 800 - 2 * para - step),
          item('二、绩效目标', 50, 800 - 3 * para - step),
          item('全年完成道路养护三百公里，群众满意度达到百分之九十五以上，各项', 50, 800 - 4 * para - step),
          item('指标均已完成。', 50, 800 - 4 * para - 2 * step),
        ],
      },
    ]);
    expect(lines).toEqual([
      '示例县财政局2022年度部门整体支出绩效自评报告',
      '一、部门基本情况',
      '本局负责全县财政收支管理，年初预算安排资金一千二百万元，全年执行一千一百万元。',
      '二、绩效目标',
      '全年完成道路养护三百公里，群众满意度达到百分之九十五以上，各项指标均已完成。',
    ]);
  });

  it('does not join a full line to a numbered item below it', () => {
    const lines = layoutPages([
      {
        rules: [],
        items: [item('甲'.repeat(30), 50, 700), item('1.乙', 50, 685.5), item('甲'.repeat(30), 50, 671), item('丙', 50, 656.5)],
      },
    ]);
    expect(lines).toEqual(['甲'.repeat(30), '1.乙', '甲'.repeat(30) + '丙']);
  });

  it('joins a paragraph continued on the next page and drops climbing page numbers', () => {
    const full = '甲'.repeat(40);
    const lines = layoutPages([
      { rules: [], items: [item('标题', 50, 800), item(full, 50, 771), item(full, 50, 756.5), item('- 1 -', 280, 40)] },
      { rules: [], items: [item('续完。', 50, 800), item('下一段。', 50, 771), item('- 2 -', 280, 40)] },
    ]);
    expect(lines).toEqual(['标题', full + full + '续完。', '下一段。']);
  });

  it('keeps a bare figure at the foot of a single page (a form cell, not a page number)', () => {
    expect(layoutPages([{ rules: [], items: [item('分值', 50, 800), item('10', 50, 771)] }])).toEqual(['分值', '10']);
  });

  it('drops a running header repeated at the top of each page after its first', () => {
    const header = '示例市人民政府信息公开 索引号:2023-001';
    const lines = layoutPages([
      { rules: [], items: [item(header, 50, 820), item('正文一', 50, 790)] },
      { rules: [], items: [item(header, 50, 820), item('正文二', 50, 790)] },
    ]);
    expect(lines).toEqual([header, '正文一', '正文二']);
  });

  it('splits unruled text at wide gaps into a pipe row', () => {
    expect(layoutPages([{ rules: [], items: [item('项目名称', 50, 800), item('示例道路养护', 200, 800)] }])).toEqual(['| 项目名称 | 示例道路养护 |']);
  });
});

describe('PDF tables', () => {
  it('places a ruled table into pipe rows by its rules, wrapped cell text joined', () => {
    const xs = [40, 140, 240, 340];
    const ys = [700, 680, 650, 630];
    const lines = layoutPages([
      {
        rules: grid(xs, ys),
        items: [
          item('表头说明', 40, 720),
          item('项目', 45, 686),
          item('年初预算数', 145, 686),
          item('执行率', 245, 686),
          item('示例道路', 45, 664),
          item('建设养护', 45, 654),
          item('309', 145, 656),
          item('100%', 245, 656),
          item('合计', 45, 636),
          item('309', 145, 636),
        ],
      },
    ]);
    expect(lines).toEqual(['表头说明', '| 项目 | 年初预算数 | 执行率 |', '| 示例道路建设养护 | 309 | 100% |', '| 合计 | 309 |  |']);
  });

  it('lays out a merged cell in its first column and row, empty cells after it', () => {
    const rules = [
      hRule(700, 40, 340),
      hRule(680, 40, 340),
      hRule(660, 140, 340), // the first column's cell spans two rows
      hRule(640, 40, 340),
      vRule(40, 640, 700),
      vRule(140, 640, 700),
      vRule(240, 660, 700), // the second row's right part spans two columns
      vRule(340, 640, 700),
    ];
    const lines = layoutPages([
      {
        rules,
        items: [
          item('一级', 45, 686),
          item('二级', 145, 686),
          item('分值', 245, 686),
          item('产出', 45, 656),
          item('数量', 145, 666),
          item('20', 245, 666),
          item('合并说明', 145, 646),
        ],
      },
    ]);
    expect(lines).toEqual(['| 一级 | 二级 | 分值 |', '| 产出 | 数量 | 20 |', '|  | 合并说明 |  |']);
  });

  it('joins a table row the page break cuts, cell by cell', () => {
    const lines = layoutPages([
      {
        // the last row has no rule below it: the page ends inside it
        rules: [hRule(700, 40, 240), hRule(680, 40, 240), vRule(40, 600, 700), vRule(140, 600, 700), vRule(240, 600, 700)],
        items: [item('指标', 45, 686), item('分值', 145, 686), item('资金到位', 45, 666), item('10', 145, 666)],
      },
      {
        // and goes on at the top of the next, with no rule above it
        rules: [hRule(780, 40, 240), hRule(760, 40, 240), vRule(40, 760, 800), vRule(140, 760, 800), vRule(240, 760, 800)],
        items: [item('及时率', 45, 786), item('合计', 45, 766), item('100', 145, 766)],
      },
    ]);
    expect(lines).toEqual(['| 指标 | 分值 |', '| 资金到位及时率 | 10 |', '| 合计 | 100 |']);
  });

  it('escapes a bar inside a cell', () => {
    const lines = layoutPages([{ rules: grid([40, 140, 240], [700, 680]), items: [item('甲|乙', 45, 686), item('丙', 145, 686)] }]);
    expect(lines).toEqual(['| 甲\\|乙 | 丙 |']);
  });
});

describe('PDF rules from the operator list', () => {
  const OPS = {
    save: 10,
    restore: 11,
    transform: 12,
    constructPath: 91,
    endPath: 28,
    stroke: 20,
    closeStroke: 21,
    paintFormXObjectBegin: 74,
    paintFormXObjectEnd: 75,
  };
  const FILL = 22;
  it('finds thin filled rectangles and stroked segments in page space, not clipping paths', () => {
    const rect = (x: number, y: number, w: number, h: number) => [0, x, y, 1, x + w, y, 1, x + w, y + h, 1, x, y + h, 4];
    const fn = [OPS.save, OPS.transform, OPS.constructPath, OPS.constructPath, OPS.constructPath, OPS.restore, OPS.constructPath];
    const args = [
      null,
      [2, 0, 0, 2, 10, 0],
      [FILL, [new Float32Array([...rect(0, 100, 50, 0.5), ...rect(0, 0, 10, 10)])], null],
      [OPS.endPath, [new Float32Array(rect(0, 0, 0.5, 300))], null],
      [OPS.stroke, [new Float32Array([0, 5, 5, 1, 5, 50])], null],
      null,
      [OPS.stroke, [new Float32Array([0, 0, 0, 1, 30, 30])], null],
    ];
    expect(rulesFromOps(fn, args, OPS)).toEqual([
      { x0: 10, x1: 110, y0: 200.5, y1: 200.5 },
      { x0: 20, x1: 20, y0: 10, y1: 100 },
    ]);
  });
});
