/**
 * Fuzz cases, deterministic for a seed: real documents (test/fixtures/real-reports, the seed
 * report, the template) mutated byte- and token-wise, rendered as HTML, .docx and PDF and then
 * mangled, hostile YAML, and the hostile documents of the issue.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildDocx, buildPdf } from '../import/build-fixtures.ts';
import type { Case, Kind } from './harness.ts';
import { mulberry32 } from '../helpers/random.ts';
import {
  docxParagraphs,
  docxRows,
  docxRowsPrefixed,
  docxRowsSpelled,
  htmlDeep,
  htmlSpans,
  longLines,
  numberLines,
  pdfBomb,
  TEXT_CASES,
  xlsxSharedStrings,
} from './hostile-docs.ts';

const ROOT = join(import.meta.dirname, '../..');
const REAL = join(ROOT, 'test/fixtures/real-reports'); // a copy of ../shared/real-reports

/**
 * The documents the mutations start from: the 18 real reports the fuzz runs were made with. A case is
 * named by its seed and index (the pinned ones in fuzz.test.ts among them), so adding documents to
 * the fixtures must not change which input a name means; new documents join only through this list.
 */
const FUZZ_SOURCES = new Set(
  '01_zhuzhou_gxj_2022 02_maoming_fgj_2021 03_huadu_zhengxie_2021 04_nanxian_zhengxie_2021 05_nanxian_czj_2020 06_tanghu_town_2020 07_xuwen_xiaqiao_2024 08_yueyangxian_xinkai_2021 09_honghe_data_center_2024_project 10_zijin_sfj_2020_project 11_qingshen_fgj_2023_project 12_guichi_tangxi_2022_project 14_yongde_minglang_zhongxue_2022_yingyang 16_chengan_mzj_2020_gaolingjintie 19_liangping_lyj_2023 25_zhongjiang_slj_2022_shuibiaochi 28_unknown_shangwu_2020_fuwumaoyi 32_zhuzhou_hetang_fulian_2022'.split(
    ' ',
  ),
);

function sources(): { texts: string[]; yamls: string[] } {
  const texts: string[] = [];
  const yamls = [readFileSync(join(ROOT, 'content/2022/haizhu-kgsxj.yaml'), 'utf8'), readFileSync(join(ROOT, 'templates/report.yaml'), 'utf8')];
  for (const f of readdirSync(REAL).sort()) {
    if (!FUZZ_SOURCES.has(f.replace(/\.(txt|yaml)$/, ''))) continue;
    (f.endsWith('.txt') ? texts : f.endsWith('.yaml') ? yamls : []).push(readFileSync(join(REAL, f), 'utf8'));
  }
  return { texts, yamls };
}

const TOKENS = [
  '\u0007',
  '\u001b[31m',
  '!!float ',
  '!!int ',
  '&a ',
  '*a ',
  '[',
  ']',
  '{',
  '}',
  '? ',
  '- ',
  ': ',
  '\n  ',
  '\n',
  '"',
  "'",
  '#',
  '|',
  '：',
  '万元',
  '%',
  '、',
  '包括',
  '\u2002',
  '\u0000',
  '\ufeff',
  '<td colspan=50 rowspan=50>',
  '<table>',
  '<div>',
  '一级指标总分值 5 分',
  '二级项目',
  '![](https://evil.example/x.png)',
  '__proto__: 1\n',
];

function mutate(s: string, r: () => number): string {
  let out = s;
  const edits = 1 + Math.floor(r() * 8);
  for (let e = 0; e < edits; e++) {
    const at = Math.floor(r() * (out.length + 1));
    const pick = r();
    if (pick < 0.4) out = out.slice(0, at) + TOKENS[Math.floor(r() * TOKENS.length)] + out.slice(at);
    else if (pick < 0.6) out = out.slice(0, at) + out.slice(at + Math.floor(r() * 200));
    else if (pick < 0.8) {
      const piece = out.slice(at, at + 1 + Math.floor(r() * 20));
      out = out.slice(0, at) + piece.repeat(1 + Math.floor(r() * 2000)) + out.slice(at);
    } else out = out.slice(0, at) + TOKENS[Math.floor(r() * TOKENS.length)]!.repeat(1 + Math.floor(r() * 5000)) + out.slice(at);
  }
  return out;
}

function mangleBytes(b: Buffer, r: () => number): Buffer {
  const out = Buffer.from(b);
  const flips = 1 + Math.floor(r() * 10);
  for (let i = 0; i < flips; i++) out[Math.floor(r() * out.length)] = Math.floor(r() * 256);
  return r() < 0.3 ? out.subarray(0, Math.floor(r() * out.length)) : out;
}

