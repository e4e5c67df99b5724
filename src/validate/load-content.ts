/**
 * Loads a content folder: every report file through read → parse → shape → audit, then the
 * checks that need all files at once (the same report twice, attachments that are missing).
 * Needs no Astro: `jixiao validate` and the site build share it.
 */
import { access, readdir } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { auditReport } from '../audit/index.ts';
import { isPublishedWarning } from '../errors/catalogue.ts';
import { finding, type Finding } from '../findings.ts';
import type { Report } from '../schema/index.ts';
import { parseYaml } from './parse-yaml.ts';
import { readReportText } from './read-file.ts';
import { shapeReport } from './shape.ts';

export interface LoadedReport {
  /** Stable id: year-department[-project], also the page path. */
  id: string;
  report: Report;
  /** Path as shown to staff (relative to the working directory). */
  file: string;
  /** Absolute path of the data file. */
  path: string;
  /** Decimal places as written, by dotted field path. */
  decimals: Map<string, number>;
  /** 1-based line of a field in the data file. */
  lineOf(path: readonly PropertyKey[]): number | undefined;
  /** Warnings about the document that readers see and the open data lists (acknowledged ones marked). */
  warnings: Finding[];
}

export interface LoadResult {
  reports: LoadedReport[];
  findings: Finding[];
  files: number;
}

const REPORT_FILE = /\.ya?ml$/i;

export const reportId = (r: Report) => [r.year, r.department.id, r.kind === 'project' ? r.project?.id : undefined].filter(Boolean).join('-');

export async function findReportFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  for (const e of entries) {
    const full = join(e.parentPath, e.name);
    const rel = relative(dir, full);
    if (rel.split(sep).some((part) => part.startsWith('.') || part.startsWith('_'))) continue;
    // A linked report file is read through its link; a broken link is reported (E_READ), not skipped.
    if ((e.isFile() || e.isSymbolicLink()) && REPORT_FILE.test(e.name)) out.push(full);
  }
  return out.sort();
}

export async function loadFile(path: string, cwd = process.cwd()): Promise<{ loaded?: LoadedReport; findings: Finding[] }> {
  const file = relative(cwd, path) || path;
  const read = await readReportText(path, file);
  if (!read.ok) return { findings: [read.finding] };
  const { parsed, findings } = parseYaml(read.text, file);
  if (!parsed) return { findings };
  const shaped = shapeReport(parsed, file);
  if (!shaped.report) return { findings: shaped.findings };
  const report = shaped.report;
  const audit = auditReport({ report, file, lineOf: parsed.lineOf, decimals: parsed.decimals });
  for (const [i, a] of (report.attachments ?? []).entries()) {
    try {
      await access(join(dirname(path), a.file));
    } catch {
      audit.push(finding('E_ATTACHMENT_MISSING', { file, line: parsed.lineOf(['attachments', i, 'file']), field: `attachments[${i}].file` }, { file: a.file }));
    }
  }
  const warnings = audit.filter((f) => isPublishedWarning(f.code));
  return { loaded: { id: reportId(report), report, file, path, decimals: parsed.decimals, lineOf: parsed.lineOf, warnings }, findings: audit };
}

export async function loadContent(dir: string, cwd = process.cwd()): Promise<LoadResult> {
  let paths: string[];
  try {
    paths = await findReportFiles(dir);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'missing' : code === 'ENOTDIR' ? 'file' : String(code);
    return { reports: [], files: 0, findings: [finding('E_CONTENT_DIR', { file: relative(cwd, dir) || '.' }, { reason })] };
  }
  const findings: Finding[] = [];
  const reports: LoadedReport[] = [];
  const byId = new Map<string, LoadedReport>();
  for (const path of paths) {
    const r = await loadFile(path, cwd);
    findings.push(...r.findings);
    if (!r.loaded) continue;
    const first = byId.get(r.loaded.id);
    if (first) {
      const { year, department, project } = r.loaded.report;
      findings.push(finding('E_DUPLICATE_REPORT', { file: r.loaded.file, line: r.loaded.lineOf(['department', 'id']), field: 'department.id' },
        { first: first.file, year, department: department.id, project: project?.id }));
      continue;
    }
    byId.set(r.loaded.id, r.loaded);
    reports.push(r.loaded);
  }
  if (paths.length === 0)
    findings.push(finding('W_NO_REPORTS', { file: relative(cwd, dir) || '.' }));
  return { reports, findings, files: paths.length };
}
