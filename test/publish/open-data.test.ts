// The open data of a built site: CSV that Excel opens with correct Chinese and that reads back
// to the seed's exact figures, per-report JSON with warnings and their figures, attachments
// with size and SHA-256, a datapackage that matches the files, and valid feed and sitemap.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import * as XLSX from '@e965/xlsx';
import { beforeAll, describe, expect, it } from 'vitest';
import { ReportSchema } from '../../src/schema/index.ts';
import { INDICATOR_COLUMNS, REPORT_COLUMNS } from '../../src/publish/tables.ts';
import { buildSite, ROOT } from '../helpers/build-site.ts';
import { csvRecords, parseCsv } from '../helpers/csv.ts';
import { ATTACHMENT, publishFixture } from './fixture.ts';

const SITE = 'https://www.example.gov.cn/xxgk/jxzp/';
const SEED = '2022-haizhu-kgsxj';
const EXAMPLE = '2023-shili-xugou-weituo';

let dist: string;
const read = (p: string) => readFileSync(join(dist, p));
const text = (p: string) => read(p).toString('utf8');
const json = (p: string) => JSON.parse(text(p));
const xml = (p: string) =>
  new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => ['entry', 'url', 'link'].includes(name) }).parse(text(p));

beforeAll(() => {
  const fx = publishFixture();
  dist = buildSite({ contentDir: fx.content, extra: ['--config', fx.config] });
});

describe('reports.csv and indicators.csv', () => {
  it('are UTF-8 with a BOM and CRLF records, so Excel shows the Chinese', () => {
    for (const f of ['data/reports.csv', 'data/indicators.csv']) {
      const bytes = read(f);
      expect([...bytes.subarray(0, 3)], f).toEqual([0xef, 0xbb, 0xbf]);
      expect(() => parseCsv(bytes.toString('utf8').slice(1)), f).not.toThrow();
    }
  });

  it('give one row per report with the seed figures as written', () => {
    const rows = csvRecords(text('data/reports.csv').slice(1));
    expect(Object.keys(rows[0]!)).toEqual(REPORT_COLUMNS.map((c) => c.name));
    expect(rows.map((r) => r['报告标识'])).toEqual([EXAMPLE, SEED]);
    expect(rows[1]).toEqual({
      报告标识: SEED,
      年度: '2022',
      报告类型: '部门整体',
      部门标识: 'haizhu-kgsxj',
      部门名称: '广州市海珠区科技工业商务和信息化局',
      项目名称: '',
      报告标题: '2022年度广州市海珠区科技工业商务和信息化局部门整体支出绩效自评报告',
      发布日期: '',
      金额单位: '万元',
      全年预算: '28239.16',
      实际支出: '27788.84',
      '全年预算（万元）': '28239.16',
      '实际支出（万元）': '27788.84',
      '报告所写预算执行率（%）': '98.0',
      '计算预算执行率（%）': '98.41',
      基本支出: '2814.73',
      项目支出: '24974.11',
      自评得分: '93',
      满分: '100',
      评价等级: '优',
      核验提示数: '1',
      页面地址: `${SITE}reports/${SEED}/`,
      数据地址: `${SITE}data/reports/${SEED}.json`,
    });
    expect(rows[0]).toMatchObject({
      报告标题: '2023年度示例区虚构局“示例,项目”支出绩效自评表',
      项目名称: '委托业务项目（示例）',
      发布日期: '2024-03-15',
      全年预算: '100.00',
      '报告所写预算执行率（%）': '97.50',
      '计算预算执行率（%）': '97.50',
      自评得分: '88.5',
    });
  });

  it('give one row per indicator, quoting Chinese text with commas, quotes and line breaks', () => {
    const rows = csvRecords(text('data/indicators.csv').slice(1));
    expect(Object.keys(rows[0]!)).toEqual(INDICATOR_COLUMNS.map((c) => c.name));
    const seed = rows.filter((r) => r['报告标识'] === SEED);
    expect(seed.map((r) => [r['指标序号'], r['层级'], r['上级指标'], r['指标名称'], r['分值'], r['得分'], r['得分率（%）']])).toEqual([
      ['1', '1', '', '履职效能', '50', '44', '88'],
      ['1.1', '2', '履职效能', '整体效能', '25', '23', ''],
      ['1.2', '2', '履职效能', '专项效能', '25', '21', ''],
      ['2', '1', '', '管理效率', '50', '49', '98'],
      ['2.1', '2', '管理效率', '预算编制', '3', '3', ''],
      ['2.2', '2', '管理效率', '预算执行', '4', '4', ''],
      ['2.3', '2', '管理效率', '信息公开', '4', '4', ''],
      ['2.4', '2', '管理效率', '绩效管理', '15', '15', ''],
      ['2.5', '2', '管理效率', '采购管理', '10', '9.5', ''],
      ['2.6', '2', '管理效率', '资产管理', '10', '9.5', ''],
      ['2.7', '2', '管理效率', '运行成本', '4', '4', ''],
    ]);
    expect(seed[2]!['说明']).toMatch(/^扣分的主要原因是市提前下达的专项资金“商业网点规划建设专题（批发市场转型升级奖励）”400 万元/);
    const [, first, second] = rows.filter((r) => r['报告标识'] === EXAMPLE);
    expect(first!['说明']).toBe('第一行，有逗号, 和"引号"\n第二行');
    expect(rows.find((r) => r['报告标识'] === EXAMPLE)!['得分']).toBe('45.0');
    expect([first!['指标名称'], first!['年度指标值'], first!['实际完成值']]).toEqual(['\'=HYPERLINK("http://example.invalid","点击")', '≥95%', '-2.5']);
    expect([second!['指标名称'], second!['年度指标值'], second!['实际完成值'], second!['说明']]).toEqual(["'@SUM(A1:A2)", "'+86 20 1234", '-5%', "'-1+2"]);
  });

  it('hold no cell Excel would evaluate as a formula', () => {
    for (const f of ['data/reports.csv', 'data/indicators.csv'])
      for (const row of parseCsv(text(f).slice(1)))
        for (const cell of row) expect(/^[=+@\t\r]/.test(cell) || (/^-/.test(cell) && !/^-\d+(\.\d+)?%?$/.test(cell)), `${f}: ${cell}`).toBe(false);
  });
});

