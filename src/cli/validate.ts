/** `jixiao validate [--content DIR] [--strict] [--json] [--no-cache]`: print findings, exit 1 on errors. */
import { resolve } from 'node:path';
import { ReportMemo } from '../build/report-memo.ts';
import { say, sentence } from '../errors/messages.ts';
import { formatFinding } from '../findings.ts';
import { loadProject } from '../load/project.ts';
import { SETTINGS_FILE } from '../site/settings.ts';
import { parseArgs } from './args.ts';
import { optionsOf } from './commands.ts';
import type { Io } from './io.ts';

export async function validateCommand(argv: string[], io: Io): Promise<number> {
  const { flags } = parseArgs(argv, optionsOf('validate'));
  const dir = resolve(io.cwd, String(flags.content ?? 'content'));
  const settingsPath = resolve(io.cwd, String(flags.config ?? SETTINGS_FILE));
  // What unchanged files decided last time is remembered (report-memo.ts); --no-cache checks everything afresh.
  const memo = flags['no-cache'] ? undefined : await ReportMemo.forContent(dir);
  const project = await loadProject(
    { contentDir: dir, settingsPath, settingsRequired: flags.config !== undefined, cwd: io.cwd },
    { memo, strict: Boolean(flags.strict) },
  );
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
  for (const f of v.findings) (f.severity === 'error' ? io.err : io.out)(formatFinding(f));
  const acknowledged = v.findings.filter((f) => f.acknowledged).length;
  io.out(sentence(say('VALIDATE_SUMMARY', { files: v.files, errors: v.errors.length, open: v.open.length, acknowledged })));
  if (!v.ok && v.errors.length === 0) io.err(sentence(say('VALIDATE_STRICT')));
  return v.ok ? 0 : 1;
}
