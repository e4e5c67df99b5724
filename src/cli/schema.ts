/** `jixiao schema`: print the JSON Schema of a report data file (for editors and auditors). */
import { z } from 'zod';
import { ReportSchema } from '../schema/index.ts';
import type { Io } from './io.ts';

export async function schemaCommand(_argv: string[], io: Io): Promise<number> {
  io.out(JSON.stringify(z.toJSONSchema(ReportSchema, { io: 'input' }), null, 2));
  return 0;
}
