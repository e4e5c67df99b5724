/**
 * .docx and .pdf inputs built at test time (build-fixtures.ts), the limits on input files, and
 * the targeted rules each form must keep: blank score cells stay empty, weight totals are not
 * scores, units come from captions, prose numbers that are not money stay out.
 */
import { mkdtemp, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { strToU8, zipSync } from 'fflate';
import { checkZip } from '../../src/import/extract/zip-guard.ts';
import { sentence } from '../../src/errors/user-error.ts';
import { ImportError, importFile, importLines } from '../../src/import/index.ts';
import { buildDocx, buildPdf } from './build-fixtures.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'jixiao-import-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));
const put = async (name: string, data: Buffer | string) => {
  const p = join(dir, name);
  await writeFile(p, data);
  return p;
};

const NATIONAL_ROWS = [
  ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'],
  [{ text: '产出指标（50分）', vMerge: 'restart' as const }, '数量指标', '发放助学金人数', '≥800人', '812人', '30', '30', ''],
  [{ text: '', vMerge: 'continue' as const }, '时效指标', '资金发放及时率', '100%', '95%', '20', '18', '第二批资金延迟发放'],
  [{ text: '效益指标（30分）', vMerge: 'restart' as const }, '社会效益指标', '家庭经济困难学生资助覆盖率', '100%', '100%', '30', '30', ''],
  ['满意度指标（10分）', '服务对象满意度指标', '受助学生满意度', '≥90%', '97%', '10', '', ''],
  [{ text: '合计', span: 5 }, '100', '', ''],
];

describe('.docx (built by the test)', () => {
  it('reads headings, paragraphs and a table with merged cells', async () => {
    const file = await put(
      '示例-助学金.docx',
      buildDocx([
        { p: '虚构区教育局2022年度家庭经济困难学生助学金项目支出绩效自评报告', style: 'Title' },
        { p: '项目资金情况（单位：万元）' },
        {
          table: [
            ['项目资金', '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
            ['年度资金总额', '96', '96', '91.2', '10', '95%', '9.5'],
          ],
        },
        { p: '一、项目绩效目标完成情况' },
        { table: NATIONAL_ROWS },
        { p: '二、自评结论' },
        { p: '本项目自评得分87.5分，评价等级为良。' },
      ]),
    );
    const r = await importFile(file, '示例-助学金.docx');
    const d = r.draft as any;
    expect(d).toMatchObject({ kind: 'project', year: 2022, department: { name: '虚构区教育局' }, project: { name: '家庭经济困难学生助学金项目' } });
    expect(d.budget).toEqual({ unit: '万元', initial: 96, planned: 96, spent: 91.2, executionRate: 95 });
    expect(d.score.total).toBe(87.5);
    expect(d.score.grade).toBe('良');
    const [exec, output, benefit, satisfaction] = d.score.indicators;
    expect(exec).toEqual({ name: '预算执行', max: 10, score: 9.5 });
    expect(output).toMatchObject({ name: '产出指标', max: 50 });
    expect(output.children.map((c: any) => c.name)).toEqual(['数量指标', '时效指标']);
    expect(output.children[1].children[0]).toEqual({ name: '资金发放及时率', max: 20, score: 18, target: '100%', actual: '95%', note: '第二批资金延迟发放' });
    expect(benefit).toMatchObject({ name: '效益指标', max: 30 });
    // A blank score cell stays empty; the 合计 row only totals the weights.
    expect(satisfaction.children[0].children[0]).toEqual({ name: '受助学生满意度', max: 10, target: '≥90%', actual: '97%' });
    expect(d.narrative.conclusion).toBe('本项目自评得分87.5分，评价等级为良。');
  });

  it('refuses a zip bomb, too many entries and a file that is not a zip', async () => {
    const bomb = buildDocx([{ p: '虚构' }], { 'word/media/big.bin': new Uint8Array(4 * 1024 * 1024) });
    expect(checkZip(bomb, { entries: 100, inflated: 1024 * 1024 })).toMatchObject({ ok: false });
    const many = Buffer.from(zipSync(Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`f${i}.xml`, strToU8('x')]))));
    const refused = checkZip(many, { entries: 20, inflated: 1e9 });
    expect(refused.ok).toBe(false);
    expect(!refused.ok && sentence(refused.reason)).toBe('.docx 内含 50 个文件，超过上限 20。');
    // Lies about its size in the directory: the real inflated size is what counts.
    const liar = Buffer.from(bomb);
    const cd = liar.lastIndexOf(Buffer.from('word/media/big.bin')) - 46;
    liar.writeUInt32LE(10, cd + 24);
    expect(checkZip(liar, { entries: 100, inflated: 1024 * 1024 })).toMatchObject({ ok: false });
    const fake = await put('坏.docx', 'not a zip at all');
    await expect(importFile(fake)).rejects.toThrow(/不是有效的 \.docx/);
  });
});

