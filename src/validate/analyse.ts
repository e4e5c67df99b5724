/**
 * What a report file's text alone decides: parse, shape, audit. Pure, so that it can run in a
 * worker thread (analyse-parallel.ts) and be remembered between runs (src/build/report-memo.ts).
 */
import { auditReport } from '../audit/index.ts';
import type { Finding } from '../findings.ts';
import type { Report } from '../schema/index.ts';
import { parseYaml } from './parse-yaml.ts';
import { shapeReport } from './shape.ts';
import { checkTexts } from './text-checks.ts';

export interface Analysis {
  report?: Report;
  /** Decimal places as written, by dotted field path. */
  decimals: Map<string, number>;
  findings: Finding[];
}

/** 1-based line of a field in the data file. */
export type LineOf = (path: readonly PropertyKey[]) => number | undefined;

export function analyse(text: string, file: string): Analysis & { lineOf?: LineOf } {
  const { parsed, findings } = parseYaml(text, file);
  if (!parsed) return { decimals: new Map(), findings };
  const texts = checkTexts(parsed.data, file, parsed.lineOf);
  const shaped = shapeReport(parsed, file);
  if (!shaped.report) return { decimals: parsed.decimals, findings: [...texts, ...shaped.findings] };
  const report = shaped.report;
  const audit = [...texts, ...auditReport({ report, file, lineOf: parsed.lineOf, decimals: parsed.decimals })];
  return { report, decimals: parsed.decimals, findings: audit, lineOf: parsed.lineOf };
}
