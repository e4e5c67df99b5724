/**
 * `jixiao dev [--content DIR] [--config FILE] [--base PATH] [--port N]`: a local preview on
 * 127.0.0.1 that follows every save. Runs until Ctrl+C.
 */
import { say, sentence } from '../errors/messages.ts';
import { parseArgs } from './args.ts';
import { optionsOf, portFrom } from './commands.ts';
import type { Io } from './io.ts';

export async function devCommand(argv: string[], io: Io): Promise<number> {
  const { flags } = parseArgs(argv, optionsOf('dev'));
  const port = portFrom(flags.port, 4321);
  const { startDev } = await import('../dev/server.ts');
  // The address first, as soon as the server listens; the findings of the content follow.
  const server = await startDev({
    contentDir: String(flags.content ?? 'content'),
    settingsFile: flags.config as string | undefined,
    base: flags.base as string | undefined,
    port,
    cwd: io.cwd,
    log: io.out,
    onAddress: (url) => io.out(sentence(say('DEV_ADDRESS', { url }))),
  }).catch((err: unknown) => {
    // A start that failed (the port taken) leaves Astro's watchers holding the process open:
    // end it once the message is out, with the exit code the CLI sets.
    setTimeout(() => process.exit(), 200).unref();
    throw err;
  });
  await new Promise<void>((done) => {
    const stop = () => {
      void server.stop().finally(done);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  return 0;
}
