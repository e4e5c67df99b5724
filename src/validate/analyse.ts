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
  const { parsed, repaired, findings } = parseYaml(text, file);
  if (!parsed) {
    // Slips rewritten in a working copy: the rest of the file is checked on it, so every error
    // is named in one run, but nothing of it is a report to publish or preview.
    if (!repaired) return { decimals: new Map(), findings };
    const shaped = shapeReport(repaired, file);
    const rest = [...checkTexts(repaired.data, file, repaired.lineOf), ...shaped.findings];
    if (shaped.report) rest.push(...auditReport({ report: shaped.report, file, lineOf: repaired.lineOf, decimals: repaired.decimals }));
    return { decimals: new Map(), findings: [...findings, ...rest] };
  }
  const texts = checkTexts(parsed.data, file, parsed.lineOf);
  const shaped = shapeReport(parsed, file);
  if (!shaped.report) return { decimals: parsed.decimals, findings: [...texts, ...shaped.findings] };
  const report = shaped.report;
  const audit = [...texts, ...auditReport({ report, file, lineOf: parsed.lineOf, decimals: parsed.decimals })];
  return { report, decimals: parsed.decimals, findings: audit, lineOf: parsed.lineOf };
}
