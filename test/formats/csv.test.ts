// CSV cells: RFC 4180 quoting, and no cell that Excel would run as a formula — while plain
// negative numbers stay numbers.
import { describe, expect, it } from 'vitest';
import { csvCell, formulaSafe, toCsv } from '../../src/formats/csv.ts';
import { parseCsv } from '../helpers/csv.ts';

describe('formula safety', () => {
  it.each([
    ['=SUM(A1:A9)', "'=SUM(A1:A9)"],
    ['=HYPERLINK("http://example.invalid","点击")', '\'=HYPERLINK("http://example.invalid","点击")'],
    ['+86 20 1234', "'+86 20 1234"],
    ['-1+2', "'-1+2"],
    ['-A1', "'-A1"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tcmd', "'\tcmd"],
    ['\rcmd', "'\rcmd"],
    ['+5', "'+5"],
  ])('neutralises %j', (input, output) => expect(formulaSafe(input)).toBe(output));

  it.each(['-2.5', '-0.03', '-10', '-5%', '98.0', '≥95%', '采购管理', '（一）说明', '－2.5'])('leaves %j as it is', (text) =>
    expect(formulaSafe(text)).toBe(text),
  );
});

describe('quoting', () => {
  it('quotes commas, quotes, line breaks and edge spaces, and nothing else', () => {
    expect(csvCell('第一行，有逗号, 和"引号"')).toBe('"第一行，有逗号, 和""引号"""');
    expect(csvCell('两行\n文字')).toBe('"两行\n文字"');
    expect(csvCell(' 前有空格')).toBe('" 前有空格"');
    expect(csvCell('广州市海珠区科技工业商务和信息化局')).toBe('广州市海珠区科技工业商务和信息化局');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(-2.5)).toBe('-2.5');
  });

  it('writes a BOM, CRLF after every record, and reads back to the same cells', () => {
    const rows = [
      ['a,b', '"x"', '第一行\r\n第二行'],
      ['=1+1', '-2.5', ''],
    ];
    const text = toCsv(['甲', '乙', '丙'], rows);
    expect(text.startsWith('\uFEFF甲,乙,丙\r\n')).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(parseCsv(text.slice(1))).toEqual([
      ['甲', '乙', '丙'],
      ['a,b', '"x"', '第一行\r\n第二行'],
      ["'=1+1", '-2.5', ''],
    ]);
  });
});