const html = (t: string) =>
  `<html><head><title>示例</title></head><body>${t
    .split('\n')
    .map((l) =>
      l.includes('|')
        ? `<table><tr>${l
            .split('|')
            .map((c) => `<td>${c}</td>`)
            .join('')}</tr></table>`
        : `<p>${l}</p>`,
    )
    .join('')}</body></html>`;
const docx = (t: string) =>
  buildDocx(
    t
      .split('\n')
      .filter(Boolean)
      .slice(0, 300)
      .map((p) => ({ p })),
  );
const pdf = (t: string) =>
  buildPdf([
    t
      .split('\n')
      .filter((l) => l.trim())
      .slice(0, 40)
      .map((l, i) => ({ text: l.slice(0, 60), x: 50, y: 800 - i * 18 })),
  ]);

/** `n` mutated cases for a seed: each kind in turn. */
export function mutatedCases(seed: number, n: number): Case[] {
  const r = mulberry32(seed);
  const { texts, yamls } = sources();
  const kinds: Kind[] = ['yaml', 'text', 'html', 'docx', 'pdf'];
  const out: Case[] = [];
  for (let i = 0; i < n; i++) {
    const kind = kinds[i % kinds.length]!;
    const base = kind === 'yaml' ? yamls[Math.floor(r() * yamls.length)]! : texts[Math.floor(r() * texts.length)]!;
    const name = `fuzz-${seed}-${i}-${kind}`;
    if (kind === 'yaml' || kind === 'text') out.push({ name, kind, bytes: Buffer.from(mutate(base, r)) });
    else if (kind === 'html') out.push({ name, kind, bytes: Buffer.from(html(mutate(base, r))) });
    else out.push({ name, kind, bytes: mangleBytes(kind === 'docx' ? docx(base) : pdf(base), r) });
  }
  return out;
}

/** A case whose bytes are made when first asked for: the long run holds one hostile document at a time. */
function lazyCase(name: string, kind: Kind, make: () => Buffer, expected?: Case['expected']): Case {
  let bytes: Buffer | undefined;
  return {
    name,
    kind,
    expected,
    get bytes() {
      return (bytes ??= make());
    },
  };
}

/** The hostile inputs of the issues, at sizes that show them (each refused, or read within budget). */
export function hostileCases(scale = 1): Case[] {
  const yaml = (name: string, s: () => string): Case => lazyCase(name, 'yaml', () => Buffer.from(s()));
  const head = 'kind: department\nyear: 2022\n';
  return [
    yaml('yaml 20,000 duplicate keys', () => head + 'a: 1\n'.repeat(20_000 * scale)),
    yaml('yaml 150,000 distinct keys', () => head + Array.from({ length: 150_000 * scale }, (_, i) => `k${i}: 1\n`).join('')),
    yaml('yaml flow list of 600,000 numbers', () => `${head}x: [${'1,'.repeat(600_000 * scale)}1]\n`),
    yaml('yaml nested 10,000 deep', () => `${head}x: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`),
    yaml('yaml !!float title', () => `${head}title: !!float 1\n`),
    ...Object.entries(TEXT_CASES).map(([name, make]) => lazyCase(`text ${name}`, 'text', () => Buffer.from(make(100_000 * scale)))),
    lazyCase('html nested 1,000,000 deep', 'html', () => Buffer.from(htmlDeep(1_000_000 * scale))),
    lazyCase('html 200,000 cells spanning 50 × 50', 'html', () => Buffer.from(htmlSpans(200_000 * scale))),
    lazyCase('docx table of 30,000 rows', 'docx', () => docxRows(30_000 * scale)),
    lazyCase('pdf inflating to 100 MB', 'pdf', () => pdfBomb(100 * scale)),
    // issue 28
    lazyCase('docx of 95 MB of paragraphs', 'docx', () => docxParagraphs(95)),
    lazyCase('docx of 30,000 rows written <w:tr\\n>', 'docx', () => docxRowsSpelled(30_000)),
    lazyCase('docx of 30,000 rows under another prefix', 'docx', () => docxRowsPrefixed(30_000)),
    lazyCase('xlsx of 2.3 M shared strings', 'xlsx', () => xlsxSharedStrings(2_300_000)),
    lazyCase('text of 29,999 lines of numbers', 'text', () => Buffer.from(numberLines()), 'finished'),
    ...['包括', '“甲乙”一级指标总分值 5 分', '：甲乙项目', '万元 1,234.56 ', '|1', '1\t'].map((phrase) =>
      lazyCase(`text of 600 lines of ${phrase.trim()}`, 'text', () => Buffer.from(longLines(phrase)), 'finished'),
    ),
  ];
}
