/**
 * Each failure class of issue 30 on a made-up document (fixtures-confirm/示例-*, written for these
 * tests, not copied from a real report): the importer drafts the figure the document's arithmetic
 * confirms, or leaves it empty with its reason in 待核对.
 */
import { describe, expect, it } from 'vitest';
import { importFile, type ImportResult } from '../../src/import/index.ts';

const FIX = new URL('./fixtures-confirm/', import.meta.url).pathname;
const draftOf = (name: string) => importFile(FIX + name, name);
type Node = { name: string; max?: number; score?: number; children?: Node[] };
const leavesOf = (nodes: Node[]): Node[] => nodes.flatMap((n) => (n.children?.length ? leavesOf(n.children) : [n]));
const reasons = (r: ImportResult, field: string) => r.review.filter((i) => i.field === field).map((i) => i.message);

describe('figures confirmed by the form, or left empty with the reason', () => {
  it('columns shifted by one: a 分值 read as the spent figure leaves rate, planned and spent empty', async () => {
    const r = await draftOf('示例-列错位.txt');
    expect(r.draft.budget?.executionRate).toBeUndefined();
    expect(r.draft.budget?.planned).toBeUndefined();
    expect(r.draft.budget?.spent).toBeUndefined();
    const why = reasons(r, 'budget.executionRate').join('\n');
    expect(why).toContain('报告所写预算执行率 9.3%，而实际支出 10 ÷ 全年预算 200 = 5.00%');
    expect(why).toContain('可能的读法');
    // The 预算执行 indicator came from the same row: its weight and score are as doubtful.
    const exec = ((r.draft.score?.indicators ?? []) as Node[]).find((i) => i.name === '预算执行');
    expect(exec?.max).toBeUndefined();
  });

  it('a target read as an indicator name (a row one column off): its weight and score are left empty', async () => {
    const r = await draftOf('示例-目标作名称.txt');
    const shifted = leavesOf(r.draft.score!.indicators as Node[]).find((i) => i.name === '≥300亩')!;
    expect(shifted.score).toBeUndefined();
    expect(shifted.max).toBeUndefined();
    expect(r.review.some((i) => i.message.includes('指标名称读到“≥300亩”，像是目标值'))).toBe(true);
    expect(leavesOf(r.draft.score!.indicators as Node[]).find((i) => i.name === '苗木成活率')).toMatchObject({ max: 10, score: 10 });
  });

  it('a score above its weight is left empty', async () => {
    const r = await draftOf('示例-列错位.txt');
    const shows = leavesOf(r.draft.score!.indicators as Node[]).find((i) => i.name === '演出场次')!;
    expect(shows.max).toBe(10);
    expect(shows.score).toBeUndefined();
    expect(r.review.some((i) => i.message.includes('指标“演出场次”得分 120 超过分值 10'))).toBe(true);
  });

  it('a total far outside its grade band (the weight total read as the score) leaves both empty', async () => {
    const r = await draftOf('示例-列错位.txt');
    expect(r.draft.score?.total).toBeUndefined();
    expect(r.draft.score?.grade).toBeUndefined();
    expect(reasons(r, 'score.grade').join('')).toContain('自评等级“良”要求得分在 80 分及以上、不到 90 分，而得分为 100');
  });

  it('leaf scores that do not add up to the total (weights complete) leave the total and the scores empty', async () => {
    const r = await draftOf('示例-得分不合.txt');
    expect(r.draft.score?.total).toBeUndefined();
    expect(JSON.stringify(r.draft.score?.indicators)).not.toContain('"score"');
    expect(reasons(r, 'score.total').join('')).toContain('得分合计为 90');
  });

  it('a narrative-only report: kind, year, department and the money its sentence confirms', async () => {
    const r = await draftOf('示例-叙述式.txt');
    expect(r.draft).toMatchObject({ kind: 'project', year: 2022, department: { name: '虚构县农业农村局' } });
    expect(r.draft.budget).toMatchObject({ planned: 860, spent: 812.4, executionRate: 94.5, unit: '万元' });
    expect(r.draft.score).toMatchObject({ total: 92, grade: '优' });
  });

  it('a row with a blank cell and no borders: the one placement the arithmetic allows', async () => {
    const r = await draftOf('示例-空格行.txt');
    expect(r.draft.budget).toMatchObject({ initial: 360, planned: 352.5, spent: 352.5 });
    expect(r.draft.budget?.executionRate).toBeUndefined();
  });

  it('an income budget (预算收入) is the planned budget only when its parts add up to it', async () => {
    const alone = await draftOf('示例-预算收入.txt');
    expect(alone.draft.budget?.planned).toBeUndefined();
    expect(reasons(alone, 'budget.planned').join('')).toContain('是预算收入');
    const parts = await draftOf('示例-预算收入加总.txt');
    expect(parts.draft.budget?.planned).toBe(69.06);
  });

  it('one cell per line with lines of bars only between them ("||"): the money row is read', async () => {
    const r = await draftOf('示例-逐格竖线.txt');
    expect(r.draft.budget).toMatchObject({ planned: 40, spent: 38, executionRate: 95 });
  });

  it('one cell per line without blank lines, the label column headed by "年度预算申请 / (万元": the money row read in its own columns', async () => {
    // As Word, PDF and HTML give a form whose text form had a blank line for that header cell: the
    // line before the column names is the label column's header, so 年度资金总额 is not read as 年初预算数.
    const r = await draftOf('示例-逐格无空行.txt');
    expect(r.draft.budget).toMatchObject({ unit: '万元', initial: 500, planned: 800, spent: 760, executionRate: 95 });
  });

  it('one cell per line under a merged first column: the row width the 分值 and 得分 columns confirm', async () => {
    const r = await draftOf('示例-首列合并.txt');
    const leaves = leavesOf(r.draft.score!.indicators as Node[]);
    expect(leaves.map((l) => [l.name, l.max, l.score])).toEqual([
      ['补助耕地面积', 20, 20],
      ['复耕地块数', 20, 18],
      ['验收合格率', 20, 20],
      ['带动农户增收户数', 30, 30],
      // its score cell is blank: the weight is read, the score stays empty (never 0)
      ['农户满意度', 10, undefined],
    ]);
  });

  it("a 合计 row of zeros with its rate of 0: planned and spent from the one funded source, the rate kept as the row's own", async () => {
    const r = await draftOf('示例-合计行为零.txt');
    expect(r.draft.budget).toMatchObject({ planned: 58.5, spent: 58.5, executionRate: 0 });
    expect(reasons(r, 'budget.executionRate').join('')).toContain('所写的执行率是金额表合计行的');
  });

  it('a fused form inside a line of space-separated text: cut at its labels like a line of its own', async () => {
    const r = await draftOf('示例-空格段中粘连.txt');
    // 单位名称 whose colon stayed with the value; a 科 is a unit's name
    expect(r.draft.department.name).toBe('造林绿化科');
    expect(r.draft.project?.name).toBe('苗木补植');
    expect(r.draft.score?.total).toBe(95);
  });

  it('fused indicator rows: 分值 and 得分 where every reading agrees, words glued to the name flagged, "1010" ambiguous left empty', async () => {
    const r = await draftOf('示例-粘连指标行.txt');
    const leaves = leavesOf(r.draft.score!.indicators as Node[]);
    expect(leaves.map((l) => [l.name, l.max, l.score])).toEqual([
      ['预算编制准确率', 5, 5],
      // 目标值 and 完成值 are words that ran on into the name: the numbers after it split one way only
      ['资产管理资产安全无资产损失全部达成', 5, 5],
      // 任务1 and 任务2 ("1010": 1|0|1|0 in four columns, or 10|10 after glued words) are not drafted
      ['任务1:诊断符合率', 5, 4],
    ]);
    const why = reasons(r, 'score.indicators').join('\n');
    expect(why).toContain('指标“资产管理资产安全无资产损失全部达成”');
    expect(why).toContain('请把名称改为原文的指标名称');
    expect(why).toContain('指标“任务2:培训场次按计划完成全部完成”');
  });

  it('a fused row of a form with 得分系数: 指标得分 = 指标权重 × 系数 splits the digits, or the row stays empty', async () => {
    const r = await draftOf('示例-得分系数.txt');
    const leaves = leavesOf(r.draft.score!.indicators as Node[]);
    expect(leaves.map((l) => [l.name, l.max, l.score])).toEqual([
      // "场定量指标" swallowed by the name is given back: 场 follows the numbers of its targets
      ['演出场次', 10, 10],
      // 80% of 10 is 8: "108" is 10 | 8
      ['馆藏数字化率', 10, 8],
    ]);
    // "54" at 100%: neither 5 | 4 nor any other split gives 得分 = 权重 × 系数
    expect(reasons(r, 'score.indicators').join('\n')).toContain('指标“读者满意度”');
  });

  it("the form's title year, not the year in the project's name", async () => {
    const r = await draftOf('示例-项目名年度.txt');
    expect(r.draft.year).toBe(2022);
    expect(r.draft.project?.name).toBe('2021年小型水库除险加固项目');
  });

  it('a title whose year is set off by a space, after another title in the same paragraph', async () => {
    const r = await draftOf('示例-标题被空格断开.txt');
    expect(r.draft.year).toBe(2020);
    expect(r.draft.title).toBe('2020 年市级文化惠民资金项目自评表');
  });

  it("a form's title in a row of a table (forms run together) gives the year", async () => {
    const r = await draftOf('示例-表中标题.txt');
    expect(r.draft.year).toBe(2023);
  });

  it('page furniture goes to disclosure, out of the name; (2024年度) on its own line gives the year', async () => {
    const r = await draftOf('示例-页面文字.txt');
    expect(r.draft.department.name).toBe('虚构州数据中心');
    expect(r.draft.disclosure).toMatchObject({ publishedDate: '2025-04-29', publisher: '虚构州数据中心' });
    expect(r.draft.year).toBe(2024);
    expect(reasons(r, 'department.name').join('')).toContain('只取“虚构州数据中心”');
    expect(JSON.stringify(r.draft)).not.toContain('200字以内');
  });

  it('a name that is a label, a date or a placeholder is left empty with its reason', async () => {
    const r = await draftOf('示例-占位名称.txt');
    expect(r.draft.department.name).toBeUndefined();
    expect(reasons(r, 'department.name').join('')).toContain('含有占位符');
    expect(r.draft.project?.name).toBeUndefined();
    expect(reasons(r, 'project.name').join('')).toContain('含有表格栏目名');
  });

  it('no year from a filing date: the likely year is only suggested', async () => {
    const r = await draftOf('示例-占位名称.txt');
    expect(r.draft.year).toBeUndefined();
    expect(reasons(r, 'year').join('')).toContain('报告多半是 2024 年度的，但原文没有写明，未填入');
  });

  it('a score of 0 with no weight and no target beside it is not kept', async () => {
    const r = await draftOf('示例-粘连零分.txt');
    const json = JSON.stringify(r.draft.score ?? {});
    expect(json).not.toContain('"score":0');
    expect(r.review.some((i) => i.message.includes('指标“12月底之前完成”读到得分 0'))).toBe(true);
  });
  it('a 决算公开 whose 自评表 is its 附件二, one cell a line: the form\'s title, its unit cut to "(万元", 按支出性质分\'s parts kept by their own sum', async () => {
    const r = await draftOf('示例-决算公开附表.txt');
    expect(r.draft).toMatchObject({ kind: 'department', year: 2023, title: '2023年度部门整体支出绩效自评表', department: { name: '虚构镇人民政府' } });
    expect(r.draft.budget).toMatchObject({ unit: '万元', initial: 600, planned: 1300, spent: 1300, executionRate: 100 });
    // 基本支出 + 项目支出 = 按支出性质分 1250, not 全年执行数 1300: read right, the document disagrees with itself.
    expect(r.draft.budget).toMatchObject({ basic: 737.7, project: 512.3 });
    expect(reasons(r, 'budget.spent').join('')).toContain('等于原文“按支出性质分”所写的 1250');
    // "项目支出: | 410.50 | 220.00 | 512.30" in the 基础数据表 is a row of three years, not a label and its amount.
    expect(r.review.some((i) => i.message.includes('410.5'))).toBe(false);
  });

  it('empty template rows ("指标2:"), level names broken over two lines and no 一级 cell: each leaf under its 二级 name', async () => {
    const r = await draftOf('示例-空行占位.txt');
    const levels = (r.draft.score!.indicators as Node[]).map((n) => n.name);
    expect(levels).toEqual(['预算执行', '数量指标', '质量指标', '时效指标', '经济效益指标', '可持续影响指标', '满意度指标']);
    const leaves = leavesOf(r.draft.score!.indicators as Node[]);
    expect(leaves.map((n) => n.name)).not.toContain('指标2:');
    expect(leaves.find((n) => n.name === '灌溉成本降低')).toMatchObject({ max: 20, score: 20 });
    expect(leaves.find((n) => n.name === '灌渠长期发挥效益')).toMatchObject({ max: 10, score: 9 });
    expect(r.draft.score?.total).toBe(98);
  });
  it("a web page's narrative report: the 信息公开 block without colons, the site's controls and name out of the title, planned from the paragraph above the rate", async () => {
    const r = await draftOf('示例-网页叙述.txt');
    expect(r.draft).toMatchObject({ kind: 'project', year: 2022, title: '虚构县2022年度农村饮水安全维修养护项目绩效评价报告' });
    expect(r.draft.disclosure).toMatchObject({ indexNumber: '000000-0-/2023-0101001', publisher: '虚构县水务局', publishedDate: '2023-03-15' });
    // No department named in the text: the publisher, with its 待核对 line; the place before the year is not the project.
    expect(r.draft.department?.name).toBe('虚构县水务局');
    expect(r.draft.project?.name).toBe('农村饮水安全维修养护项目');
    // 108 ÷ 120 = 90%, the rate its sentence states: planned is the 下达 amount of the paragraph above.
    expect(r.draft.budget).toMatchObject({ planned: 120, spent: 108, executionRate: 90 });
  });
  it("the project a title names in brackets, after its title word or on the line under it; the grade in a blank's brackets", async () => {
    const under = await draftOf('示例-括号项目名.txt');
    expect(under.draft.project?.name).toBe('校园安全保障经费');
    expect(under.draft.score?.grade).toBe('良');
    const after = await draftOf('示例-标题括号项目.txt');
    expect(after.draft.project?.name).toBe('2022年困难群众临时救助资金');
    expect(after.draft.year).toBe(2022);
  });
});
