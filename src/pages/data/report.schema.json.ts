// data/report.schema.json: the JSON Schema of a report data file, from the zod schema.
import { reportJsonSchemaText } from '../../publish/json-schema.ts';

export function GET() {
  return new Response(reportJsonSchemaText(), { headers: { 'content-type': 'application/schema+json; charset=utf-8' } });
}
