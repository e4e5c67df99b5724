/** `jixiao package [--dist DIR] [--out DIR] [--force] [--quiet]`: the built site as .tar.gz, .zip and SHA256SUMS. */
import { join, resolve } from 'node:path';
import { displayPath } from '../output/folders.ts';
import { say, sentence } from '../errors/messages.ts';
import { parseArgs } from './args.ts';
import { optionsOf } from './commands.ts';
import { progressOf, type Io } from './io.ts';
import { PROGRESS } from '../errors/progress.ts';

export async function packageCommand(argv: string[], io: Io): Promise<number> {
  const { flags } = parseArgs(argv, optionsOf('package'));
  const { packageSite } = await import('../publish/package.ts');
  const display = progressOf(io, Boolean(flags.quiet));
  const started = performance.now();
  const r = await packageSite({
    distDir: resolve(io.cwd, String(flags.dist ?? 'dist')),
    outDir: flags.out ? resolve(io.cwd, String(flags.out)) : undefined,
    force: Boolean(flags.force),
    cwd: io.cwd,
    progress: display?.report,
  }).finally(() => display?.finish());
  if (flags.quiet) return 0;
  const shown = (p: string) => displayPath(io.cwd, p);
  const outDir = shown(r.outDir);
  for (const f of r.files) io.out(sentence(say('PACKAGE_FILE', { path: shown(f.path), size: f.size, sha256: f.sha256 })));
  io.out(sentence(say('PACKAGE_SUMS', { path: join(outDir, 'SHA256SUMS') })));
  io.out(sentence(say('PACKAGE_DONE', { name: r.name, out: outDir })));
  io.out(PROGRESS.summary([['package', (performance.now() - started) / 1000]], (performance.now() - started) / 1000));
  return 0;
}
