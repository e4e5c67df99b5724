/**
 * The importer's contract with the 核对 page: each drafted value's source (`sources`) and, where the
 * value stands once near the cited line, its character range in the text read (`spans`).
 */
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { importFile } from '../../src/import/index.ts';

const FILE = `${new URL('./fixtures/', import.meta.url).pathname}示例-项目自评表-管道行.txt`;

it('gives each value its source and, where unambiguous, the characters it was read from', async () => {
  const r = await importFile(FILE, '示例-项目自评表-管道行.txt');
  const lines = readFileSync(FILE, 'utf8').split('\n');
  const text = (field: string) => {
    const s = r.spans[field]!;
    return lines[s.line - 1]!.slice(s.start, s.end);
  };
  expect(r.sources['budget.planned']).toContain('年度资金总额');
  expect(text('budget.planned')).toBe('135.50');
  expect(text('budget.spent')).toBe('128.20');
  expect(text('budget.executionRate')).toBe('94.61');
  expect(text('score.total')).toBe('91.5');
  expect(r.spans['title']!.line).toBe(8);
  // A value that stands more than once near its line ("10" in a form) gets no range, only its source.
  for (const [field, s] of Object.entries(r.spans)) expect(String(lines[s.line - 1]!.slice(s.start, s.end)).length, field).toBeGreaterThan(0);
  expect(Object.keys(r.spans).every((f) => f in r.sources)).toBe(true);
});
