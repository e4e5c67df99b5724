/**
 * A short, seeded fuzz run in the test suite (the long run is `npm run fuzz`), and every
 * hostile input of issue 11 — each of which hung, ran out of memory or crashed before — now
 * refused by a limit, with one Chinese line that names the file.
 */
import { describe, expect, it } from 'vitest';
import { hostileCases, mutatedCases } from './cases.ts';
import { runCase } from './harness.ts';

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

describe('the hostile inputs of the issue', () => {
  for (const c of hostileCases()) {
    it(`${c.name} (${(c.bytes.length / 1048576).toFixed(2)} MB) is refused in one line`, async () => {
      const o = await runCase(c);
      expect(o.result, o.message).toBe('refused');
      expect(o.message).toMatch(c.kind === 'yaml' ? /^r\.yaml:\d+: 错误: / : /^[^\n]+：[^\n]+$/);
      expect(o.message).toContain(c.kind === 'yaml' ? 'r.yaml' : c.name);
    });
  }
});