describe('report JSON', () => {
  it('holds the validated report, its id, page URL, warnings with figures and written precision', () => {
    const doc = json(`data/reports/${SEED}.json`);
    expect(doc).toMatchObject({ id: SEED, url: `${SITE}reports/${SEED}/`, data: `${SITE}data/reports/${SEED}.json`, attachments: [] });
    expect(ReportSchema.parse(doc.report)).toEqual(doc.report);
    expect(doc.report.budget).toMatchObject({ unit: '万元', planned: 28239.16, spent: 27788.84, executionRate: 98, basic: 2814.73, project: 24974.11 });
    expect(doc.decimals['budget.executionRate']).toBe(1);
    expect(doc.warnings).toEqual([
      {
        code: 'W_RATE_MISMATCH',
        field: 'budget.executionRate',
        message: expect.stringContaining('98.41%'),
        figures: { stated: 98, spent: 27788.84, planned: 28239.16, computed: 98.41 },
        acknowledged: expect.stringContaining('按原文保留'),
      },
    ]);
  });

  it('lists every report in reports.json', () => {
    expect(json('data/reports.json').reports.map((r: { id: string; data: string }) => [r.id, r.data])).toEqual([
      [EXAMPLE, `${SITE}data/reports/${EXAMPLE}.json`],
      [SEED, `${SITE}data/reports/${SEED}.json`],
    ]);
  });

  it('publishes the JSON Schema that is committed in schema/', () => {
    expect(text('data/report.schema.json')).toBe(readFileSync(join(ROOT, 'schema/report.schema.json'), 'utf8'));
  });
});

