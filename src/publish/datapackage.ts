/**
 * datapackage.json (Frictionless Data Package v1) describing every open-data file: the two
 * CSV tables with their field types and keys, the JSON index, the JSON Schema, each report's
 * JSON and each attachment — with byte counts and SHA-256 so a copy can be checked.
 */
import { createHash } from 'node:crypto';
import type { SiteSettings } from '../schema/index.ts';
import type { LoadedReport } from '../validate/index.ts';
import { publishedAttachments } from './attachments.ts';
import { reportJsonSchemaText } from './json-schema.ts';
import { indexEntry, jsonText, reportDocument } from './report-json.ts';
import { INDICATOR_COLUMNS, REPORT_COLUMNS, indicatorsCsv, reportsCsv, type Column } from './tables.ts';
import { siteUrl } from './urls.ts';
import { reportsWorkbook, XLSX_MEDIATYPE } from './workbook.ts';

export const reportsIndexText = (reports: LoadedReport[], settings: SiteSettings) =>
  jsonText({ name: settings.name, publisher: settings.publisher, reports: reports.map(indexEntry) });

export const reportDocumentText = async (r: LoadedReport) => jsonText(await reportDocument(r));

const integrity = (body: string | Uint8Array) => ({ bytes: Buffer.byteLength(body), hash: `sha256:${createHash('sha256').update(body).digest('hex')}` });

const CSV_DIALECT = { delimiter: ',', lineTerminator: '\r\n', quoteChar: '"', doubleQuote: true, header: true };

const fields = <Row>(columns: Column<Row>[]) =>
  columns.map((c) => ({ name: c.name, type: c.type, description: c.description, ...(c.type === 'date' ? { format: 'default' } : {}) }));

export async function datapackage(reports: LoadedReport[], settings: SiteSettings): Promise<Record<string, unknown>> {
  const csv = (name: string, path: string, title: string, body: string, schema: Record<string, unknown>) => ({
    name,
    path,
    title,
    profile: 'tabular-data-resource',
    format: 'csv',
    mediatype: 'text/csv',
    encoding: 'utf-8',
    dialect: CSV_DIALECT,
    schema,
    ...integrity(body),
  });
  const json = (name: string, path: string, title: string, body: string) => ({
    name,
    path,
    title,
    format: 'json',
    mediatype: 'application/json',
    encoding: 'utf-8',
    ...integrity(body),
  });
  const perReport = [];
  for (const r of reports) {
    perReport.push(json(`report-${r.id}`, `reports/${r.id}.json`, r.report.title, await reportDocumentText(r)));
    for (const a of await publishedAttachments(r))
      perReport.push({
        name: `report-${r.id}-${a.name.toLowerCase().replace(/[^a-z0-9._-]/g, '-')}`,
        path: `reports/${r.id}/${a.name}`,
        title: `${r.report.title}：${a.title}`,
        bytes: a.size,
        hash: `sha256:${a.sha256}`,
      });
  }
  const home = siteUrl();
  return {
    profile: 'data-package',
    name: 'jixiao-reports',
    title: `${settings.name}：开放数据`,
    description: '部门整体支出和项目支出绩效自评报告的数据，数字按报告原文录入；报告所写与计算不一致之处列为核验提示，不作更正。',
    ...(home ? { homepage: home } : {}),
    ...(settings.publisher ? { contributors: [{ title: settings.publisher, role: 'publisher' }] } : {}),
    resources: [
      csv('reports', 'reports.csv', '报告一览（每份报告一行）', reportsCsv(reports), {
        fields: fields(REPORT_COLUMNS),
        primaryKey: '报告标识',
        missingValues: [''],
      }),
      csv('indicators', 'indicators.csv', '指标明细（每个指标一行）', indicatorsCsv(reports), {
        fields: fields(INDICATOR_COLUMNS),
        primaryKey: ['报告标识', '指标序号'],
        missingValues: [''],
        foreignKeys: [{ fields: '报告标识', reference: { resource: 'reports', fields: '报告标识' } }],
      }),
      {
        name: 'reports-workbook',
        path: 'reports.xlsx',
        title: '报告一览和指标明细（Excel 工作簿：报告一览、指标明细、列说明三张工作表）',
        format: 'xlsx',
        mediatype: XLSX_MEDIATYPE,
        ...integrity(await reportsWorkbook(reports, { title: `${settings.name}：开放数据` })),
      },
      json('reports-index', 'reports.json', '报告索引（JSON）', reportsIndexText(reports, settings)),
      json('report-schema', 'report.schema.json', '报告数据文件的 JSON Schema', reportJsonSchemaText()),
      ...perReport,
    ],
  };
}

export const datapackageText = async (reports: LoadedReport[], settings: SiteSettings) => jsonText(await datapackage(reports, settings));
