/**
 * The error catalogue is the one list of finding codes: the developers' guide
 * (docs/developing.md) and the staff manual (docs/使用手册.md) list exactly its codes under the
 * right severity, codes say their severity in their prefix, and no module outside the catalogue
 * writes a finding by hand. Beside it, the catalogue of the terminal's other sentences
 * (src/errors/messages.ts): no Chinese sentence is written anywhere else in src, save where the
 * text is not for the terminal (listed below, each with why) and in the two folders still to move.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { CATALOGUE, codesOf, type Code } from '../../src/errors/catalogue.ts';
import { MESSAGES, say, sentence } from '../../src/errors/messages.ts';
import { UserError } from '../../src/errors/user-error.ts';
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
      if (file.includes(join('src', 'errors'))) continue;
      const text = readFileSync(file, 'utf8');
      expect(text, file).not.toMatch(/severity: '(error|warning)'/);
      for (const m of text.matchAll(/'([EW]_[A-Z_]+)'/g)) expect(codes.has(m[1]!), `${file}: ${m[1]}`).toBe(true);
    }
  });
});

/**
 * Where Chinese strings in src are not sentences for a clerk's terminal, each with why. A folder
 * ends in `/`. Anywhere else a Chinese string literal fails the test below: say it through
 * src/errors/ (docs/developing.md, "Messages on the terminal").
 */
const NOT_FOR_THE_TERMINAL: Record<string, string> = {
  'src/errors/': "the catalogues themselves: findings, the terminal messages, the importer's 待核对 lines",
  'src/site/':
    "the website's own text, read by citizens on its pages; favicon-check.ts's reasons are parameters of the catalogue's entries (a finding, FAVICON_REFUSED)",
  'src/formats/markdown.ts': 'the words a page shows in place of an image from another host (其他网站的图片，未显示)',
  'src/client/': "the website's scripts: their words are on the pages",
  'src/schema/': "the data model's field titles and domain words (优、良, 万元): on the site and in the JSON Schema, quoted by findings",
  'src/validate/':
    "a finding's parameters (what a value or a file is: 一组字段, 文件夹) and the words checks look for; the finding's sentence is the catalogue's",
  'src/audit/': 'as src/validate/: the parameters of findings and the words the checks look for',
  'src/publish/tables.ts': "the open data's column names and their descriptions, published in the CSV files and the workbook",
  'src/publish/datapackage.ts': "the open data's titles and descriptions, published in datapackage.json",
  'src/publish/workbook.ts': "the workbook's sheet and column names, published",
  'src/publish/xlsx.ts': "the workbook's font and style names, as Excel names them",
  'src/publish/feed.ts': "the Atom feed's titles and summaries, published",
  'src/publish/collection-files.ts': "the open data's title, published",
  'src/publish/attachments.ts': "formatSize: an attachment's size (字节) as its report page shows it",
  'src/cli/commands.ts':
    "the commands and their options as data: each help line is its entry; the help and the manual's command list are made from them (test/cli/commands.test.ts)",
  'src/dev/check-page.ts': "the 核对 page's labels of one or two words (原文, 草稿, 已核对), kept with its markup; its sentences are src/errors/check-page.ts",
  'src/dev/check-list.ts': "as src/dev/check-page.ts: the list's heading and the count of a file's findings",
  'src/dev/check-shell.ts': 'as src/dev/check-page.ts: the word after the title of every 核对 page',
  'src/load/originals.ts': 'the names of the folder and files kept beside a draft (x.原文/, 读取的文字.txt, 读取位置.json), as they stand on disk',
  'src/import/forms.ts':
    "the words of the national and provincial forms the importer looks for in documents, and why a name read is rejected (NOT_A_NAME's reasons, quoted by a 待核对 line)",
  'src/import/figures.ts':
    'the labels and phrases of budget tables and prose the importer reads, and where a figure was read (a parameter of the draft comments)',
  'src/import/projects.ts': 'the labels of project tables and key-evaluation blocks the importer reads, and where a figure was read',
  'src/import/indicators.ts': 'the phrases of prose scores and grades the importer reads (regular expressions written as strings)',
  'src/import/identity.ts':
    'the form labels whose cells name the department and project (单位名称, 项目名称 …): read in documents, and named as where a value was read',
  'src/import/confirm-names.ts': 'the form labels a department or project name is checked against',
  'src/import/form-indicators.ts': 'the merged first column of the indicator block (绩效指标), as the form prints it',
  'src/import/form-money.ts': 'the money units of the forms (元, 万元, 亿元)',
  'src/import/form-read.ts': 'the units the forms write after a number (万元, 分)',
  'src/import/merge.ts': 'how figures.ts names a rate read from a table (表格…), to prefer it to one read from prose',
  'src/import/metadata.ts': 'the disclosure labels of government web pages (索引号, 发布机构 …) the importer reads',
  'src/import/normalize.ts': 'the full-width punctuation that is folded before reading',
  'src/import/prose-budget.ts': 'the units and sentence ends of the budget sentences the importer reads',
  'src/import/extract/pdf-glyphs.ts': 'the ideographs a PDF writes as Kangxi radicals or compatibility forms, and what they stand for',
  'src/import/extract/html.ts': "the disclosure meta tags' labels (发布日期, 发布机构, 标题) written into the text read, as the page shows them",
  'src/import/extract/xlsx.ts': "a sheet's name line (工作表：) in the text read from a workbook",
  'src/load-typescript.mjs': 'runs before Node can read TypeScript (it says why jixiao cannot start on that Node), so it cannot import the catalogue',
};

