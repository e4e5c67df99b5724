/**
 * The JSON Schema of a report data file, derived from the zod schema (the single truth).
 * Input mode: fields with defaults (budget.unit, score.max) are optional, so the same schema
 * checks a hand-written YAML file in an editor and the `report` member of the published JSON.
 */
import { z } from 'zod';
import { ReportSchema } from '../schema/index.ts';

type Json = Record<string, unknown>;

/** Names of zod string formats that are ours (src/errors/formats.ts), not JSON Schema formats. */
const OWN_FORMATS = new Set(['slug', 'relpath', 'base', 'warning-code']);

export function reportJsonSchema(): Json {
  return z.toJSONSchema(ReportSchema, {
    io: 'input',
    // The recursive indicator tree is a definition named by its registered id (#/$defs/indicator).
    cycles: 'ref',
    // Our own formats only name the message a wrong value gets; their pattern is the JSON Schema check.
    override: ({ jsonSchema }) => {
      if (typeof jsonSchema.format === 'string' && OWN_FORMATS.has(jsonSchema.format)) delete jsonSchema.format;
    },
  }) as Json;
}

/** The schema as published and committed: two-space JSON with a final newline. */
export const reportJsonSchemaText = () => `${JSON.stringify(reportJsonSchema(), null, 2)}\n`;
