/** `jixiao preview [--dist DIR] [--base PATH] [--port N]`: the built site, served as the web server will. */
import { resolve } from 'node:path';
import { normalizeBase } from '../load/base.ts';
import { say, sentence } from '../errors/messages.ts';
import { parseArgs } from './args.ts';
import { optionsOf, portFrom } from './commands.ts';
import type { Io } from './io.ts';

export async function previewCommand(argv: string[], io: Io): Promise<number> {
  const { flags } = parseArgs(argv, optionsOf('preview'));
  const port = portFrom(flags.port, 4322);
  const { detectBase, startPreview } = await import('../preview/serve.ts');
  const dist = resolve(io.cwd, String(flags.dist ?? 'dist'));
  const detected = await detectBase(dist);
  if (detected === undefined) {
    io.err(`jixiao preview: ${sentence(say('PREVIEW_NO_SITE', { dist: String(flags.dist ?? 'dist') }))}`);
    return 1;
  }
  const base = normalizeBase((flags.base as string | undefined) ?? detected);
  let started;
  try {
    started = await startPreview({ dist, base, port });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      io.err(`jixiao preview: ${sentence(say('PREVIEW_PORT_TAKEN', { port }))}`);
      return 1;
    }
    throw err;
  }
  io.out(sentence(say('PREVIEW_SERVING', { dist: String(flags.dist ?? 'dist'), base, url: started.url })));
  await new Promise<void>((done) => {
    const stop = () => started.server.close(() => done());
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  return 0;
}
