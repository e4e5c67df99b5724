/**
 * What the 核对 page shows of one data file, as values: every figure with its place in the
 * original, whether the `checked:` list covers it and the audit's findings about it; the fields
 * the import left empty with its reason and the passage; and, for the list page, each draft's
 * progress. Made afresh from the content snapshot after every save (src/dev/content-state.ts).
 */
import { parsePath, type Finding } from '../findings.ts';
import { readKept, type TextSpan } from '../load/originals.ts';
import { checkProgress, DEFAULT_UNIT, figuresOf, type Figure, type Report } from '../schema/index.ts';
import type { LoadedReport } from '../validate/index.ts';
import { locateFigures } from './check-locate.ts';

export interface FigureView extends Figure {
  /** The number as the file writes it: 25.00 stays 25.00. */
  written: string;
  checked: boolean;
  span?: TextSpan | undefined;
  findings: Finding[];
}

export interface EmptyView {
  field?: string | undefined;
  message: string;
  line?: number | undefined;
  passage?: string | undefined;
}

export interface CheckView {
  file: string;
  report?: Report | undefined;
  figures: FigureView[];
  /** Fields the import left empty that are empty still. */
  empties: EmptyView[];
  /** Findings not about one figure (the draft's own W_UNCHECKED / W_DRAFT are the page's count). */
  general: Finding[];
  lines?: string[] | undefined;
  originals: string[];
  unchecked: number;
}

/** Findings the page says in its own words (the count, the draft line). */
const OWN = new Set(['W_UNCHECKED', 'W_DRAFT']);

const valueAt = (data: unknown, path: string) =>
  parsePath(path).reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<PropertyKey, unknown>)[k] : undefined), data);

function isEmpty(v: unknown): boolean {
  if (v === undefined || v === null || v === '') return true;
  if (Array.isArray(v)) return v.length === 0;
  if (typeof v === 'object') return figuresOf(v, () => true).length === 0 && !Object.values(v).some((x) => typeof x === 'string' && x !== DEFAULT_UNIT);
  return false;
}

const about = (f: Finding, path: string) => f.field === path;

export async function checkView(file: string, absPath: string, loaded: LoadedReport | undefined, findings: Finding[]): Promise<CheckView> {
  const kept = await readKept(absPath);
  const report = loaded?.report;
  const figures = report ? figuresOf(report, (p) => loaded.decimals.has(p)) : [];
  const { unchecked } = checkProgress(figures, report?.checked);
  const open = new Set(unchecked.map((f) => f.path));
  const spans = kept?.lines ? locateFigures(figures, kept.lines, kept.record) : new Map<string, TextSpan>();
  const shown = findings.filter((f) => !OWN.has(f.code));
  const views: FigureView[] = figures.map((f) => ({
    ...f,
    written: f.value.toFixed(loaded?.decimals.get(f.path) ?? 0),
    checked: !open.has(f.path),
    span: spans.get(f.path),
    findings: shown.filter((x) => about(x, f.path)),
  }));
  const empties = (kept?.record?.review ?? [])
    .filter((r) => r.field && report && isEmpty(valueAt(report, r.field)))
    .map((r) => ({ ...r, passage: r.line ? kept?.lines?.[r.line - 1]?.trim().slice(0, 160) : undefined }));
  return {
    file,
    report,
    figures: views,
    empties,
    general: shown.filter((x) => !figures.some((f) => about(x, f.path))),
    lines: kept?.lines,
    originals: kept?.originals ?? [],
    unchecked: unchecked.length,
  };
}

export interface ListEntry {
  file: string;
  title: string;
  draft: boolean;
  total: number;
  unchecked: number;
  errors: number;
  warnings: number;
}

/** A row of the list page: a report's progress, or a file that has errors and so no report. */
export function listEntry(file: string, loaded: LoadedReport | undefined, findings: Finding[]): ListEntry {
  const r = loaded?.report;
  const figures = r ? figuresOf(r, (p) => loaded.decimals.has(p)) : [];
  const { unchecked } = checkProgress(figures, r?.checked);
  return {
    file,
    title: r?.title ?? file,
    draft: Boolean(r?.draft),
    total: figures.length,
    unchecked: unchecked.length,
    errors: findings.filter((f) => f.severity === 'error').length,
    warnings: findings.filter((f) => f.severity === 'warning' && !OWN.has(f.code)).length,
  };
}
