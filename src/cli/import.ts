/**
 * `jixiao import FILE|FOLDER... [--out DIR] [--json] [--force] [--quiet]`: drafts a report data file from a
 * .txt/.md, .html, .docx, .pdf, .xlsx or .xls report and prints what a person must check (待核对).
 * A folder imports every such file in it, with a progress line each and a closing table.
 * A thin layer over src/import; never overwrites a file without --force.
 */
import { stat } from 'node:fs/promises';
import { basename, join, relative, resolve } from 'node:path';
import { displayPath } from '../build/folders.ts';
import { UserError } from '../errors/user-error.ts';
import { extractFile } from '../import/extract/index.ts';
import { ImportError, importLines } from '../import/index.ts';
import { keepOriginal, originalsFolder } from '../import/originals.ts';
import { filesIn, summaryRow, summaryTable, type SummaryRow } from '../import/summary.ts';
import { parseArgs, UsageError } from './args.ts';
import { optionsOf } from './commands.ts';
import { progressOf, type Io } from './io.ts';
import { whatIsAt, writeOwnFile } from './safe-write.ts';
import type { OnProgress } from '../progress.ts';

export async function importCommand(argv: string[], given: Io): Promise<number> {
  const { flags, positionals } = parseArgs(argv, optionsOf('import'));
  const quiet = Boolean(flags.quiet);
  const display = progressOf(given, quiet);
  // Other output clears the live progress line first; --quiet keeps errors only (`io.err`), not notes.
  const io: Io = { ...given, out: (l) => (display?.clear(), quiet || given.out(l)), err: (l) => (display?.clear(), given.err(l)) };
  const note = (l: string) => quiet || io.err(l);
  try {
    return await importFiles(flags, positionals, { io, note, progress: display?.report, data: given.out });
  } finally {
    display?.finish();
  }
}

async function importFiles(
  flags: Record<string, string | boolean>,
  positionals: string[],
  { io, note, progress, data }: { io: Io; note: (line: string) => void; progress: OnProgress | undefined; data: (text: string) => void },
): Promise<number> {
  if (!positionals.length) throw new UsageError('请给出要导入的文件，例如 npx jixiao import 报告.docx。');
  const outDir = resolve(io.cwd, String(flags.out ?? 'content'));
  if (!flags.json) {
    const { filesFolderRefusal } = await import('../build/output-guard.ts');
    const refusal = await filesFolderRefusal(outDir, { what: '输出文件夹', shownAs: String(flags.out ?? 'content') });
    if (refusal) {
      io.err(`jixiao import: 错误：${refusal}`);
      return 1;
    }
  }
  const files: string[] = [];
  let folder = false;
  for (const p of positionals) {
    const isDir = await stat(resolve(io.cwd, p)).then(
      (s) => s.isDirectory(),
      () => false,
    );
    if (!isDir) {
      files.push(p);
      continue;
    }
    folder = true;
    const found = await filesIn(resolve(io.cwd, p));
    if (!found.length) note(`jixiao import: 提示：文件夹 ${p} 中没有可导入的文件（.txt .md .html .docx .pdf .xlsx .xls）。`);
    files.push(...found.map((f) => relative(io.cwd, f) || f));
  }
  const many = files.length > 1 || folder;
  let failed = 0;
  const drafts: Record<string, unknown>[] = [];
  const rows: SummaryRow[] = [];
  for (const [i, file] of files.entries()) {
    if (many) progress?.({ stage: 'import', done: i + 1, total: files.length, item: file });
    let result;
    let extracted;
    try {
      // Extracted here, not in importFile, so that the text read is kept beside the draft.
      extracted = await extractFile(resolve(io.cwd, file), file);
      result = importLines(extracted.lines, { format: extracted.format, source: basename(file) });
    } catch (err) {
      if (!(err instanceof ImportError)) throw err;
      io.err(`jixiao import: 错误：${err.message}`);
      rows.push(summaryRow(file, { error: err.message.replace(`${file}：`, '') }));
      failed++;
      continue;
    }
    rows.push(summaryRow(file, result));
    const review = result.review.map((r) => `  - ${r.field ? `${r.field}：` : ''}${r.message}`);
    if (flags.json) {
      drafts.push(result.draft);
      note(`${file}：待核对 ${result.review.length} 项${review.length ? `\n${review.join('\n')}` : ''}`);
      continue;
    }
    const target = join(outDir, result.suggestedPath);
    const shown = displayPath(io.cwd, target);
    if (!flags.force && (await whatIsAt(target)) === 'file') {
      io.err(`jixiao import: 错误：${shown} 已存在，未覆盖。核对后删除它，或加 --force 覆盖，或用 --out 指定别的文件夹。`);
      failed++;
      continue;
    }
    try {
      await writeOwnFile(target, result.yaml, { force: Boolean(flags.force), shown }); // never through a link
    } catch (err) {
      if (!(err instanceof UserError)) throw err;
      io.err(`jixiao import: 错误：${err.message}`);
      failed++;
      continue;
    }
    io.out(`已生成草稿 ${shown}（来自 ${file}）`);
    try {
      const kept = await keepOriginal(resolve(io.cwd, file), target, extracted.lines);
      io.out(`原件和读取的文字保存在 ${relative(io.cwd, kept) || kept}/（不会发布；要在网站上提供原件，把它写进 attachments）`);
    } catch {
      note(`jixiao import: 提示：未能把原件保存到 ${relative(io.cwd, originalsFolder(target))}/（草稿已生成）。`);
    }
    io.out(result.review.length ? `待核对（${result.review.length} 项）：\n${review.join('\n')}` : '待核对：无（仍请逐项核对原文）。');
    io.out('核对并补齐后运行 npx jixiao validate 检查；确认无误后删除文件中的 draft 一行。');
  }
  if (many) {
    const table = ['', `导入 ${files.length} 个文件，成功 ${files.length - failed} 个：`, ...summaryTable(rows)];
    for (const line of table) (flags.json ? note : io.out)(line);
  }
  if (flags.json) data(JSON.stringify(drafts.length === 1 && !many ? drafts[0] : drafts, null, 2));
  return failed ? 1 : 0;
}