describe('attachments', () => {
  it('are copied byte for byte beside the report data, with size and SHA-256 in the JSON', () => {
    const [a] = json(`data/reports/${EXAMPLE}.json`).attachments;
    expect(a).toEqual({
      title: '盖章原件（扫描件）',
      file: '示例原件.pdf',
      url: `${SITE}data/reports/${EXAMPLE}/attachment-1.pdf`,
      size: ATTACHMENT.length,
      sha256: createHash('sha256').update(ATTACHMENT).digest('hex'),
    });
    expect(read(`data/reports/${EXAMPLE}/attachment-1.pdf`).equals(ATTACHMENT)).toBe(true);
  });
});

describe('datapackage.json', () => {
  it('describes every open-data file with its true size and SHA-256, and the CSV columns as written', () => {
    const pkg = json('data/datapackage.json');
    const paths = pkg.resources.map((r: { path: string }) => r.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'reports.csv',
        'indicators.csv',
        'reports.xlsx',
        'reports.json',
        'report.schema.json',
        `reports/${SEED}.json`,
        `reports/${EXAMPLE}.json`,
        `reports/${EXAMPLE}/attachment-1.pdf`,
      ]),
    );
    for (const r of pkg.resources) {
      const bytes = read(join('data', r.path));
      expect(r.bytes, r.path).toBe(bytes.length);
      expect(r.hash, r.path).toBe(`sha256:${createHash('sha256').update(bytes).digest('hex')}`);
      if (r.format === 'csv') expect(r.schema.fields.map((f: { name: string }) => f.name)).toEqual(parseCsv(bytes.toString('utf8').slice(1))[0]);
    }
    expect(new Set(pkg.resources.map((r: { name: string }) => r.name)).size).toBe(pkg.resources.length);
  });
});

describe('feed, sitemap and robots.txt', () => {
  it('feed.xml is well-formed Atom, newest first, dated from the data', () => {
    expect(XMLValidator.validate(text('feed.xml'))).toBe(true);
    const { feed } = xml('feed.xml');
    expect(feed['@xmlns']).toBe('http://www.w3.org/2005/Atom');
    expect(feed.id).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
    expect(feed.title).toBe('示例绩效公开');
    expect(feed.updated).toBe('2024-03-15T00:00:00+08:00');
    expect(feed.author.name).toBe('示例区财政局');
    expect(feed.link.find((l: Record<string, string>) => l['@rel'] === 'self')['@href']).toBe(`${SITE}feed.xml`);
    expect(feed.entry.map((e: { title: string }) => e.title)).toEqual([
      '2023年度示例区虚构局“示例,项目”支出绩效自评表',
      '2022年度广州市海珠区科技工业商务和信息化局部门整体支出绩效自评报告',
    ]);
    expect(feed.entry.map((e: { updated: string }) => e.updated)).toEqual(['2024-03-15T00:00:00+08:00', '2022-12-31T00:00:00+08:00']);
    for (const e of feed.entry) {
      expect(e.id).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(e.link.find((l: Record<string, string>) => l['@rel'] === 'alternate')['@href']).toMatch(new RegExp(`^${SITE}reports/`));
    }
  });

  it('sitemap.xml lists every page with its absolute URL', () => {
    expect(XMLValidator.validate(text('sitemap.xml'))).toBe(true);
    const { urlset } = xml('sitemap.xml');
    expect(urlset['@xmlns']).toBe('http://www.sitemaps.org/schemas/sitemap/0.9');
    const locs = urlset.url.map((u: { loc: string }) => u.loc);
    expect(locs).toEqual(expect.arrayContaining([SITE, `${SITE}data/`, `${SITE}reports/${SEED}/`, `${SITE}reports/${EXAMPLE}/`]));
    expect(urlset.url.find((u: { loc: string }) => u.loc === `${SITE}reports/${EXAMPLE}/`).lastmod).toBe('2024-03-15');
    expect(locs.every((l: string) => l.startsWith(SITE))).toBe(true);
  });

  it('robots.txt names the sitemap', () => {
    expect(text('robots.txt')).toBe(`User-agent: *\nAllow: /\n\nSitemap: ${SITE}sitemap.xml\n`);
  });

  it('without a site URL: no sitemap, no Sitemap line, and a feed with root-relative links', () => {
    const plain = buildSite();
    expect(existsSync(join(plain, 'sitemap.xml'))).toBe(false);
    expect(readFileSync(join(plain, 'robots.txt'), 'utf8')).toBe('User-agent: *\nAllow: /\n');
    const feed = readFileSync(join(plain, 'feed.xml'), 'utf8');
    expect(XMLValidator.validate(feed)).toBe(true);
    expect(feed).toContain(`href="/reports/${SEED}/"`);
    expect(existsSync(join(plain, 'content-assets.mjs'))).toBe(false);
  });
});

