/**
 * Every real report in test/fixtures/real-reports (a copy of ../shared/real-reports) imports against the
 * facts a person read from it (the .yaml beside each .txt, never derived from the importer), scored
 * as ../shared/tools/import-score scores it. A document that finds fewer facts, or gets more
 * wrong, than recorded in real-reports.results.json fails. After an improvement, record the new
 * figures with RECORD_REAL_REPORTS=1 and read the diff before committing; a document that finds less
 * than before is recorded only with its reason written into `reasons` of the results file.
 * Each draft, once a person fills what the review list names, validates against the schema.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { importFile } from '../../src/import/index.ts';
import { ReportSchema } from '../../src/schema/index.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** A copy of ../shared/real-reports, so the tests pass on any clone (test/validate/seed.test.ts checks it against shared/). */
const CORPUS = `${ROOT}test/fixtures/real-reports/`;
const RESULTS = fileURLToPath(new URL('./real-reports.results.json', import.meta.url));
const SOFT = /DERIVED|INFERRED|ASSUMED|AMBIGUOUS/;
const FIELDS: [string, string, 'kind' | 'num' | 'name' | 'money' | 'str'][] = [
  ['report_kind', 'kind', 'kind'],
  ['fiscal_year', 'year', 'num'],
  ['department', 'department.name', 'name'],
  ['project_name', 'project.name', 'name'],
  ['budget_initial_wan', 'budget.initial', 'money'],
  ['budget_total_wan', 'budget.planned', 'money'],
  ['spent_total_wan', 'budget.spent', 'money'],
  ['execution_rate', 'budget.executionRate', 'num'],
  ['basic_spend_wan', 'budget.basic', 'money'],
  ['project_spend_wan', 'budget.project', 'money'],
  ['self_score', 'score.total', 'num'],
  ['grade', 'score.grade', 'str'],
];

interface Tally {
  found: number;
  needed: number;
  wrong: number;
  invented: number;
}

const get = (d: any, path: string) => path.split('.').reduce((o, k) => (o && typeof o === 'object' ? o[k] : undefined), d);
const num = (v: unknown) => {
  const m = /-?\d+(?:\.\d+)?/.exec(String(v ?? ''));
  return v === null || v === undefined || !m ? undefined : Number(m[0]);
};

function same(e: unknown, g: unknown, how: string, draft: any): boolean {
  if (g === undefined || g === null) return false;
  if (how === 'num' || how === 'money') {
    let gv = num(g);
    const ev = num(e);
    if (gv === undefined || ev === undefined) return false;
    if (how === 'money' && draft.budget?.unit === '元') gv /= 10000;
    return Math.abs(gv - ev) < Math.max(0.006, Math.abs(ev) * 1e-6);
  }
  const es = String(e).trim();
  const gs = String(g).trim();
  return how === 'name' ? es === gs || ([...gs].length >= 4 && (es.includes(gs) || gs.includes(es))) : es === gs;
}

const leaves = (nodes: any[] = []): any[] => nodes.flatMap((n) => (n.children?.length ? leaves(n.children) : [n]));

function score(src: string, draft: any): Tally {
  const facts = parse(src) ?? {};
  const soft = new Set(
    src.split('\n').flatMap((l) => {
      const m = /^([a-z_]+):.*#(.*)$/.exec(l);
      return m && SOFT.test(m[2]!) ? [m[1]!] : [];
    }),
  );
  if (String(facts.report_kind).trim() === '项目') {
    soft.add('basic_spend_wan');
    soft.add('project_spend_wan');
  }
  const t: Tally = { found: 0, needed: 0, wrong: 0, invented: 0 };
  for (const [key, path, how] of FIELDS) {
    let e = facts[key];
    const g = get(draft, path);
    if (key === 'report_kind' && e != null) e = { 整体: 'department', 项目: 'project' }[String(e).trim()] ?? e;
    if (e === null || e === undefined) {
      const d = facts[`${key}_derived`];
      if (g !== undefined && !(d != null && same(d, g, how, draft))) t.invented++;
      continue;
    }
    const need = !soft.has(key);
    if (need) t.needed++;
    if (same(e, g, how === 'kind' ? 'str' : how, draft)) {
      if (need) t.found++;
    } else if (g !== undefined) t.wrong++;
  }
  const got = leaves(draft.score?.indicators);
  for (const it of facts.indicator_items ?? []) {
    if (!it?.name || it.score === null || it.score === undefined) continue;
    t.needed++;
    const hit = got.find((g) => same(it.name, g.name, 'name', draft));
    if (hit && same(it.score, hit.score, 'num', draft)) t.found++;
    else if (hit && hit.score !== undefined) t.wrong++;
  }
  return t;
}

/** What a person fills from the review list: the fields the draft could not find (placeholders here). */
function filled(draft: any): unknown {
  const d = structuredClone(draft);
  d.kind ??= 'department';
  d.year ??= 2022;
  d.title ??= '（由核对人填写的标题）';
  d.department.name ??= '（由核对人填写的部门名称）';
  if (d.kind === 'project') d.project ??= { id: 'xiangmu-tianxie', name: '（由核对人填写的项目名称）' };
  if (d.project && !d.project.name) d.project.name = '（由核对人填写的项目名称）';
  return d;
}

const docs = readdirSync(CORPUS)
  .filter((f) => f.endsWith('.txt'))
  .sort();

describe('real reports (test/fixtures/real-reports)', () => {
  it('finds the corpus', () => {
    expect(docs.length).toBeGreaterThanOrEqual(18);
  });

  const now: Record<string, Tally> = {};
  const file = existsSync(RESULTS) ? JSON.parse(readFileSync(RESULTS, 'utf8')) : {};
  const recorded: Record<string, Tally> = file.documents ?? {};
  /** Why a document finds less than it once did, written by hand: kept across recordings. */
  const reasons: Record<string, string> = file.reasons ?? {};
  for (const name of docs) {
    it(name, async () => {
      const r = await importFile(CORPUS + name, name);
      const t = score(readFileSync(CORPUS + name.replace(/\.txt$/, '.yaml'), 'utf8'), r.draft);
      now[name] = t;
      const was = recorded[name];
      expect(was, `no recorded result for ${name}: run with RECORD_REAL_REPORTS=1`).toBeDefined();
      expect(t.found, 'facts found').toBeGreaterThanOrEqual(was!.found);
      expect(t.wrong + t.invented, 'facts wrong or invented').toBeLessThanOrEqual(was!.wrong + was!.invented);
      const v = ReportSchema.safeParse(filled(r.draft));
      expect(v.success ? [] : v.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual([]);
    });
  }

  afterAll(() => {
    if (!process.env.RECORD_REAL_REPORTS) return;
    const sum = Object.values(now).reduce(
      (a, t) => ({ found: a.found + t.found, needed: a.needed + t.needed, wrong: a.wrong + t.wrong, invented: a.invented + t.invented }),
      { found: 0, needed: 0, wrong: 0, invented: 0 },
    );
    const right = sum.found;
    const total = { ...sum, recall: Number((sum.found / sum.needed).toFixed(3)), precision: Number((right / (right + sum.wrong + sum.invented)).toFixed(3)) };
    writeFileSync(
      RESULTS,
      `${JSON.stringify({ note: 'Per-document results of the importer on ../shared/real-reports, scored as import-score scores them. Written by RECORD_REAL_REPORTS=1 npx vitest run test/import/real-reports.test.ts; `reasons` (by hand) says why a document finds less than it did.', total, reasons, documents: Object.fromEntries(Object.entries(now).sort()) }, null, 2)}\n`,
    );
  });
});
