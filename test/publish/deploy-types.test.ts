/**
 * The deploy guide's nginx `types` block replaces nginx's defaults, so a file type missing there
 * is served as application/octet-stream (issue 31: the workbook, .docx, .ofd, .jpg). Every
 * extension of a built site, and every attachment type a report may offer (site.yaml
 * attachments.types by default), must be in it, with the type `jixiao preview` gives it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { MIME } from '../../src/preview/serve.ts';
import { DEFAULT_ATTACHMENT_TYPES } from '../../src/schema/site.ts';
import { buildSite, ROOT } from '../helpers/build-site.ts';

/** extension → MIME type, as the guide's `types { … }` block says. */
function guideTypes(): Map<string, string> {
  const doc = readFileSync(join(ROOT, 'docs/deploy.md'), 'utf8');
  const block = /^\s*types \{\n(.*?)^\s*\}/ms.exec(doc);
  expect(block, 'a types { } block in docs/deploy.md').not.toBeNull();
  const types = new Map<string, string>();
  for (const raw of block![1]!.split('\n')) {
    const line = raw.replace(/#.*/, '').trim();
    if (!line) continue;
    const [mime, ...exts] = line.replace(/;$/, '').split(/\s+/);
    for (const ext of exts) types.set(ext, mime!);
  }
  return types;
}

describe('the nginx types of docs/deploy.md', () => {
  const types = guideTypes();

  test('cover every attachment type a report may offer', () => {
    expect(DEFAULT_ATTACHMENT_TYPES.filter((t) => !types.has(t))).toEqual([]);
    expect(types.get('xlsx')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(types.get('jpg')).toBe('image/jpeg');
  });

  test('cover every extension in a built site', () => {
    const dist = buildSite();
    const exts = new Set<string>();
    for (const e of readdirSync(dist, { recursive: true, withFileTypes: true }))
      if (e.isFile() && extname(e.name)) exts.add(extname(e.name).slice(1).toLowerCase());
    expect(exts.size).toBeGreaterThan(8);
    expect(exts).toContain('xlsx');
    expect([...exts].filter((x) => !types.has(x)).sort()).toEqual([]);
  });

  test('agree with the types jixiao preview serves', () => {
    const differ = [...types]
      .filter(([ext]) => MIME[`.${ext}`] !== undefined)
      .filter(([ext, mime]) => MIME[`.${ext}`]!.split(';')[0] !== mime)
      .map(([ext]) => ext);
    expect(differ).toEqual([]);
  });
});