describe('reports.xlsx', () => {
  const book = () => XLSX.read(read('data/reports.xlsx'), { cellFormula: true, cellNF: true, cellText: true });

  it('opens with a sheet per table and one explaining the columns, headers in Chinese', () => {
    const wb = book();
    expect(wb.SheetNames).toEqual(['报告一览', '指标明细', '列说明']);
    const header = (name: string) => XLSX.utils.sheet_to_json<string[]>(wb.Sheets[name]!, { header: 1 })[0];
    expect(header('报告一览')).toEqual(REPORT_COLUMNS.map((c) => c.name));
    expect(header('指标明细')).toEqual(INDICATOR_COLUMNS.map((c) => c.name));
    expect(wb.Props?.CreatedDate?.toISOString()).toBe('2024-03-15T00:00:00.000Z');
  });

  it('holds the same table as the CSV, cell for cell, numbers shown with the decimals written', () => {
    const wb = book();
    for (const [sheet, file] of [
      ['报告一览', 'data/reports.csv'],
      ['指标明细', 'data/indicators.csv'],
    ] as const) {
      const csv = parseCsv(text(file).slice(1)).filter((r) => r.length > 1);
      const shown = XLSX.utils.sheet_to_json<string[]>(wb.Sheets[sheet]!, { header: 1, raw: false, defval: '' });
      // The CSV guards formula-like text with an apostrophe; a workbook stores text as text instead.
      expect(shown, sheet).toEqual(csv.map((row) => row.map((c) => c.replace(/^'(?=[=+\-@])/, ''))));
    }
  });

  it('stores numbers as numbers and text as text: no cell is a formula', () => {
    const ws = book().Sheets['报告一览']!;
    const planned = REPORT_COLUMNS.findIndex((c) => c.name === '全年预算');
    const rows = XLSX.utils.sheet_to_json<string[]>(ws, { header: 1 });
    const seedRow = rows.findIndex((r) => r[0] === SEED);
    const exampleRow = rows.findIndex((r) => r[0] === EXAMPLE);
    expect(ws[XLSX.utils.encode_cell({ r: seedRow, c: planned })]).toMatchObject({ t: 'n', v: 28239.16, w: '28239.16' });
    expect(ws[XLSX.utils.encode_cell({ r: exampleRow, c: planned })]).toMatchObject({ t: 'n', v: 100, w: '100.00' });
    const indicators = book().Sheets['指标明细']!;
    const cells = Object.entries(indicators)
      .filter(([k]) => !k.startsWith('!'))
      .map(([, c]) => c as XLSX.CellObject);
    expect(cells.filter((c) => c.f)).toEqual([]);
    expect(cells.find((c) => String(c.v).startsWith('=HYPERLINK'))).toMatchObject({ t: 's', v: '=HYPERLINK("http://example.invalid","点击")' });
    expect(cells.find((c) => c.v === '-5%')).toMatchObject({ t: 's' });
  });

  it('is linked from the open-data page', () => {
    expect(text('data/index.html')).toMatch(/href="[^"]*data\/reports\.xlsx"/);
  });
});
