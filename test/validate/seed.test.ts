/**
 * The shipped content: the seed report validates with no error and exactly one warning — its
 * stated execution rate, 98.0% against 98.41% — acknowledged; and its figures are the report's.
 */
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
/** The project's shared folder beside the repository (present in CI; absent on a plain clone). */
const SHARED_FACTS = join(ROOT, '../shared/seed/haizhu-kgsxj-2022-facts.yaml');

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

// Skipped on a clone without ../shared: the copies in test/fixtures/seed are then the only ones.
test.skipIf(!existsSync(SHARED_FACTS))('the seed files copied into test/fixtures are the shared ones (../shared/seed)', () => {
  expect(readFileSync(FACTS_FILE, 'utf8')).toBe(readFileSync(SHARED_FACTS, 'utf8'));
  const report = 'haizhu-kgsxj-2022-report.txt';
  expect(readFileSync(join(ROOT, 'test/fixtures/seed', report), 'utf8')).toBe(readFileSync(join(SHARED_FACTS, '..', report), 'utf8'));
});

// The same for the real reports the importer is tested on (test/import/real-reports.test.ts).
const SHARED_REAL = join(ROOT, '../shared/real-reports');
test.skipIf(!existsSync(SHARED_REAL))('the real reports copied into test/fixtures are the shared ones (../shared/real-reports)', () => {
  const copied = join(ROOT, 'test/fixtures/real-reports');
  expect(readdirSync(copied).sort()).toEqual(readdirSync(SHARED_REAL).sort());
  for (const f of readdirSync(SHARED_REAL)) expect(readFileSync(join(copied, f), 'utf8'), f).toBe(readFileSync(join(SHARED_REAL, f), 'utf8'));
});
