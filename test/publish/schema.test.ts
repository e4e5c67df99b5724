// The JSON Schema committed in schema/ (editors point report files at it) is the one the zod
// schema gives today, and `jixiao schema` prints exactly that.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { reportJsonSchema, reportJsonSchemaText } from '../../src/publish/json-schema.ts';
import { ROOT, runCli } from '../helpers/build-site.ts';

const committed = () => readFileSync(join(ROOT, 'schema/report.schema.json'), 'utf8');

describe('report JSON Schema', () => {
  it('schema/report.schema.json is up to date (regenerate: npx jixiao schema > schema/report.schema.json)', () => {
    expect(committed()).toBe(reportJsonSchemaText());
  });

  it('jixiao schema prints it', () => {
    const r = runCli(['schema']);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(committed());
  });

  it('names the recursive indicator definition and keeps the Chinese titles', () => {
    const s = reportJsonSchema() as { $defs: Record<string, { title: string }>; title: string };
    expect(Object.keys(s.$defs)).toEqual(['indicator']);
    expect(s.$defs.indicator!.title).toBe('指标');
    expect(s.title).toBe('绩效自评报告');
    expect(JSON.stringify(s)).not.toContain('__schema');
  });
});
