/** `jixiao build [--content DIR] [--out DIR] [--base PATH] [--site URL] [--config FILE] [--strict] [--no-cache] [--json] [--quiet] [--search-part-size N]` */
import { say, sentence } from '../errors/messages.ts';
import { PROGRESS, STAGES, type StageName } from '../errors/progress.ts';
import { formatFinding } from '../findings.ts';
import { parseArgs } from './args.ts';
import { countFrom, optionsOf } from './commands.ts';
import { progressOf, type Io } from './io.ts';

export async function buildCommand(argv: string[], io: Io): Promise<number> {
  const { flags } = parseArgs(argv, optionsOf('build'));
  const searchPartSize = countFrom('search-part-size', flags['search-part-size']);
  const quiet = Boolean(flags.quiet);
  const { buildSite, BuildRefused } = await import('../build/index.ts');
  const started = Date.now();
  const display = progressOf(io, quiet);
  try {
    const { findings, reports, drafts, pages, reused, stages } = await buildSite({
      contentDir: String(flags.content ?? 'content'),
      outDir: String(flags.out ?? 'dist'),
      base: flags.base as string | undefined,
      site: flags.site as string | undefined,
      settingsFile: flags.config as string | undefined,
      strict: Boolean(flags.strict),
      cache: !flags['no-cache'],
      searchPartSize,
      progress: display?.report,
      cwd: io.cwd,
    }).finally(() => display?.finish());
    const seconds = (Date.now() - started) / 1000;
    if (flags.json) {
      io.out(JSON.stringify({ ok: true, pages, reports, drafts, seconds, stages, ...(reused ? { reused } : {}), findings }, null, 2));
      return 0;
    }
    if (quiet) return 0;
    for (const f of findings) io.out(formatFinding(f));
    if (reused) io.out(sentence(say('BUILD_REUSED', reused)));
    io.out(sentence(say('BUILD_DONE', { pages, reports, drafts, seconds, out: String(flags.out ?? 'dist') })));
    io.out(PROGRESS.summary(stageTimes(stages), seconds));
    return 0;
  } catch (err) {
    if (err instanceof BuildRefused) {
      if (flags.json) {
        io.out(JSON.stringify({ ok: false, message: err.message, findings: err.findings }, null, 2));
        return 1;
      }
      for (const f of err.findings) if (f.severity === 'error' || !quiet) (f.severity === 'error' ? io.err : io.out)(formatFinding(f));
      io.err(err.message);
      return 1;
    }
    throw err;
  }
}

/** The build's own stage times, in the order of the stages, for the closing summary. */
const stageTimes = (stages: Record<string, number>) =>
  (Object.keys(STAGES) as StageName[]).flatMap((s) => (stages[s] === undefined ? [] : [[s, stages[s]] as const]));
