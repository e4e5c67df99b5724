/** `jixiao validate [--content DIR] [--strict] [--json] [--no-cache] [--quiet]`: print findings, exit 1 on errors. */
import { resolve } from 'node:path';
import { ReportMemo } from '../build/report-memo.ts';
import { say, sentence } from '../errors/messages.ts';
import { formatFinding } from '../findings.ts';
import { loadProject } from '../load/project.ts';
import { SETTINGS_FILE } from '../site/settings.ts';
import { parseArgs } from './args.ts';
import { optionsOf } from './commands.ts';
import { progressOf, type Io } from './io.ts';
import { PROGRESS } from '../errors/progress.ts';
import { findReportFiles } from '../validate/find-report-files.ts';

/** From this many files validation takes seconds, and says where it is. */
const MANY_FILES = 200;

export async function validateCommand(argv: string[], io: Io): Promise<number> {
  const { flags } = parseArgs(argv, optionsOf('validate'));
  const dir = resolve(io.cwd, String(flags.content ?? 'content'));
  const settingsPath = resolve(io.cwd, String(flags.config ?? SETTINGS_FILE));
  // What unchanged files decided last time is remembered (report-memo.ts); --no-cache checks everything afresh.
  const memo = flags['no-cache'] ? undefined : await ReportMemo.forContent(dir);
  const quiet = Boolean(flags.quiet);
  const files = (await findReportFiles(dir).catch(() => [])).length;
  const display = files >= MANY_FILES ? progressOf(io, quiet) : undefined;
  const started = performance.now();
  display?.report({ stage: 'validate', done: 0, total: files });
  const project = await loadProject(
    { contentDir: dir, settingsPath, settingsRequired: flags.config !== undefined, cwd: io.cwd },
    { memo, strict: Boolean(flags.strict) },
  );
  display?.report({ stage: 'validate', done: files, total: files });
  const times = display?.finish();
  const v = project.verdict;
  if (v.files) await memo?.save();
  // The settings' own errors count; what the footer lacks (project.gaps) is for build and dev.
  if (project.settingsErrors.length) {
    v.findings.unshift(...project.settingsErrors);
    v.errors.unshift(...project.settingsErrors);
    v.ok = false;
  }
  if (flags.json) {
    io.out(
      JSON.stringify({ ok: v.ok, files: v.files, reports: v.reports.length, errors: v.errors.length, warnings: v.open.length, findings: v.findings }, null, 2),
    );
    return v.ok ? 0 : 1;
  }
  for (const f of v.findings) if (f.severity === 'error' || !quiet) (f.severity === 'error' ? io.err : io.out)(formatFinding(f));
  const strictFailed = !v.ok && v.errors.length === 0;
  if (quiet) {
    if (strictFailed) io.err(sentence(say('VALIDATE_STRICT')));
    return v.ok ? 0 : 1;
  }
  const acknowledged = v.findings.filter((f) => f.acknowledged).length;
  io.out(sentence(say('VALIDATE_SUMMARY', { files: v.files, errors: v.errors.length, open: v.open.length, acknowledged })));
  if (times?.length) io.out(PROGRESS.summary(times, (performance.now() - started) / 1000));
  if (strictFailed) io.err(sentence(say('VALIDATE_STRICT')));
  return v.ok ? 0 : 1;
}
