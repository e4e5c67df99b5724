/**
 * The `jixiao` command: a thin layer over the library. Commands load lazily; a user error
 * prints a sentence and exits non-zero, never a stack trace. The commands, their options and
 * the help are data (commands.ts).
 */
import { say, sentence, UserError } from '../errors/user-error.ts';
import { UsageError } from './args.ts';
import { commandHelp, HELP } from './commands.ts';
import { processIo, type Io } from './io.ts';

type Command = (argv: string[], io: Io) => Promise<number>;

/** Each command of commands.ts, loaded when it is run. */
export const LOADERS: Record<string, () => Promise<Command>> = {
  validate: async () => (await import('./validate.ts')).validateCommand,
  build: async () => (await import('./build.ts')).buildCommand,
  new: async () => (await import('./new.ts')).newCommand,
  schema: async () => (await import('./schema.ts')).schemaCommand,
  import: async () => (await import('./import.ts')).importCommand,
  package: async () => (await import('./package.ts')).packageCommand,
  dev: async () => (await import('./dev.ts')).devCommand,
  preview: async () => (await import('./preview.ts')).previewCommand,
};

export async function main(argv: string[], io: Io = processIo()): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    io.out(HELP);
    return 0;
  }
  const load = LOADERS[name];
  if (!load) {
    io.err(`jixiao: ${sentence(say('NO_COMMAND', { name }))}\n\n${HELP}`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(commandHelp(name));
    return 0;
  }
  try {
    return await (
      await load()
    )(rest, io);
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(`jixiao ${name}: ${err.message}\n\n${commandHelp(name)}`);
      return 2;
    }
    if (err instanceof UserError) {
      io.err(`jixiao ${name}: ${err.message}`);
      return 1;
    }
    io.err(`jixiao ${name}: ${sentence(say('INTERNAL_ERROR', { stack: (err as Error).stack ?? String(err) }))}`);
    return 70;
  }
}
