/**
 * `jixiao import FILE|FOLDER... [--out DIR] [--json] [--force] [--quiet]`: drafts a report data file from a
 * .txt/.md, .html, .docx, .pdf, .xlsx or .xls report and prints what a person must check (待核对).
 * A folder imports every such file in it, with a progress line each and a closing table.
 * A thin layer over src/import; never overwrites a file without --force.
 */
import { stat, writeFile } from 'node:fs/promises';
import { basename, join, relative, resolve } from 'node:path';
import { displayPath } from '../output/folders.ts';
import { say, sentence, UserError, type Said } from '../errors/user-error.ts';
import { extractFile } from '../import/extract/index.ts';
import { ImportError, importLines } from '../import/index.ts';
import { keepOriginal } from '../import/originals.ts';
import { originalsFolder, POSITIONS, recordJson } from '../load/originals.ts';
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
  if (!positionals.length) throw new UsageError(say('IMPORT_NO_FILES'));
  const refused = (reason: Said | string) => io.err(sentence(say('IMPORT_REFUSED', { reason: typeof reason === 'string' ? reason : sentence(reason) })));
  const outDir = resolve(io.cwd, String(flags.out ?? 'content'));
  if (!flags.json) {
    const { filesFolderRefusal } = await import('../output/guard.ts');
    const refusal = await filesFolderRefusal(outDir, { what: 'import', shownAs: String(flags.out ?? 'content') });
    if (refusal) {
      refused(refusal);
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
    if (!found.length) note(sentence(say('IMPORT_EMPTY_FOLDER', { folder: p })));
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
      refused(err.message);
      // The table names the file itself: its row shows the reason alone.
      rows.push(summaryRow(file, { error: sentence(err.reason) }));
      failed++;
      continue;
    }
    rows.push(summaryRow(file, result));
    const items = result.review.map((r) => sentence(say('IMPORT_REVIEW_ITEM', { field: r.field, message: r.message })));
    if (flags.json) {
      drafts.push(result.draft);
      note(sentence(say('IMPORT_TO_REVIEW_OF', { file, items })));
      continue;
    }
    const target = join(outDir, result.suggestedPath);
    const shown = displayPath(io.cwd, target);
    if (!flags.force && (await whatIsAt(target)) === 'file') {
      refused(say('IMPORT_DRAFT_EXISTS', { shown }));
      failed++;
      continue;
    }
    try {
      await writeOwnFile(target, result.yaml, { force: Boolean(flags.force), shown }); // never through a link
    } catch (err) {
      if (!(err instanceof UserError)) throw err;
      refused(err.message);
      failed++;
      continue;
    }
    io.out(sentence(say('IMPORT_DRAFTED', { shown, file })));
    try {
      const kept = await keepOriginal(resolve(io.cwd, file), target, extracted.lines);
      // Where each value was read and what was left empty, for jixiao dev's 核对 page.
      const record = { original: basename(file), sources: result.sources, spans: result.spans, review: result.review };
      await writeFile(join(kept, POSITIONS), recordJson(record), 'utf8');
      io.out(sentence(say('IMPORT_KEPT', { folder: relative(io.cwd, kept) || kept })));
    } catch {
      note(sentence(say('IMPORT_NOT_KEPT', { folder: relative(io.cwd, originalsFolder(target)) })));
    }
    io.out(sentence(say('IMPORT_TO_REVIEW', { items })));
    io.out(sentence(say('IMPORT_NEXT')));
  }
  if (many) {
    const table = ['', sentence(say('IMPORT_SUMMARY', { files: files.length, imported: files.length - failed })), ...summaryTable(rows)];
    for (const line of table) (flags.json ? note : io.out)(line);
  }
  if (flags.json) data(JSON.stringify(drafts.length === 1 && !many ? drafts[0] : drafts, null, 2));
  return failed ? 1 : 0;
}
