/**
 * Word, PDF and HTML give what their text gives: real documents (test/fixtures/real-reports) remade
 * as a clerk would have them, the way ../shared/tools/to-formats does — an HTML page (runs of pipe
 * rows a <table>, other lines paragraphs), the PDF chromium prints of it, and a .docx of the same
 * paragraphs and tables (built here, as pandoc is not on every machine) — and imported through the
 * real extraction; each form's draft must hold the same facts as the text's.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { importFile } from '../../src/import/index.ts';
import { buildDocx, type DocxPart } from '../import/build-fixtures.ts';
import { hasBrowser, launch } from './harness.ts';

// Prose; pipe-row forms; a cell-per-line form. (14_yongde, a 27-column form, passes from the PDF
// chromium --print-to-pdf makes but not yet from playwright's page.pdf: left out until that is read.)
const DOCUMENTS = ['01_zhuzhou_gxj_2022', '06_tanghu_town_2020', '11_qingshen_fgj_2023_project', '16_chengan_mzj_2020_gaolingjintie'];
const CORPUS = join(import.meta.dirname, '../fixtures/real-reports');

type Block = { p: string } | { rows: string[][] };

/** to-formats' reading of a text: pipe rows (at least two bars, not a --- rule) become table rows. */
function blocks(text: string): Block[] {
  const out: Block[] = [];
  let rows: string[][] = [];
  const flush = () => {
    if (rows.length) {
      const width = Math.max(...rows.map((r) => r.length));
      out.push({ rows: rows.map((r) => [...r, ...Array<string>(width - r.length).fill('')].map((c) => c.trim())) });
    }
    rows = [];
  };
  for (const line of text.split(/\r?\n/)) {
    if ((line.match(/\|/g) ?? []).length >= 2) {
      const cells = line.trim().replace(/^\|/, '').replace(/\|$/, '').split('|');
      if (!cells.every((c) => /^\s*:?-{2,}:?\s*$/.test(c))) rows.push(cells);
    } else {
      flush();
      if (line.trim()) out.push({ p: line.trim() });
    }
  }
  flush();
  return out;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const page = (title: string, body: Block[]) =>
  `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(title)}</title><style>body{font-family:'Noto Sans CJK SC',sans-serif;font-size:11pt} table{border-collapse:collapse} td{font-size:9pt}</style></head><body>` +
  body
    .map((b) =>
      'p' in b
        ? `<p>${esc(b.p)}</p>`
        : `<table border="1" cellspacing="0" cellpadding="3">${b.rows.map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`).join('')}</table>`,
    )
    .join('\n') +
  '</body></html>';

/** What the score compares: identity, money, score, grade and every leaf indicator's score. */
function facts(d: any) {
  const leaves = (nodes: any[] = []): [string, number | undefined][] => nodes.flatMap((n) => (n.children?.length ? leaves(n.children) : [[n.name, n.score]]));
  return {
    kind: d.kind,
    year: d.year,
    department: d.department?.name,
    project: d.project?.name,
    budget: d.budget && { initial: d.budget.initial, planned: d.budget.planned, spent: d.budget.spent, executionRate: d.budget.executionRate },
    score: d.score?.total,
    grade: d.score?.grade,
    indicators: leaves(d.score?.indicators),
  };
}

describe.skipIf(!hasBrowser)('the forms of a real document give what its text gives', () => {
  let browser: Browser;
  let dir: string;
  beforeAll(async () => {
    browser = await launch();
    dir = await mkdtemp(join(tmpdir(), 'jixiao-formats-'));
  });
  afterAll(async () => {
    await browser?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it.each(DOCUMENTS)('%s as .html, .pdf and .docx', async (name) => {
    const text = await readFile(join(CORPUS, `${name}.txt`), 'utf8');
    const body = blocks(text);
    const html = page(text.split(/\r?\n/)[0]!.trim() || name, body);
    await writeFile(join(dir, `${name}.html`), html);
    const tab = await browser.newPage();
    await tab.goto(`file://${join(dir, `${name}.html`)}`);
    // chromium --print-to-pdf's defaults: Letter, margins of about 1 cm, no header or footer
    await tab.pdf({ path: join(dir, `${name}.pdf`), format: 'Letter', margin: { top: '0.4in', bottom: '0.4in', left: '0.4in', right: '0.4in' } });
    await tab.close();
    const parts: DocxPart[] = body.map((b) => ('p' in b ? { p: b.p } : { table: b.rows }));
    await writeFile(join(dir, `${name}.docx`), buildDocx(parts));

    const expected = facts((await importFile(join(CORPUS, `${name}.txt`))).draft);
    expect(expected.kind).toBeDefined();
    for (const ext of ['html', 'pdf', 'docx']) {
      const got = facts((await importFile(join(dir, `${name}.${ext}`))).draft);
      expect({ ext, ...got }).toEqual({ ext, ...expected });
    }
  });
});
