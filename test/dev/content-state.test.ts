// What `jixiao dev` tells the person editing a draft: what it would still lack once published.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { findingsOf, loadSnapshot } from '../../src/dev/content-state.ts';
import { findingsPanel } from '../../src/dev/overlay.ts';
import { ROOT, writeTree } from '../helpers/build-site.ts';

it('a fresh template is shown as a draft, with what it still lacks before it can be published', async () => {
  const dir = writeTree({ 'content/2024/new.yaml': readFileSync(join(ROOT, 'templates/report.yaml'), 'utf8') });
  const snap = await loadSnapshot(join(dir, 'content'), join(dir, 'site.yaml'), dir);
  expect(snap.errors).toEqual([]);
  expect(snap.reports.map((r) => r.id)).toEqual(['2024-bumen-biaoshi']);
  const { findings, pending } = findingsOf(snap, 'content/2024/new.yaml');
  expect(findings.map((f) => f.code)).toEqual(['W_UNCHECKED', 'W_DRAFT']);
  expect(pending.map((f) => f.code).sort()).toEqual(['E_BUDGET_MISSING', 'E_PLACEHOLDER', 'E_PLACEHOLDER', 'E_SCORE_MISSING', 'E_TEMPLATE_ID']);
  expect(snap.findings.map((f) => f.code)).toContain('W_SITE_SETTINGS');
  const panel = findingsPanel('content/2024/new.yaml', findings, pending);
  expect(panel).toContain('删除 <code>draft: true</code> 一行后，还需处理');
  expect(panel).toContain('content/2024/new.yaml 第 14 行');
});
