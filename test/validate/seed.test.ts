/**
 * The shipped content: the seed report validates with no error and exactly one warning — its
 * stated execution rate, 98.0% against 98.41% — acknowledged; and its figures are the report's.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { beforeAll, describe, expect, test } from 'vitest';
import { formatFinding, type Finding } from '../../src/findings.ts';
import type { Indicator, Report } from '../../src/schema/index.ts';
import { validateContent, type Verdict } from '../../src/validate/index.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** Key facts of the seed report, read by hand (a copy of shared/seed/haizhu-kgsxj-2022-facts.yaml). */
const FACTS_FILE = join(ROOT, 'test/fixtures/seed/haizhu-kgsxj-2022-facts.yaml');

interface Facts {
  department: string;
  fiscal_year: number;
  budget_total_wan: number;
  spent_total_wan: number;
  execution_rate: string;
  basic_spend_wan: number;
  project_spend_wan: number;
  self_score: number;
  grade: string;
  indicator_items: { name: string; max: number; score: number }[];
}

let verdict: Verdict;
let seed: Report;
const facts = parse(readFileSync(FACTS_FILE, 'utf8')) as Facts;

beforeAll(async () => {
  verdict = await validateContent(join(ROOT, 'content'), { cwd: ROOT, strict: true });
  seed = verdict.reports.find((r) => r.id === '2022-haizhu-kgsxj')!.report;
});

describe('the shipped content validates', () => {
  test('with no error, and passes --strict', () => {
    expect(verdict.errors.map(formatFinding)).toEqual([]);
    expect(verdict.ok).toBe(true);
    expect(verdict.reports.map((r) => r.id)).toContain('2022-haizhu-kgsxj');
  });

  test('with exactly one warning: the stated execution rate, showing 98.0% and 98.41%, acknowledged', () => {
    const warnings = verdict.findings.filter((f: Finding) => f.severity === 'warning');
    expect(warnings).toHaveLength(1);
    const [w] = warnings;
    expect(w).toMatchObject({ code: 'W_RATE_MISMATCH', file: 'content/2022/haizhu-kgsxj.yaml', field: 'budget.executionRate' });
    expect(w!.message).toContain('98.0%');
    expect(w!.message).toContain('98.41%');
    expect(w!.acknowledged).toBeTruthy();
    expect(verdict.open).toEqual([]);
    expect(formatFinding(w!)).toMatchInlineSnapshot(
      `"content/2022/haizhu-kgsxj.yaml:17: 提示: budget.executionRate：报告所写预算执行率 98.0%，而实际支出 27,788.84 ÷ 全年预算 28,239.16 = 98.41%。（已说明：原文写“预算完成率98.0%”（后文又写“98%”），按原文保留；按所列数字计算为 98.41%。） [W_RATE_MISMATCH]"`,
    );
  });
});

describe('the seed figures are those of the report', () => {
  const leaves = (inds: Indicator[]): Indicator[] => inds.flatMap((i) => (i.children ? leaves(i.children) : [i]));

  test('department and year', () => {
    expect(seed.department.name).toBe(facts.department);
    expect(seed.year).toBe(facts.fiscal_year);
    expect(seed.kind).toBe('department');
  });

  test('budget: planned, spent, the stated rate, basic and project', () => {
    expect(seed.budget).toMatchObject({
      unit: '万元',
      planned: facts.budget_total_wan,
      spent: facts.spent_total_wan,
      executionRate: Number.parseFloat(facts.execution_rate),
      basic: facts.basic_spend_wan,
      project: facts.project_spend_wan,
    });
    expect(facts.execution_rate).toBe('98.0%');
  });

  test('the rate is kept as written, 98.0, not corrected to 98.41', () => {
    const loaded = verdict.reports.find((r) => r.id === '2022-haizhu-kgsxj')!;
    expect(loaded.decimals.get('budget.executionRate')).toBe(1);
  });

  test('score: total, grade, and the nine sub-indicators', () => {
    expect(seed.score).toMatchObject({ total: facts.self_score, grade: facts.grade, max: 100 });
    const nine = leaves(seed.score!.indicators!).map(({ name, max, score }) => ({ name, max, score }));
    expect(nine).toEqual(facts.indicator_items);
  });

  test('the two top-level indicators, 44 + 49', () => {
    expect(seed.score!.indicators!.map(({ name, max, score }) => ({ name, max, score }))).toEqual([
      { name: '履职效能', max: 50, score: 44 },
      { name: '管理效率', max: 50, score: 49 },
    ]);
  });
});

// The seed and the real reports are copies of files in the project's shared folder. Which copies,
// with their SHA-256, is shipped in test/fixtures/shared-copies.sha256, so the copies are checked
// on every clone (CI's, and ../shared/tools/fresh-clone-check's, which has no ../shared beside it).
// After copying new files from ../shared, remake the list:
//   (cd test/fixtures && sha256sum seed/* real-reports/*) > test/fixtures/shared-copies.sha256
const FIXTURES = join(ROOT, 'test/fixtures');
const COPIED = ['seed', 'real-reports'];
const listed = new Map(
  readFileSync(join(FIXTURES, 'shared-copies.sha256'), 'utf8')
    .trim()
    .split('\n')
    .map((line) => {
      const [hash, path] = line.split(/ +/);
      return [path!, hash!] as const;
    }),
);
const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const filesOf = (dir: string) => COPIED.flatMap((d) => readdirSync(join(dir, d)).map((f) => `${d}/${f}`)).sort();

test('the copies of shared files in test/fixtures are those listed, byte for byte', () => {
  expect(filesOf(FIXTURES)).toEqual([...listed.keys()].sort());
  for (const [path, hash] of listed) expect(sha256(join(FIXTURES, path)), path).toBe(hash);
});

// Where ../shared lies beside the clone (as in CI): the listed copies are still the shared files.
const SHARED = join(ROOT, '../shared');
test.skipIf(!existsSync(SHARED))('the listed copies are the files of ../shared/seed and ../shared/real-reports today', () => {
  expect([...listed.keys()].sort()).toEqual(filesOf(SHARED));
  for (const [path, hash] of listed) expect(sha256(join(SHARED, path)), path).toBe(hash);
});
