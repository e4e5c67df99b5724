/**
 * The JSON Schema of a report data file, derived from the zod schema (the single truth).
 * Input mode: fields with defaults (budget.unit, score.max) are optional, so the same schema
 * checks a hand-written YAML file in an editor and the `report` member of the published JSON.
 */
import { z } from 'zod';
import { ReportSchema } from '../schema/index.ts';

type Json = Record<string, unknown>;

export function reportJsonSchema(): Json {
  const schema = z.toJSONSchema(ReportSchema, { io: 'input' }) as Json;
  // zod names the recursive indicator definition __schema0: give it a readable name.
  const defs = (schema.$defs ?? {}) as Record<string, Json>;
  let text = JSON.stringify(schema);
  for (const [key, def] of Object.entries(defs)) {
    if (!key.startsWith('__schema') || !(def.properties as Json | undefined)?.children) continue;
    text = text.replaceAll(`"#/$defs/${key}"`, '"#/$defs/indicator"').replace(`"${key}":{`, '"indicator":{"title":"指标",');
  }
  return JSON.parse(text) as Json;
}

/** The schema as published and committed: two-space JSON with a final newline. */
export const reportJsonSchemaText = () => `${JSON.stringify(reportJsonSchema(), null, 2)}\n`;
