/**
 * Report ids cannot collide (issue 28.8): department `a-b`'s department report and department
 * `a`'s project `b` both used to be 2022-a-b, and the second was refused as the same report.
 * Ids stay as they were wherever that form is not shared, so existing URLs do not change.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { errorsOf, formatFinding } from '../../src/findings.ts';
import type { Report } from '../../src/schema/index.ts';
import { identityKey, plainId, reportIds } from '../../src/validate/report-ids.ts';
import { notStatedFor, tempDir, validate, writeReport } from './helpers.ts';

const yaml = (o: { kind: 'department' | 'project'; department: string; project?: string }) => {
  const text = `kind: ${o.kind}
year: 2022
title: 2022年度虚构示例报告
department:
  id: ${o.department}
  name: 虚构市示例局
${o.project ? `project:\n  id: ${o.project}\n  name: 虚构示例项目\n` : ''}`;
  return text + notStatedFor(text);
};

describe('in a content folder', () => {
  test('department a-b’s department report and department a’s project b are two reports, each with its own page', async () => {
    const dir = await tempDir();
    await writeReport(dir, 'ab.yaml', yaml({ kind: 'department', department: 'a-b' }));
    await writeReport(dir, 'a-b.yaml', yaml({ kind: 'project', department: 'a', project: 'b' }));
    const v = await validate(dir);
    expect(errorsOf(v.findings).map(formatFinding)).toEqual([]);
    expect(Object.fromEntries(v.reports.map((r) => [r.file, r.id]))).toEqual({ 'ab.yaml': '2022-a-b', 'a-b.yaml': '2022-a--b' });
  });

  test('projects a-b/c and a/b-c are two reports', async () => {
    const dir = await tempDir();
    await writeReport(dir, '1.yaml', yaml({ kind: 'project', department: 'a-b', project: 'c' }));
    await writeReport(dir, '2.yaml', yaml({ kind: 'project', department: 'a', project: 'b-c' }));
    const v = await validate(dir);
    expect(errorsOf(v.findings)).toEqual([]);
    expect(v.reports.map((r) => r.id).sort()).toEqual(['2022-a--b-c', '2022-a-b--c']);
  });

  test('ids nobody shares stay as they were; the same report twice is still refused', async () => {
    const dir = await tempDir();
    await writeReport(dir, '1.yaml', yaml({ kind: 'department', department: 'xugou-shili' }));
    await writeReport(dir, '2.yaml', yaml({ kind: 'project', department: 'xugou-shili', project: 'p1' }));
    await writeReport(dir, '3.yaml', yaml({ kind: 'project', department: 'xugou-shili', project: 'p1' }));
    const v = await validate(dir);
    expect(v.reports.map((r) => r.id)).toEqual(['2022-xugou-shili', '2022-xugou-shili-p1']);
    expect(errorsOf(v.findings).map((f) => `${f.file} ${f.code}`)).toEqual(['3.yaml E_DUPLICATE_REPORT']);
  });
});

// Ids from a small alphabet, so that shapes that used to collide come up often.
const slug = fc.array(fc.constantFrom('a', 'b', 'ab', '1'), { minLength: 1, maxLength: 3 }).map((parts) => parts.join('-'));
const reportArb = fc.oneof(
  fc
    .record({ year: fc.constantFrom(2022, 2023), department: slug })
    .map(({ year, department }) => ({ kind: 'department', year, department: { id: department } })),
  fc
    .record({ year: fc.constantFrom(2022, 2023), department: slug, project: slug })
    .map(({ year, department, project }) => ({ kind: 'project', year, department: { id: department }, project: { id: project } })),
) as fc.Arbitrary<Report>;
/** Reports as a content folder can hold them: no two of the same identity (those are refused). */
const contentArb = fc.uniqueArray(reportArb, { selector: identityKey, maxLength: 30 });

describe('reportIds, for any content', () => {
  test('no two reports share an id', () => {
    fc.assert(fc.property(contentArb, (reports) => new Set(reportIds(reports)).size === reports.length));
  });

  test('an id that no other report shares today stays exactly as it was', () => {
    fc.assert(
      fc.property(contentArb, (reports) => {
        const ids = reportIds(reports);
        return reports.every((r, i) => reports.filter((o) => plainId(o) === plainId(r)).length > 1 || ids[i] === plainId(r));
      }),
    );
  });

  test('a department report always keeps its id; ids do not depend on the order files are read in', () => {
    fc.assert(
      fc.property(contentArb, fc.nat(), (reports, seed) => {
        const ids = reportIds(reports);
        if (!reports.every((r, i) => r.kind !== 'department' || ids[i] === plainId(r))) return false;
        const order = reports.map((_, i) => i).sort((a, b) => ((a * 7919 + seed) % 101) - ((b * 7919 + seed) % 101));
        const again = reportIds(order.map((i) => reports[i]!));
        return order.every((i, k) => again[k] === ids[i]);
      }),
    );
  });

  test('every id is a plain URL path segment', () => {
    fc.assert(fc.property(contentArb, (reports) => reportIds(reports).every((id) => /^\d{4}-[a-z0-9]+(?:--?[a-z0-9]+)*$/.test(id))));
  });
});
