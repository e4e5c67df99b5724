/**
 * A page or document title that only repeats the heading below it is not handed over twice: the
 * importer read the second copy as a separate line (06_tanghu's HTML took `单位名称:塘湖镇政府 填报日期`
 * as its department, where the text form gives 塘湖镇人民政府). Made-up (示例) documents.
 */
import { describe, expect, it } from 'vitest';
import { htmlToLines } from '../../src/import/extract/html.ts';
import { docxToLines } from '../../src/import/extract/docx.ts';
import { buildDocx } from './build-fixtures.ts';

describe('titles', () => {
  it('HTML: a <title> the body repeats is dropped, another is kept', () => {
    const heading = '示例县财政局2022年度部门整体支出绩效自评报告';
    expect(htmlToLines(`<html><head><title>${heading}</title></head><body><p>${heading}</p><p>一、基本情况</p></body></html>`)).toEqual([
      heading,
      '一、基本情况',
    ]);
    expect(htmlToLines(`<html><head><title>示例县人民政府网</title></head><body><p>${heading}</p></body></html>`)).toEqual(['标题：示例县人民政府网', heading]);
  });

  it('.docx: a Title paragraph repeating the heading below it is dropped', async () => {
    const heading = '示例县财政局2022年度部门整体支出绩效自评报告';
    const lines = await docxToLines(buildDocx([{ p: heading, style: 'Title' }, { p: heading }, { p: '(2022年度)' }]), '示例.docx');
    expect(lines).toEqual([heading, '(2022年度)']);
  });
});