const CJK = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/;
const exempt = (file: string, list: Record<string, string>) => Object.keys(list).some((p) => (p.endsWith('/') ? file.startsWith(p) : file === p));

/** Every string and template literal of a file (not comments, not regular expressions), with its line. */
function literalsOf(file: string): { line: number; text: string; node: ts.Node }[] {
  const source = ts.createSourceFile(file, readFileSync(join(ROOT, file), 'utf8'), ts.ScriptTarget.Latest, true);
  const found: { line: number; text: string; node: ts.Node }[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isStringLiteralLike(node) || ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node))
      found.push({ line: source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1, text: node.text, node });
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** UserError and the classes that extend it, in these files. */
function userErrorKinds(files: string[]): Set<string> {
  const kinds = new Set(['UserError']);
  for (let grew = true; grew;) {
    grew = false;
    for (const f of files)
      for (const m of readFileSync(join(ROOT, f), 'utf8').matchAll(/class (\w+) extends (\w+)/g))
        if (kinds.has(m[2]!) && !kinds.has(m[1]!)) grew = Boolean(kinds.add(m[1]!));
  }
  return kinds;
}

/** `new UserError('…')` (or one of its kinds) given a string or a template instead of a catalogue entry. */
function sentencesHanded(file: string, kinds: Set<string>): string[] {
  const source = ts.createSourceFile(file, readFileSync(join(ROOT, file), 'utf8'), ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    const first = ts.isNewExpression(node) && kinds.has(node.expression.getText(source)) ? node.arguments?.[0] : undefined;
    if (first && (ts.isStringLiteralLike(first) || ts.isTemplateExpression(first)))
      found.push(`${file}:${source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1}`);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

const scripts = () =>
  sourceFiles(join(ROOT, 'src'))
    .filter((f) => /\.(ts|mjs)$/.test(f))
    .map((f) => relative(ROOT, f));

describe("the terminal's messages", () => {
  it('has no Chinese sentence written in src outside src/errors/, save the text listed as not for the terminal', () => {
    const written = scripts()
      .filter((f) => !exempt(f, NOT_FOR_THE_TERMINAL))
      .flatMap((f) =>
        literalsOf(f)
          .filter((l) => CJK.test(l.text))
          .map((l) => `${f}:${l.line}: ${l.text.slice(0, 40)}`),
      );
    expect(written).toEqual([]);
  });

  it('finds a Chinese sentence where one is written (the check above can fail)', () => {
    const fixture = 'test/errors/fixtures/inline-sentence.ts';
    expect(
      literalsOf(fixture)
        .filter((l) => CJK.test(l.text))
        .map((l) => l.line),
    ).toEqual([4, 4, 5, 7]);
  });

  it('lists only places that exist, and none twice over', () => {
    for (const p of Object.keys(NOT_FOR_THE_TERMINAL))
      expect(
        scripts().some((f) => (p.endsWith('/') ? f.startsWith(p) : f === p)),
        p,
      ).toBe(true);
  });

  it('makes every user error from a catalogue entry: no sentence handed to UserError or its kinds outside the folders still to move', () => {
    const files = scripts();
    const kinds = userErrorKinds(files);
    expect([...kinds]).toEqual(expect.arrayContaining(['UsageError', 'PackageError', 'BuildRefused', 'SearchIndexFailed']));
    expect(files.flatMap((f) => sentencesHanded(f, kinds))).toEqual([]);
    expect(sentencesHanded('test/errors/fixtures/inline-sentence.ts', kinds)).toEqual(['test/errors/fixtures/inline-sentence.ts:7']);
  });

  it('prints the message with its hint after it', () => {
    expect(sentence(say('WRITE_EXISTS', { shown: 'content/a.yaml' }))).toBe('"content/a.yaml" 已存在，未覆盖。换一个 --out 文件名，或加 --force 覆盖。');
    const err = new UserError(say('OUT_IS_ROOT', { shown: '/' }));
    expect(err.message).toBe('输出文件夹 "/" 是文件系统的根目录，不能用作输出；未做任何改动。请用 --out 指定一个新的空文件夹，例如 dist。');
    expect(err.said).toEqual({ code: 'OUT_IS_ROOT', params: { shown: '/' } });
  });

  it('has no entry that src does not use, and codes that are not finding codes', () => {
    const text = scripts()
      .filter((f) => !f.startsWith('src/errors/'))
      .map((f) => readFileSync(join(ROOT, f), 'utf8'))
      .join('\n');
    for (const code of Object.keys(MESSAGES)) {
      expect(text.includes(`'${code}'`), code).toBe(true);
      expect(code, code).not.toMatch(/^[EW]_/);
    }
  });
});
