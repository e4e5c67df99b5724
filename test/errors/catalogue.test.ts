/**
 * The error catalogue is the one list of finding codes: the README lists exactly its codes
 * under the right severity, codes say their severity in their prefix, and no module outside
 * the catalogue writes a finding by hand.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATALOGUE, codesOf, type Code } from '../../src/errors/catalogue.ts';
import { ROOT } from '../helpers/build-site.ts';

const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
const section = readme.slice(readme.indexOf('### Error and warning codes'), readme.indexOf('## Structure'));
const listed = (label: string) => {
  const para = section.split(/\n\n/).find((p) => p.startsWith(label)) ?? '';
  return [...new Set(para.match(/\b[EW]_[A-Z_]+[A-Z]\b/g) ?? [])].sort();
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.(ts|astro|mjs)$/.test(e.name))
    .map((e) => join(e.parentPath, e.name));
}

describe('error catalogue', () => {
  it('the README lists every error code, and no other, under Errors', () => {
    expect(listed('Errors')).toEqual(codesOf('error').sort());
  });

  it('the README lists every warning code, and no other, under Warnings', () => {
    expect(listed('Warnings')).toEqual(codesOf('warning').sort());
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
