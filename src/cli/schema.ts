/** `jixiao schema`: print the JSON Schema of a report data file (for editors and auditors). */
import { parseArgs } from './args.ts';
import { optionsOf } from './commands.ts';
import type { Io } from './io.ts';

export async function schemaCommand(argv: string[], io: Io): Promise<number> {
  parseArgs(argv, optionsOf('schema'));
  const { reportJsonSchemaText } = await import('../publish/json-schema.ts');
  io.out(reportJsonSchemaText().trimEnd());
  return 0;
}
