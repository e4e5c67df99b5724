// The workbook writer: what it writes reads back as written, in SheetJS (the tests' reader;
// openpyxl and Excel read the same parts), including text XML cannot hold as it is.
import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { columnName, writeXlsx, xmlText } from '../../src/publish/xlsx.ts';

const date = new Date('2024-03-15T00:00:00Z');

describe('writeXlsx', () => {
  it('names columns as spreadsheets do', () => {
    expect([0, 25, 26, 51, 52, 701, 702].map(columnName)).toEqual(['A', 'Z', 'AA', 'AZ', 'BA', 'ZZ', 'AAA']);
  });

  it('escapes markup, control characters and literal _xHHHH_ sequences', () => {
    expect(xmlText('a<b>&"c"')).toBe('a&lt;b&gt;&amp;&quot;c&quot;');
    expect(xmlText('tab\there\u0001\r')).toBe('tab\there_x0001__x000D_');
    expect(xmlText('_x0041_')).toBe('_x005F_x0041_');
  });

  it('reads back text, numbers with their format, blanks, widths and the document date', async () => {
    const texts = ['  前后空格  ', '第一行\n第二行', '控制\u0001字符', '_x0041_ 原样', '=SUM(A1:A2)', '<b>&amp;</b>'];
    const bytes = await writeXlsx(
      [
        {
          name: '表一',
          widths: [12, 20],
          rows: [[{ text: '名称' }, { text: '金额' }], ...texts.map((t, i) => [{ text: t }, i % 2 ? undefined : { number: 100 + i, format: '0.00' }])],
        },
        { name: '空表', widths: [], rows: [] },
      ],
      { title: '示例 <工作簿>', subject: '测试', date },
    );
    const wb = XLSX.read(bytes, { cellNF: true, cellFormula: true, cellStyles: true });
    expect(wb.SheetNames).toEqual(['表一', '空表']);
    expect(wb.Props).toMatchObject({ Title: '示例 <工作簿>', Subject: '测试' });
    expect(wb.Props?.CreatedDate?.toISOString()).toBe(date.toISOString());
    const ws = wb.Sheets['表一']!;
    const rows = XLSX.utils.sheet_to_json<unknown[]>(ws, { header: 1, defval: null });
    expect(rows.slice(1).map((r) => r[0])).toEqual(texts);
    expect(ws['B2']).toMatchObject({ t: 'n', v: 100, z: '0.00' });
    expect(ws['B3']).toBeUndefined();
    expect(Object.values(ws).filter((c) => typeof c === 'object' && c && 'f' in c)).toEqual([]);
    expect(ws['!cols']?.map((c) => c.width)).toEqual([12, 20]);
  });

  it('is the same bytes for the same sheets', async () => {
    const make = () => writeXlsx([{ name: 'a', widths: [8], rows: [[{ text: 'x' }, { number: 1.5, format: '0.0' }]] }], { title: 't', subject: 's', date });
    expect(Buffer.from(await make()).equals(Buffer.from(await make()))).toBe(true);
  });
});
