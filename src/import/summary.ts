/**
 * The closing table of a many-file import: per file its kind, year, department, how many of the
 * key fields the draft has, and how many items wait for review. Also lists the files of a
 * folder the importer can read (sorted, sub-folders included, capped).
 */
import { IMPORT_TABLE } from '../errors/import-draft.ts';
import { ORIGINALS_SUFFIX } from '../load/originals.ts';
import { readdir } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { FORMATS } from './extract/index.ts';
import type { DraftReport } from './draft.ts';
import type { ImportResult } from './index.ts';

export const MAX_FOLDER_FILES = 2000;

const KEY_FIELDS: [string, (d: DraftReport) => unknown][] = [
  ['kind', (d) => d.kind],
  ['year', (d) => d.year],
  ['department', (d) => d.department?.name],
  ['planned', (d) => d.budget?.planned],
  ['spent', (d) => d.budget?.spent],
  ['rate', (d) => d.budget?.executionRate],
  ['total', (d) => d.score?.total],
  ['indicators', (d) => (d.score?.indicators?.length ? 1 : undefined)],
];

export interface SummaryRow {
  file: string;
  kind: string;
  year: string;
  department: string;
  found: string;
  review: string;
}

export function summaryRow(file: string, r: ImportResult | { error: string }): SummaryRow {
  if ('error' in r) return { file, kind: '—', year: '—', department: IMPORT_TABLE.error({ reason: r.error }), found: '—', review: '—' };
  const d = r.draft;
  const found = KEY_FIELDS.filter(([, get]) => get(d) !== undefined).length;
  return {
    file,
    kind: d.kind ? IMPORT_TABLE.kind[d.kind] : IMPORT_TABLE.unknown,
    year: d.year === undefined ? IMPORT_TABLE.unknown : String(d.year),
    department: d.department?.name ?? IMPORT_TABLE.unknown,
    found: `${found}/${KEY_FIELDS.length}`,
    review: String(r.review.length),
  };
}

const width = (s: string) =>
  [...s].reduce((w, ch) => w + (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1), 0);
const pad = (s: string, w: number) => s + ' '.repeat(Math.max(0, w - width(s)));

export function summaryTable(rows: readonly SummaryRow[]): string[] {
  const head: SummaryRow = IMPORT_TABLE.head;
  const all = [head, ...rows];
  const keys = Object.keys(head) as (keyof SummaryRow)[];
  const w = keys.map((k) => Math.min(40, Math.max(...all.map((r) => width(r[k])))));
  const cut = (s: string, n: number) => {
    if (width(s) <= n) return s;
    let out = '';
    for (const ch of s) {
      if (width(out + ch) > n - 1) break;
      out += ch;
    }
    return `${out}…`;
  };
  return all.map((r) =>
    keys
      .map((k, i) => pad(cut(r[k], w[i]!), w[i]!))
      .join('  ')
      .trimEnd(),
  );
}

/** Importable files under a folder, sorted by path. */
export async function filesIn(dir: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (d: string) => {
    const entries = (await readdir(d, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
    for (const e of entries) {
      if (out.length >= MAX_FOLDER_FILES) return;
      // A draft's kept original (x.原文/) is not a document to import again.
      if (e.name.startsWith('.') || (e.isDirectory() && e.name.endsWith(ORIGINALS_SUFFIX))) continue;
      const p = join(d, e.name);
      if (e.isDirectory()) await walk(p);
      else if (e.isFile() && FORMATS[extname(e.name).toLowerCase()]) out.push(p);
    }
  };
  await walk(dir);
  return out;
}
