/**
 * A short, seeded fuzz run in the test suite (the long run is `npm run fuzz`), and every
 * hostile input of issue 11 — each of which hung, ran out of memory or crashed before — now
 * refused by a limit, with one Chinese line that names the file.
 */
import { describe, expect, it } from 'vitest';
import { hostileCases, mutatedCases } from './cases.ts';
import { MEMORY_BUDGET_MB, overTime, runCase } from './harness.ts';

describe('fuzz (seeded, short)', () => {
  it('60 mutated real documents, HTML, .docx, PDF and YAML: none crashes', async () => {
    const crashed = [];
    for (const c of mutatedCases(11, 60)) {
      const o = await runCase(c);
      if (o.result === 'crashed') crashed.push(`${o.name}: ${o.message}`);
    }
    expect(crashed).toEqual([]);
  });
});

describe('inputs the long run found (npm run fuzz -- --cases 20000)', () => {
  it('a damaged .docx that trips the Word reader (a TypeError inside it) is refused in Chinese, without its English', async () => {
    const c = mutatedCases(56, 100)[78]!;
    const o = await runCase(c);
    expect(o.result, o.message).toBe('refused');
    expect(o.message).toBe(`${c.name}.docx：Word 文档内容损坏，无法解析。请在 Word 中打开后另存为 .docx 再导入。`);
  });

  it('a YAML key run past 1,024 characters is named in Chinese', async () => {
    const o = await runCase(mutatedCases(125, 100)[70]!);
    expect(o.result, o.message).toBe('refused');
    expect(o.message).toContain('字段名太长（超过 1024 个字符）');
  });

  it('a YAML file of 837 unclosed flow maps is refused within budget (each slip used to walk the whole file twice)', async () => {
    const c = mutatedCases(3, 100)[30]!;
    const o = await runCase(c);
    expect(o.result, o.message).toBe('refused');
    expect(o.message).toMatch(/^r\.yaml:\d+: 错误: /);
    expect(overTime(o), `${o.cpuSeconds.toFixed(2)} s of CPU for ${o.mb.toFixed(3)} MB`).toBe(false);
  });

  it('100,000 empty table cells in a row are read (each cell used to rescan the run after it: it never finished)', async () => {
    const text = `| 绩效指标 | 三级指标 |\n${`${'|'.repeat(9_000)}\n`.repeat(12)}`;
    const o = await runCase({ name: 'empty-cells', kind: 'text', bytes: Buffer.from(text) });
    expect(o.result, o.message).not.toBe('crashed');
  });
});

describe('the hostile inputs of the issues', () => {
  // The documents read whole (16-17 MB each) are in text-budget.test.ts at test sizes and in
  // `npm run fuzz -- --hostile` at full size.
  for (const c of hostileCases().filter((h) => h.expected !== 'finished')) {
    const expected = c.expected ?? 'refused';
    it(`${c.name} (${(c.bytes.length / 1048576).toFixed(2)} MB) is ${expected === 'refused' ? 'refused in one line' : 'read'} within budget`, async () => {
      const o = await runCase(c);
      expect(o.result, o.message).toBe(expected);
      if (expected === 'refused') {
        expect(o.message).toMatch(c.kind === 'yaml' ? /^r\.yaml:\d+: 错误: / : /^[^\n]+：[^\n]+$/);
        expect(o.message).toContain(c.kind === 'yaml' ? 'r.yaml' : c.name);
      }
      // The reading child's peak and the CPU time; this process is vitest's, whose own memory
      // is not the importer's (npm run fuzz measures both, a batch to a process).
      expect(o.readerPeakMB).toBeLessThanOrEqual(MEMORY_BUDGET_MB);
      expect(overTime(o), `${o.cpuSeconds.toFixed(2)} s of CPU for ${o.mb.toFixed(2)} MB`).toBe(false);
    });
  }
});
