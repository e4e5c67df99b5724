import { UserError } from '../errors/user-error.ts';

/** A tiny argument parser: `--flag`, `--key value`, `--key=value`, positionals. Unknown flags are errors. */
export interface ParsedArgs {
  flags: Record<string, string | boolean>;
  positionals: string[];
}

export class UsageError extends UserError {}

export function parseArgs(argv: string[], spec: { booleans: string[]; strings: string[] }): ParsedArgs {
  const flags: Record<string, string | boolean> = {};
  const positionals: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--')) { positionals.push(arg); continue; }
    const [name, inline] = arg.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
    if (spec.booleans.includes(name)) flags[name] = true;
    else if (spec.strings.includes(name)) {
      const value = inline ?? argv[++i];
      if (value === undefined || value.startsWith('--')) throw new UsageError(`选项 --${name} 需要一个值。`);
      flags[name] = value;
    } else throw new UsageError(`不认识的选项 --${name}。`);
  }
  return { flags, positionals };
}
