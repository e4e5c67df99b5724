/** `jixiao build [--content DIR] [--out DIR] [--base PATH] [--site URL] [--config FILE] [--strict] [--no-cache]` */
import { say, sentence } from '../errors/messages.ts';
import { formatFinding } from '../findings.ts';
import { parseArgs } from './args.ts';
import { optionsOf } from './commands.ts';
import type { Io } from './io.ts';

export async function buildCommand(argv: string[], io: Io): Promise<number> {
  const { flags } = parseArgs(argv, optionsOf('build'));
  const { buildSite, BuildRefused } = await import('../build/index.ts');
  const started = Date.now();
  try {
    const { findings, reports, drafts, pages, reused } = await buildSite({
      contentDir: String(flags.content ?? 'content'),
      outDir: String(flags.out ?? 'dist'),
      base: flags.base as string | undefined,
      site: flags.site as string | undefined,
      settingsFile: flags.config as string | undefined,
      strict: Boolean(flags.strict),
      cache: !flags['no-cache'],
      cwd: io.cwd,
    });
    for (const f of findings) io.out(formatFinding(f));
    if (reused) io.out(sentence(say('BUILD_REUSED', reused)));
    io.out(sentence(say('BUILD_DONE', { pages, reports, drafts, seconds: (Date.now() - started) / 1000, out: String(flags.out ?? 'dist') })));
    return 0;
  } catch (err) {
    if (err instanceof BuildRefused) {
      for (const f of err.findings) (f.severity === 'error' ? io.err : io.out)(formatFinding(f));
      io.err(err.message);
      return 1;
    }
    throw err;
  }
}
