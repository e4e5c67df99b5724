/** `jixiao validate [--content DIR] [--strict] [--json] [--no-cache]`: print findings, exit 1 on errors. */
import { resolve } from 'node:path';
import { ReportMemo } from '../build/report-memo.ts';
import { formatFinding } from '../findings.ts';
import { loadSettings, SETTINGS_FILE } from '../site/settings.ts';
import { validateContent } from '../validate/index.ts';
import { parseArgs } from './args.ts';
import type { Io } from './io.ts';

export async function validateCommand(argv: string[], io: Io): Promise<number> {
  const { flags } = parseArgs(argv, { booleans: ['strict', 'json', 'no-cache'], strings: ['content', 'config'] });
  const dir = resolve(io.cwd, String(flags.content ?? 'content'));
  const settings = await loadSettings(resolve(io.cwd, String(flags.config ?? SETTINGS_FILE)), io.cwd, { required: flags.config !== undefined });
  // What unchanged files decided last time is remembered (report-memo.ts); --no-cache checks everything afresh.
  const memo = flags['no-cache'] ? undefined : await ReportMemo.forContent(dir);
  const v = await validateContent(dir, { strict: Boolean(flags.strict), cwd: io.cwd, attachments: settings.settings?.attachments, memo });
  if (v.files) await memo?.save();
  if (settings.findings.length) {
    v.findings.unshift(...settings.findings);
    v.errors.unshift(...settings.findings);
    v.ok = false;
  }
  if (flags.json) {
    io.out(
      JSON.stringify({ ok: v.ok, files: v.files, reports: v.reports.length, errors: v.errors.length, warnings: v.open.length, findings: v.findings }, null, 2),
    );
    return v.ok ? 0 : 1;
  }
  for (const f of v.findings) (f.severity === 'error' ? io.err : io.out)(formatFinding(f));
  const acked = v.findings.filter((f) => f.acknowledged).length;
  const summary = `检查了 ${v.files} 个文件：${v.errors.length} 个错误，${v.open.length} 个未说明的核验提示${acked ? `，${acked} 个已说明` : ''}。`;
  io.out(summary);
  if (!v.ok && v.errors.length === 0) io.err('--strict：存在未说明的核验提示。请核对原文；原文如此的，在报告的 acknowledgements 中写明原因。');
  return v.ok ? 0 : 1;
}
