// reports.xlsx without a site build: the workbook of the publishing fixture, opened and read back,
// holds the CSV tables cell for cell, and is the same bytes whenever it is written.
import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { INDICATOR_COLUMNS, REPORT_COLUMNS, indicatorsCsv, reportsCsv } from '../../src/publish/tables.ts';
import { reportsWorkbook } from '../../src/publish/workbook.ts';
import { loadContent } from '../../src/validate/index.ts';
import { provideTestContext } from '../helpers/build-context.ts';
import { parseCsv } from '../helpers/csv.ts';
import { publishFixture } from './fixture.ts';

async function fixture() {
  const fx = publishFixture();
  const { reports } = await loadContent(fx.content, fx.dir);
  // The tables link each report's page: the context a build provides.
  provideTestContext(reports);
  return reports;
}

describe('reportsWorkbook', () => {
  it('reads back as the two CSV tables, cell for cell, with a sheet of column notes', async () => {
    const reports = await fixture();
    const wb = XLSX.read(await reportsWorkbook(reports, { title: '示例' }), { cellFormula: true, cellNF: true, cellText: true });
    expect(wb.SheetNames).toEqual(['报告一览', '指标明细', '列说明']);
    for (const [sheet, csv] of [
      ['报告一览', reportsCsv(reports)],
      ['指标明细', indicatorsCsv(reports)],
    ] as const) {
      const rows = parseCsv(csv.slice(1))
        .filter((r) => r.length > 1)
        .map((r) => r.map((c) => c.replace(/^'(?=[=+\-@])/, '')));
      expect(XLSX.utils.sheet_to_json<string[]>(wb.Sheets[sheet]!, { header: 1, raw: false, defval: '' }), sheet).toEqual(rows);
    }
    const notes = XLSX.utils.sheet_to_json<string[]>(wb.Sheets['列说明']!, { header: 1 });
    expect(notes.length).toBe(1 + REPORT_COLUMNS.length + INDICATOR_COLUMNS.length);
    expect(notes[0]).toEqual(['工作表', '列名', '类型', '说明']);
  });

  it('stores numbers as numbers with the written decimals, and formula-like text as text', async () => {
    const wb = XLSX.read(await reportsWorkbook(await fixture(), { title: '示例' }), { cellFormula: true, cellNF: true });
    const cells = Object.values(wb.Sheets['指标明细']!).filter((c): c is XLSX.CellObject => typeof c === 'object' && c !== null && 't' in c);
    expect(cells.filter((c) => c.f)).toEqual([]);
    expect(cells.find((c) => String(c.v).startsWith('@SUM'))).toMatchObject({ t: 's', v: '@SUM(A1:A2)' });
    expect(cells.find((c) => c.v === 45 && c.t === 'n')).toMatchObject({ z: '0.0' });
  });

  it('is the same bytes when written again later, dated from the content', async () => {
    const reports = await fixture();
    const a = await reportsWorkbook(reports, { title: '示例' });
    await new Promise((ok) => setTimeout(ok, 1100));
    const b = await reportsWorkbook([...reports], { title: '示例' }); // a new array: made again, not remembered
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    expect(XLSX.read(a).Props?.ModifiedDate?.toISOString()).toBe('2024-03-15T00:00:00.000Z');
  });
});
