/**
 * Command-line options with node:util's parseArgs (strict: unknown options and missing values
 * are errors), its errors turned into the catalogue's sentences: `--flag`, `--key value`,
 * `--key=value`, positionals.
 */
import { parseArgs as parseNodeArgs } from 'node:util';
import { say, UserError, type Said } from '../errors/user-error.ts';

export interface ParsedArgs {
  flags: Record<string, string | boolean>;
  positionals: string[];
}

/** A command line that cannot be run: the CLI prints the command's help after it (exit 2). */
export class UsageError extends UserError {}

export function parseArgs(argv: string[], spec: { booleans: string[]; strings: string[] }): ParsedArgs {
  const options = Object.fromEntries([
    ...spec.booleans.map((name) => [name, { type: 'boolean' as const }]),
    ...spec.strings.map((name) => [name, { type: 'string' as const }]),
  ]);
  try {
    const { values, positionals } = parseNodeArgs({ args: argv, options, strict: true, allowPositionals: true });
    return { flags: values as Record<string, string | boolean>, positionals };
  } catch (err) {
    throw new UsageError(usageMessage(err as NodeJS.ErrnoException, argv, spec));
  }
}

/** node's parse errors name the option in English; say which one, and what is wrong, in Chinese. */
function usageMessage(err: NodeJS.ErrnoException, argv: string[], spec: { booleans: string[]; strings: string[] }): Said {
  const named = (arg: string) => arg.replace(/^-+/, '').split('=')[0]!;
  const options = argv.filter((a) => a.startsWith('-') && a !== '-');
  const unknown = options.find((a) => ![...spec.booleans, ...spec.strings].includes(named(a)));
  if (err.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && unknown) return say('OPTION_UNKNOWN', { option: unknown.split('=')[0]! });
  if (err.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    const flag = options.find((a) => spec.booleans.includes(named(a)) && a.includes('='));
    if (flag) return say('OPTION_TAKES_NO_VALUE', { name: named(flag) });
    const missing = options.find((a) => spec.strings.includes(named(a)) && !a.includes('=') && (argv[argv.indexOf(a) + 1] ?? '-').startsWith('-'));
    return say('OPTION_NEEDS_VALUE', { name: missing ? named(missing) : '?' });
  }
  return say('OPTION_INVALID', { detail: err.message });
}
