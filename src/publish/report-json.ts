/**
 * The open-data JSON of one report (data/reports/{id}.json) and the index of all reports
 * (data/reports.json). `report` is the validated report exactly as report.schema.json
 * describes it; the rest is what the site adds: id, page URL, audit warnings with their
 * figures, the precision each number was written with, and the published attachments.
 */
import type { Report } from '../schema/index.ts';
import type { LoadedReport } from '../validate/index.ts';
import { publishedAttachments } from './attachments.ts';
import { publicUrl } from './urls.ts';

export interface ReportWarning {
  code: string;
  field?: string | undefined;
  message: string;
  figures?: Record<string, number | string> | undefined;
  /** The report's stated reason, when it acknowledges the warning. */
  acknowledged?: string | undefined;
}

export interface ReportDocument {
  id: string;
  /** The report's page. */
  url: string;
  /** This file. */
  data: string;
  report: Report;
  /** Decimal places as written in the report file, by field path: {"budget.executionRate": 1}. */
  decimals: Record<string, number>;
  warnings: ReportWarning[];
  attachments: { title: string; file: string; url: string; size: number; sha256: string }[];
}

export const reportDataPath = (id: string) => `data/reports/${id}.json`;

export async function reportDocument(r: LoadedReport): Promise<ReportDocument> {
  const files = await publishedAttachments(r);
  return {
    id: r.id,
    url: publicUrl(`reports/${r.id}/`),
    data: publicUrl(reportDataPath(r.id)),
    report: r.report,
    decimals: Object.fromEntries([...r.decimals].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
    warnings: r.warnings.map((w) => ({ code: w.code, field: w.field, message: w.message, figures: w.figures, acknowledged: w.acknowledged })),
    attachments: files.map((f) => ({ title: f.title, file: f.original, url: publicUrl(`data/reports/${r.id}/${f.name}`), size: f.size, sha256: f.sha256 })),
  };
}

export interface ReportIndexEntry {
  id: string;
  year: number;
  kind: Report['kind'];
  title: string;
  department: { id: string; name: string };
  project?: { id: string; name: string } | undefined;
  publishedDate?: string | undefined;
  total?: number | undefined;
  grade?: string | undefined;
  warnings: number;
  url: string;
  data: string;
}

export function indexEntry(r: LoadedReport): ReportIndexEntry {
  const rep = r.report;
  return {
    id: r.id,
    year: rep.year,
    kind: rep.kind,
    title: rep.title,
    department: { id: rep.department.id, name: rep.department.name },
    project: rep.project && { id: rep.project.id, name: rep.project.name },
    publishedDate: rep.disclosure?.publishedDate,
    total: rep.score?.total,
    grade: rep.score?.grade,
    warnings: r.warnings.length,
    url: publicUrl(`reports/${r.id}/`),
    data: publicUrl(reportDataPath(r.id)),
  };
}

/** Stable JSON text: two-space indent and a final newline. */
export const jsonText = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
