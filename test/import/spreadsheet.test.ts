/**
 * A 自评表 published as a spreadsheet: .xlsx and .xls workbooks built at test time with SheetJS
 * (示例 = made up), with merged cells, 元 amounts and a full-width ｜ inside a cell; and a folder
 * of mixed files imported at once, with a progress line each and a closing table.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { importFile, importLines } from '../../src/import/index.ts';
import { htmlToLines } from '../../src/import/extract/html.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'jixiao-xlsx-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const FORM = [
  ['虚构县示例局2023年度示例道路养护项目支出绩效自评表'],
  ['项目名称', '示例道路养护经费', '', '主管部门', '虚构县交通局', '', '实施单位', '虚构县示例局'],
  ['项目资金(元)', '', '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
  ['', '年度资金总额', 1200000, 1185000, 1162000.5, 10, '98.06%', 9.8],
  ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'],
  ['产出指标', '数量指标', '养护里程', '≥50公里', '52公里', 20, 20, ''],
  ['', '质量指标', '验收合格率｜抽检', '100%', '98%', 20, 18, '个别路段返工'],
  ['效益指标', '社会效益指标', '群众出行便利度', '明显提升', '明显提升', 30, 30, ''],
  ['满意度指标', '服务对象满意度指标', '沿线群众满意度', '≥90%', '93%', 20, 20, ''],
  ['总分', '', '', '', '', 100, 97.8, '优'],
];

function workbook(type: 'xlsx' | 'biff8'): Buffer {
  const ws = XLSX.utils.aoa_to_sheet(FORM);
  ws['!merges'] = [
    { s: { r: 0, c: 0 }, e: { r: 0, c: 7 } },
    { s: { r: 5, c: 0 }, e: { r: 6, c: 0 } },
  ];
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, '自评表');
  return XLSX.write(wb, { type: 'buffer', bookType: type });
}

describe('spreadsheets', () => {
  for (const [ext, type] of [
    ['xlsx', 'xlsx'],
    ['xls', 'biff8'],
  ] as const) {
    it(`reads a 自评表 from .${ext}: identity, money in 元 as stated, indicators under merged cells, total and grade`, async () => {
      const file = join(dir, `示例-自评表.${ext}`);
      await writeFile(file, workbook(type));
      const d = (await importFile(file, `示例-自评表.${ext}`)).draft as any;
      expect(d).toMatchObject({ kind: 'project', year: 2023, department: { name: '虚构县示例局' }, project: { name: '示例道路养护经费' } });
      expect(d.budget).toMatchObject({ unit: '元', initial: 1200000, planned: 1185000, spent: 1162000.5, executionRate: 98.06 });
      expect(d.score).toMatchObject({ total: 97.8, grade: '优' });
      const [exec, output] = d.score.indicators;
      expect(exec).toEqual({ name: '预算执行', max: 10, score: 9.8 });
      expect(output.children.map((c: any) => c.children[0].name)).toEqual(['养护里程', '验收合格率｜抽检']);
      expect(output.children[1].children[0]).toMatchObject({ max: 20, score: 18, target: '100%', actual: '98%', note: '个别路段返工' });
    });
  }

  it('refuses a file that is not a workbook, naming it', async () => {
    const file = join(dir, '示例-坏.xlsx');
    await writeFile(file, 'not a workbook');
    await expect(importFile(file, '示例-坏.xlsx')).rejects.toThrow(/示例-坏\.xlsx：不是有效的 Excel 文件/);
  });
});

describe('cell borders', () => {
  it('keeps a | and a ｜ written inside an HTML cell as text, not as a border', () => {
    const lines = htmlToLines('<table><tr><td>指标 A|B</td><td>说明｜备注</td></tr></table>');
    expect(lines).toEqual(['| 指标 A\\|B | 说明｜备注 |']);
    const r = importLines(['| 三级指标 | 分值 | 得分 |', '| 达标率｜抽检 | 10 | 9 |', '| 指标 A\\|B | 5 | 5 |'], { source: 'x' });
    const names = (r.draft as any).score.indicators.map((i: any) => i.name);
    expect(names).toEqual(['达标率｜抽检', '指标 A|B']);
  });
});

describe('jixiao import FOLDER', () => {
  it('imports every readable file with a progress line, then a table of what each gave', async () => {
    const folder = join(dir, '示例-文件夹');
    await mkdir(join(folder, '子目录'), { recursive: true });
    await writeFile(join(folder, '示例-自评表.xlsx'), workbook('xlsx'));
    await writeFile(
      join(folder, '子目录', '示例-说明.txt'),
      '虚构镇人民政府2022年度部门整体支出绩效自评报告\n一、基本情况\n全年预算100.00万元，实际支出98.00万元，预算执行率98.0%。\n自评得分为95分。\n',
    );
    await writeFile(join(folder, '示例-坏.pdf'), 'not a pdf');
    await writeFile(join(folder, '备忘.doc.bak'), 'ignored');
    const out: string[] = [];
    const err: string[] = [];
    const code = await main(['import', '示例-文件夹', '--out', 'drafts'], { cwd: dir, out: (l) => out.push(l), err: (l) => err.push(l) });
    expect(code).toBe(1);
    expect(err.filter((l) => /^\[\d\/3\]/.test(l))).toEqual([
      '[1/3] 示例-文件夹/子目录/示例-说明.txt',
      '[2/3] 示例-文件夹/示例-坏.pdf',
      '[3/3] 示例-文件夹/示例-自评表.xlsx',
    ]);
    const table = out.slice(out.indexOf('导入 3 个文件，成功 2 个：'));
    expect(table[1]).toMatch(/^文件\s+类型\s+年度\s+部门\s+关键字段\s+待核对$/);
    expect(table.find((l) => l.includes('示例-说明.txt'))).toMatch(/部门整体\s+2022\s+虚构镇人民政府\s+7\/8\s+\d+/);
    expect(table.find((l) => l.includes('示例-坏.pdf'))).toMatch(/错误：不是有效的 PDF 文件。/);
    expect(table.find((l) => l.includes('示例-自评表.xlsx'))).toMatch(/项目\s+2023\s+虚构县示例局\s+8\/8\s+\d+/);
  });
});
