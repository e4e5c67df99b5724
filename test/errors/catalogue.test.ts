/**
 * The error catalogue is the one list of finding codes: the developers' guide
 * (docs/developing.md) and the staff manual (docs/使用手册.md) list exactly its codes under the
 * right severity, codes say their severity in their prefix, and no module outside the catalogue
 * writes a finding by hand.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATALOGUE, codesOf, type Code } from '../../src/errors/catalogue.ts';
import { ROOT } from '../helpers/build-site.ts';

const codesIn = (text: string) => [...new Set(text.match(/\b[EW]_[A-Z_]+[A-Z]\b/g) ?? [])].sort();
const between = (text: string, from: string, to: string) => {
  const a = text.indexOf(from);
  const b = text.indexOf(to, a);
  expect(a, from).toBeGreaterThanOrEqual(0);
  expect(b, to).toBeGreaterThan(a);
  return text.slice(a, b);
};

const guide = readFileSync(join(ROOT, 'docs/developing.md'), 'utf8');
const listed = (label: string) => {
  const section = between(guide, '### Error and warning codes', '## Structure');
  return codesIn(section.split(/\n\n/).find((p) => p.startsWith(label)) ?? '');
};

/** The manual's code tables (section 四): the 提示 table lists warnings, the others errors. */
const manual = readFileSync(join(ROOT, 'docs/使用手册.md'), 'utf8');
const inManual = (warnings: boolean) => {
  const tables = between(manual, '## 四、错误和提示代码', '## 五、').split(/\n(?=### )/);
  const rows = (t: string) =>
    t
      .split('\n')
      .filter((l) => l.startsWith('| `'))
      .map((l) => l.split('|')[1]!)
      .join(' ');
  return codesIn(
    tables
      .filter((t) => t.startsWith('### 提示') === warnings)
      .map(rows)
      .join(' '),
  );
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.(ts|astro|mjs)$/.test(e.name))
    .map((e) => join(e.parentPath, e.name));
}

describe('error catalogue', () => {
  it("the developers' guide lists every error code, and no other, under Errors", () => {
    expect(listed('Errors')).toEqual(codesOf('error').sort());
  });

  it("the developers' guide lists every warning code, and no other, under Warnings", () => {
    expect(listed('Warnings')).toEqual(codesOf('warning').sort());
  });

  it('the staff manual has a row for every error code, and no other, in its error tables', () => {
    expect(inManual(false)).toEqual(codesOf('error').sort());
  });

  it('the staff manual has a row for every warning code, and no other, in its 提示 table', () => {
    expect(inManual(true)).toEqual(codesOf('warning').sort());
  });

  it('names errors E_… and warnings W_…, each with a Chinese title and an English summary', () => {
    for (const [code, e] of Object.entries(CATALOGUE) as [Code, (typeof CATALOGUE)[Code]][]) {
      expect(code.startsWith(e.severity === 'error' ? 'E_' : 'W_'), code).toBe(true);
      expect(e.title, code).toMatch(/[\u4e00-\u9fff]/);
      expect(e.summary.length, code).toBeGreaterThan(3);
    }
  });

  it('is the only place that writes a finding: no severity literal and no unknown code elsewhere in src/', () => {
    const codes = new Set(Object.keys(CATALOGUE));
    for (const file of sourceFiles(join(ROOT, 'src'))) {
      if (file.includes(`${join('src', 'errors')}`) || file.includes(join('src', 'import'))) continue;
      const text = readFileSync(file, 'utf8');
      expect(text, file).not.toMatch(/severity: '(error|warning)'/);
      for (const m of text.matchAll(/'([EW]_[A-Z_]+)'/g)) expect(codes.has(m[1]!), `${file}: ${m[1]}`).toBe(true);
    }
  });
});
