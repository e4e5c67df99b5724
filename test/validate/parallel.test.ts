// Validating many files on two cores (src/validate/analyse-parallel.ts) must say exactly what
// validating them one by one says: the same reports, the same findings, in the same order.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateReports } from '../../bench/generate-reports.ts';
import { PARALLEL_FROM } from '../../src/validate/analyse-parallel.ts';
import { loadContent, loadFile, findReportFiles } from '../../src/validate/index.ts';
import { writeTree } from '../helpers/build-site.ts';

describe('validating a large content folder', () => {
  it('finds the same reports and findings with a worker thread as file by file', async () => {
    const files = generateReports({ count: PARALLEL_FROM + 40, seed: 3 });
    const names = Object.keys(files).sort();
    // Some files with errors and warnings, in both halves of the list.
    for (const i of [1, 7, names.length - 3]) files[names[i]!] = files[names[i]!]!.replace(/^( {2}spent: )\d+/m, '$1二十');
    for (const i of [5, names.length - 10])
      files[names[i]!] = files[names[i]!]!.replace(/^( {2}spent: )(\d+)/m, (_, k: string, n: string) => `${k}${Number(n) + 7}`);
    const dir = writeTree(files);
    const content = join(dir, 'content');

    const together = await loadContent(content, dir);
    const oneByOne = { reports: [] as unknown[], findings: [] as unknown[] };
    for (const path of await findReportFiles(content)) {
      const r = await loadFile(path, dir, { root: content });
      oneByOne.findings.push(...r.findings);
      if (r.loaded) oneByOne.reports.push(r.loaded.report);
    }

    expect(together.files).toBeGreaterThanOrEqual(PARALLEL_FROM);
    expect(together.findings.some((f) => f.severity === 'error')).toBe(true);
    expect(together.findings.some((f) => f.code === 'W_RATE_MISMATCH')).toBe(true);
    expect(together.findings).toEqual(oneByOne.findings);
    expect(together.reports.map((r) => r.report)).toEqual(oneByOne.reports);
    // A line asked of a report analysed in the worker is still found (by parsing the file again).
    const last = together.reports.at(-1)!;
    expect(last.lineOf(['budget', 'spent'])).toBeGreaterThan(1);
  });
});
