/**
 * No input crashes the importer: random text, and the fixtures and the seed truncated and
 * mangled (characters swapped for table pipes, markers, digits, full-width forms, blank lines),
 * always give a draft and a YAML text that parses. The same for random bytes as .docx and .pdf,
 * which may only fail with an ImportError.
 */
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { ImportError, importLines } from '../../src/import/index.ts';
import { extractBuffer } from '../../src/import/extract/index.ts';
import { buildDocx } from './build-fixtures.ts';

const FIX = new URL('./fixtures/', import.meta.url).pathname;
/** The real reports (a copy of ../shared/real-reports): truncated and mangled too. */
const REAL = new URL('../fixtures/real-reports/', import.meta.url).pathname;
const SOURCES = [
  ...readdirSync(REAL)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => readFileSync(REAL + f, 'utf8')),
  ...readdirSync(FIX).map((f) => readFileSync(FIX + f, 'utf8')),
  readFileSync(new URL('../fixtures/seed/haizhu-kgsxj-2022-report.txt', import.meta.url), 'utf8'),
].filter(Boolean);

const PIECES = [
  '|',
  '｜',
  '\n',
  '\n\n',
  '\t',
  '一、',
  '（一）',
  '(1)',
  '1.',
  '合计',
  '总分',
  '得分',
  '分值',
  '万元',
  '元',
  '%',
  '％',
  '：',
  ':',
  '≥',
  '≧',
  '（',
  '）',
  '9.5',
  '100',
  '2022年',
  '一级指标',
  '二级指标',
  '三级指标',
  '索引号：',
  '发布日期：2023-13-45',
  '预算执行率',
  '全年预算',
  '自评得分',
  '等级为',
  '优',
  '“',
  '#',
  '**',
  ' ',
  '　',
  '\u200b',
  '\ud800',
  '0'.repeat(400),
  // the form vocabulary and fused cells (forms.ts, fused.ts)
  '项目名称',
  '实施单位',
  '单位名称:',
  '年度资金总额:',
  '其中:本年财政拨款',
  '执行率(B/A)',
  '自评总分(分)',
  '产出指标(70分)',
  '数量指标',
  '202010100.00%10',
  '100100',
  ' |',
  '≥266米',
  '显著提升',
  '(A)',
  '(',
  '\\|',
];

const text = fc.oneof(
  fc.string({ maxLength: 400 }),
  fc.array(fc.constantFrom(...PIECES), { maxLength: 200 }).map((a) => a.join('')),
  fc.tuple(fc.constantFrom(...SOURCES), fc.nat(), fc.nat()).map(([s, a, b]) => s.slice(Math.min(a, b) % s.length, Math.max(a, b) % (s.length + 1))),
  fc.tuple(fc.constantFrom(...SOURCES), fc.array(fc.tuple(fc.nat(), fc.constantFrom(...PIECES)), { maxLength: 40 })).map(([s, edits]) => {
    const chars = [...s];
    for (const [at, piece] of edits) chars.splice(at % (chars.length + 1), 1, piece);
    return chars.join('');
  }),
);

function importsCleanly(t: string, format: 'text' | 'pdf') {
  const r = importLines(t.split('\n'), { source: 'x.txt', format });
  expect(r.draft.draft).toBe(true);
  expect(typeof r.yaml).toBe('string');
  const back = parse(r.yaml);
  expect(back.draft).toBe(true);
  expect(JSON.parse(JSON.stringify(r.draft))).toEqual(back);
}

describe('property: any text gives a draft', () => {
  it('never throws on random, truncated and mangled text', () => {
    fc.assert(
      fc.property(text, fc.constantFrom('text' as const, 'pdf' as const), (t, f) => importsCleanly(t, f)),
      { numRuns: 300 },
    );
  });

  it('never throws on random HTML', async () => {
    const tag = fc.constantFrom(
      '<p>',
      '</p>',
      '<table>',
      '</table>',
      '<tr>',
      '</tr>',
      '<td rowspan="3">',
      '<td colspan="999">',
      '</td>',
      '<th>',
      '<br>',
      '<script>',
      '</script>',
      '<title>',
      '</title>',
      '&nbsp;',
      '&#x0;',
      '&bogus;',
      '<meta name="PubDate" content="x">',
    );
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof(tag, fc.string({ maxLength: 20 }), fc.constantFrom(...PIECES)), { maxLength: 150 }), async (parts) => {
        const lines = await extractBuffer(Buffer.from(parts.join('')), 'html', 'x.html');
        importsCleanly(lines.join('\n'), 'text');
      }),
      { numRuns: 150 },
    );
  });

  it('fails only with ImportError on random or truncated .docx and .pdf bytes', async () => {
    const docx = buildDocx([
      { p: '虚构局2022年度部门整体支出绩效自评报告' },
      {
        table: [
          ['一级指标', '分值', '得分'],
          ['产出指标', '50', '45'],
        ],
      },
    ]);
    const inputs = fc.oneof(
      fc.uint8Array({ maxLength: 600 }).map((b) => ['docx', Buffer.from(b)] as const),
      fc.uint8Array({ maxLength: 600 }).map((b) => ['pdf', Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from(b)])] as const),
      fc.nat({ max: docx.length }).map((n) => ['docx', docx.subarray(0, n)] as const),
      fc.tuple(fc.nat({ max: docx.length - 1 }), fc.integer({ min: 0, max: 255 })).map(([at, v]) => {
        const b = Buffer.from(docx);
        b[at] = v;
        return ['docx', b] as const;
      }),
    );
    await fc.assert(
      fc.asyncProperty(inputs, async ([format, buf]) => {
        try {
          await extractBuffer(buf, format, `x.${format}`);
        } catch (err) {
          expect(err).toBeInstanceOf(ImportError);
        }
      }),
      { numRuns: 120 },
    );
  });
});
