/**
 * Loads a content folder: every report file through read → parse → shape → audit, then the
 * checks that need all files at once (the same report twice, attachments that are missing).
 * Needs no Astro: `jixiao validate` and the site build share it.
 */
import { relative } from 'node:path';
import { isPublishedWarning } from '../errors/catalogue.ts';
import { finding, type Finding } from '../findings.ts';
import type { AttachmentRules } from '../schema/site.ts';
import { checkAttachments, DEFAULT_ATTACHMENT_RULES } from './attachment-check.ts';
import { analyseAll } from './analyse-parallel.ts';
import type { Analysis, LineOf } from './analyse.ts';
import { parseYaml } from './parse-yaml.ts';
import { MAX_REPORT_BYTES, readReportText } from './read-file.ts';
import { readBoundedSync } from './safe-read.ts';
import { findReportFiles } from './find-report-files.ts';
import type { Report } from '../schema/index.ts';
import { identityKey, plainId, reportIds } from './report-ids.ts';

export { findReportFiles };

export interface LoadedReport {
  /** Stable id: year-department[-project] (report-ids.ts), also the page path. */
  id: string;
  report: Report;
  /** Path as shown to staff (relative to the working directory). */
  file: string;
  /** Absolute path of the data file. */
  path: string;
  /** The content folder it was read from: the file and its attachments are read again only inside it. */
  root?: string | undefined;
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

/** The id of a report read on its own (its id among others: reportIds). */
export const reportId = plainId;

export interface LoadOptions {
  /** The content folder: files whose real path is outside it are refused. */
  root?: string | undefined;
  /** Attachment size cap and types (site.yaml `attachments`). */
  attachments?: AttachmentRules | undefined;
  /** Analyses remembered from the last run of validate or build (src/build/report-memo.ts). */
  memo?: AnalysisMemo | undefined;
}

export type { Analysis } from './analyse.ts';

/**
 * Remembers analyses between runs (src/build/report-memo.ts), keyed by the file's display path
 * and its exact text; the build wipes it whenever jixiao's code changes.
 */
export interface AnalysisMemo {
  get(file: string, text: string): Analysis | undefined;
  set(file: string, text: string, analysis: Analysis): void;
}

/** Lines for a remembered analysis: the file is parsed again only if a line is asked for. */
function lazyLineOf(path: string, file: string, root: string | undefined): LoadedReport['lineOf'] {
  let lineOf: LoadedReport['lineOf'] | undefined;
  return (at) => {
    if (!lineOf) {
      const read = readBoundedSync(path, { root, max: MAX_REPORT_BYTES });
      lineOf = (read.ok && parseYaml(read.bytes.toString('utf8'), file).parsed?.lineOf) || (() => undefined);
    }
    return lineOf(at);
  };
}

/** A loaded report without its line lookup, to hand to another process (src/build/shards.ts). */
export type PortableReport = Omit<LoadedReport, 'lineOf'>;

export function portable(r: LoadedReport): PortableReport {
  const { lineOf: _lineOf, ...rest } = r;
  return rest;
}

/** A report handed over from another process: lines are found by parsing the file again, if asked. */
export const revive = (r: PortableReport): LoadedReport => ({ ...r, lineOf: lazyLineOf(r.path, r.file, r.root) });

type Read = { file: string; text: string } | { file: string; finding: Finding };

async function readOne(path: string, cwd: string, root: string | undefined): Promise<Read> {
  const file = relative(cwd, path) || path;
  const read = await readReportText(path, file, root);
  return read.ok ? { file, text: read.text } : { file, finding: read.finding };
}

/** The remembered analysis of each text read, or a new one (the many on two cores: analyse-parallel.ts). */
async function analyses(reads: Read[], memo: AnalysisMemo | undefined): Promise<((Analysis & { lineOf?: LineOf }) | undefined)[]> {
  const out = reads.map((r) => ('text' in r ? memo?.get(r.file, r.text) : undefined));
  const todo = reads.flatMap((r, i) => ('text' in r && !out[i] ? [{ i, text: r.text, file: r.file }] : []));
  const fresh = await analyseAll(todo);
  todo.forEach(({ i, text, file }, k) => {
    const a = fresh[k]!;
    out[i] = a;
    memo?.set(file, text, { report: a.report, decimals: a.decimals, findings: a.findings });
  });
  return out;
}

/** A report from its analysis: the attachment checks, and which warnings readers see. */
async function finish(
  path: string,
  file: string,
  analysis: Analysis & { lineOf?: LineOf },
  opts: LoadOptions,
): Promise<{ loaded?: LoadedReport; findings: Finding[] }> {
  const { report, decimals } = analysis;
  if (!report) return { findings: analysis.findings };
  const lineOf = analysis.lineOf ?? lazyLineOf(path, file, opts.root);
  const audit = [...analysis.findings];
  audit.push(...(await checkAttachments({ report, path, file, root: opts.root, rules: opts.attachments ?? DEFAULT_ATTACHMENT_RULES, lineOf })));
  // The report page and the open data show warnings about the document; staff-only ones (drafts, unused acknowledgements) stay in validate's output.
  const warnings = audit.filter((f) => isPublishedWarning(f.code));
  return { loaded: { id: reportId(report), report, file, path, root: opts.root, decimals, lineOf, warnings }, findings: audit };
}

export async function loadFile(path: string, cwd = process.cwd(), opts: LoadOptions = {}): Promise<{ loaded?: LoadedReport; findings: Finding[] }> {
  const read = await readOne(path, cwd, opts.root);
  if ('finding' in read) return { findings: [read.finding] };
  const [analysis] = await analyses([read], opts.memo);
  return finish(path, read.file, analysis!, opts);
}

export async function loadContent(dir: string, cwd = process.cwd(), opts: Omit<LoadOptions, 'root'> = {}): Promise<LoadResult> {
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
  const reads: Read[] = [];
  for (const path of paths) reads.push(await readOne(path, cwd, dir));
  const analysed = await analyses(reads, opts.memo);
  for (const [k, path] of paths.entries()) {
    const read = reads[k]!;
    const r = 'finding' in read ? { findings: [read.finding] } : await finish(path, read.file, analysed[k]!, { ...opts, root: dir });
    findings.push(...r.findings);
    if (!r.loaded) continue;
    const first = byId.get(identityKey(r.loaded.report));
    if (first) {
      const { year, department, project } = r.loaded.report;
      findings.push(
        finding(
          'E_DUPLICATE_REPORT',
          { file: r.loaded.file, line: r.loaded.lineOf(['department', 'id']), field: 'department.id' },
          { first: first.file, year, department: department.id, project: project?.id },
        ),
      );
      continue;
    }
    byId.set(identityKey(r.loaded.report), r.loaded);
    reports.push(r.loaded);
  }
  const ids = reportIds(reports.map((r) => r.report));
  reports.forEach((r, i) => (r.id = ids[i]!));
  if (paths.length === 0) findings.push(finding('W_NO_REPORTS', { file: relative(cwd, dir) || '.' }));
  return { reports, findings, files: paths.length };
}
