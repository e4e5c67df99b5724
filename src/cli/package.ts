/** `jixiao package [--dist DIR] [--out DIR] [--force]`: the built site as .tar.gz, .zip and SHA256SUMS. */
import { join, resolve } from 'node:path';
import { displayPath } from '../build/folders.ts';
import { say, sentence } from '../errors/messages.ts';
import { parseArgs } from './args.ts';
import { optionsOf } from './commands.ts';
import type { Io } from './io.ts';

export async function packageCommand(argv: string[], io: Io): Promise<number> {
  const { flags } = parseArgs(argv, optionsOf('package'));
  const { packageSite } = await import('../publish/package.ts');
  const r = await packageSite({
    distDir: resolve(io.cwd, String(flags.dist ?? 'dist')),
    outDir: flags.out ? resolve(io.cwd, String(flags.out)) : undefined,
    force: Boolean(flags.force),
    cwd: io.cwd,
  });
  const shown = (p: string) => displayPath(io.cwd, p);
  const outDir = shown(r.outDir);
  for (const f of r.files) io.out(sentence(say('PACKAGE_FILE', { path: shown(f.path), size: f.size, sha256: f.sha256 })));
  io.out(sentence(say('PACKAGE_SUMS', { path: join(outDir, 'SHA256SUMS') })));
  io.out(sentence(say('PACKAGE_DONE', { name: r.name, out: outDir })));
  return 0;
}