describe('.pdf (built by the test)', () => {
  it('reads letter-spaced text, label–value rows and keeps the unit', async () => {
    const file = await put(
      '示例-审计局.pdf',
      buildPdf([
        [
          { text: '虚构区审计局2022年度部门整体支出绩效自评报告', x: 60, y: 780, size: 16 },
          { text: '一、部门整体收支情况', x: 60, y: 740 },
          { text: '全年预算1,230.50万元，实际支出1,180.20万元，预算执行率95.91%。', x: 40, y: 720, size: 10, spacing: 1.5 },
          { text: '二、自评结论', x: 60, y: 690 },
          { text: '自评得分', x: 60, y: 670 },
          { text: '92', x: 300, y: 670 },
          { text: '评价等级', x: 60, y: 650 },
          { text: '优', x: 300, y: 650 },
          { text: '- 1 -', x: 290, y: 40 },
        ],
        [
          { text: '三、存在的问题', x: 60, y: 780 },
          { text: '审计整改跟踪不够及时。', x: 60, y: 760 },
        ],
      ]),
    );
    const r = await importFile(file, '示例-审计局.pdf');
    const d = r.draft as any;
    expect(d).toMatchObject({ kind: 'department', year: 2022, department: { name: '虚构区审计局' } });
    expect(d.budget).toEqual({ unit: '万元', planned: 1230.5, spent: 1180.2, executionRate: 95.91 });
    expect(r.yaml).toContain('planned: 1230.50');
    expect(d.score).toMatchObject({ total: 92, grade: '优' });
    expect(d.narrative.finance).toBe('全年预算1,230.50万元，实际支出1,180.20万元，预算执行率95.91%。');
    expect(d.narrative.problems).toBe('审计整改跟踪不够及时。');
  });

  it('names the file when a PDF is broken', async () => {
    const file = await put('坏.pdf', '%PDF-1.7\n garbage');
    await expect(importFile(file, '坏.pdf')).rejects.toThrow(/坏\.pdf：PDF 无法解析/);
  });
});

describe('what is not money, and what is not a score', () => {
  it('leaves dates, areas, codes and counts out, and keeps 元 as stated', () => {
    const r = importLines(
      [
        '虚构区档案馆2022年度部门整体支出绩效自评报告',
        '一、基本情况',
        '档案馆于2022年3月1日启用新库房，面积 3,200 ㎡，项目编码 440105220000001234，接收档案 12,500 卷。',
        '二、收支情况',
        '金额单位：元',
        '| 全年预算数 | 4,560,000.00 | 实际支出数 | 4,498,200.00 |',
      ],
      { source: 'x.txt' },
    );
    const d = r.draft as any;
    expect(d.budget).toEqual({ unit: '元', planned: 4560000, spent: 4498200 });
  });

  it('keeps a disagreeing figure as stated and lists the other', () => {
    const r = importLines(['虚构局2022年度部门整体支出绩效自评报告', '全年预算 500 万元，实际支出 480 万元。', '后文又写全年预算 520 万元。'], {
      source: 'x.txt',
    });
    expect((r.draft as any).budget.planned).toBe(500);
    expect(r.review.find((i) => i.field === 'budget.planned')?.message).toMatch(/520/);
  });

  it('drops CMS furniture and unfilled instructions', () => {
    const r = importLines(
      [
        '首页 > 信息公开 > 正文',
        '浏览次数：88',
        '虚构局2022年度部门整体支出绩效自评报告',
        '一、部门概况',
        '（请在此填写部门职责）',
        '负责虚构事务。',
        '【打印本页】 【关闭窗口】',
      ],
      { source: 'x.txt' },
    );
    expect((r.draft as any).narrative).toEqual({ functions: '负责虚构事务。' });
    expect(r.review.some((i) => /模板填写说明/.test(i.message))).toBe(true);
  });
});

describe('unreadable input', () => {
  it('refuses unsupported types, missing files, binary text and files over the cap', async () => {
    await expect(importFile(await put('a.doc', 'x'))).rejects.toThrow(/不支持的文件类型 \.doc/);
    await expect(importFile(join(dir, 'missing.txt'))).rejects.toThrow(/文件不存在/);
    await expect(importFile(await put('bin.txt', Buffer.from([1, 0, 2, 0])))).rejects.toThrow(/不是文本文件/);
    const big = await put('big.txt', '');
    await truncate(big, 21 * 1024 * 1024);
    await expect(importFile(big)).rejects.toThrow(/超过导入上限/);
    await expect(importFile(await put('empty.txt', ''))).rejects.toBeInstanceOf(ImportError);
  });

  it('reads a GBK web page', async () => {
    const html = '<html><head><meta charset="gbk"></head><body><p>虚构局2022年度部门整体支出绩效自评报告</p></body></html>';
    const bytes = Buffer.from(encodeGbk(html));
    const r = await importFile(await put('gbk.html', bytes));
    expect((r.draft as any).title).toBe('虚构局2022年度部门整体支出绩效自评报告');
  });
});

/** GBK bytes for the few characters used above (the test must not need an encoder library). */
function encodeGbk(s: string): number[] {
  const dec = new TextDecoder('gbk');
  const table = new Map<string, number[]>();
  for (let hi = 0x81; hi <= 0xfe; hi++)
    for (let lo = 0x40; lo <= 0xfe; lo++) {
      const ch = dec.decode(new Uint8Array([hi, lo]));
      if (ch.length === 1 && !table.has(ch)) table.set(ch, [hi, lo]);
    }
  return [...s].flatMap((c) => (c.charCodeAt(0) < 128 ? [c.charCodeAt(0)] : (table.get(c) ?? [0x3f])));
}
