/**
 * Findings: what the validator says about a file. Errors stop the build; warnings are
 * inconsistencies inside an official document, shown to staff and never "fixed".
 * One line each, grep-friendly: `path:line: 错误: message [CODE]`.
 */
import { describeCode, FINDING_LINE, type Code, type ParamsOf, type Severity } from './errors/catalogue.ts';

export type { Code, Severity } from './errors/catalogue.ts';

export interface Finding {
  severity: Severity;
  /** Stable code from the catalogue (src/errors/catalogue.ts), e.g. E_UNKNOWN_KEY or W_RATE_MISMATCH. */
  code: Code;
  /** File path as given to the validator (relative to the working directory). */
  file: string;
  /** 1-based line, when known. */
  line?: number | undefined;
  /** Dotted field path, e.g. budget.executionRate or score.indicators[0].children[1].score */
  field?: string | undefined;
  /** What happened, in plain Chinese. */
  message: string;
  /** What to do next. */
  hint?: string | undefined;
  /** The figures compared (warnings). */
  figures?: Record<string, number | string> | undefined;
  /** Set when a report acknowledges this warning. */
  acknowledged?: string | undefined;
}

/** Where a finding is, and for warnings the figures compared. */
export interface Where {
  file: string;
  line?: number | undefined;
  field?: string | undefined;
  figures?: Record<string, number | string> | undefined;
}

/**
 * A finding of a catalogued code: its severity, message and hint come from the catalogue.
 * `finding('E_ATTACHMENT_MISSING', { file, line, field }, { file: 'a.pdf' })`
 */
export function finding<C extends Code>(code: C, where: Where, ...params: [ParamsOf<C>] extends [void] ? [] : [ParamsOf<C>]): Finding {
  return findingWith(code, where, params[0] as ParamsOf<C>);
}

/** `finding` for helpers generic over a set of codes (the parameters always passed). */
export function findingWith<C extends Code>(code: C, where: Where, params: ParamsOf<C>): Finding {
  const d = describeCode(code, params);
  return {
    severity: d.severity,
    code,
    file: where.file,
    line: where.line,
    field: where.field,
    message: d.message,
    hint: d.hint,
    ...(where.figures && { figures: where.figures }),
  };
}

/** Formats a dotted path: ['score','indicators',0,'name'] → score.indicators[0].name */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const seg of path) out += typeof seg === 'number' ? `[${seg}]` : out ? `.${String(seg)}` : String(seg);
  return out;
}

/** Parses a dotted path: score.indicators[0].name → ['score','indicators',0,'name'] (formatPath's inverse). */
export function parsePath(field: string): (string | number)[] {
  return field.split(/\.|(?=\[)/).map((seg) => (seg.startsWith('[') ? Number(seg.slice(1, -1)) : seg));
}

export function formatFinding(f: Finding): string {
  const where = f.line ? `${f.file}:${f.line}` : f.file;
  const ack = f.acknowledged ? FINDING_LINE.acknowledged(f.acknowledged) : '';
  const hint = f.hint && !f.acknowledged ? FINDING_LINE.hint(f.hint) : '';
  // Every line names its field; messages that already do (most shape errors) are left as they are.
  const field = f.field && !f.message.includes(f.field) ? FINDING_LINE.field(f.field) : '';
  return `${oneLine(where, 300)}: ${FINDING_LINE.severity[f.severity]}: ${oneLine(`${field}${f.message}${ack}${hint}`, 1000)} [${f.code}]`;
}

/** A finding stays one line of bounded length, whatever a file name or a value holds: control characters escaped (\n, \u001b). */
function oneLine(s: string, max: number): string {
  const flat = s.replace(/[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u2028\u2029]/g, (c) =>
    c === '\n' ? '\\n' : c === '\r' ? '\\r' : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  return flat.length > max ? `${flat.slice(0, max)}${FINDING_LINE.cut}` : flat;
}

export const errorsOf = (fs: readonly Finding[]) => fs.filter((f) => f.severity === 'error');
export const warningsOf = (fs: readonly Finding[]) => fs.filter((f) => f.severity === 'warning');

/** Numbers in messages: 28,239.16 (the one formatter, src/number-format.ts). */
export { formatNumber as num } from './number-format.ts';

/** Closest candidate by edit distance, for "did you mean". */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  for (const c of candidates) {
    const d = editDistance(word.toLowerCase(), c.toLowerCase());
    if (d < bestD) [best, bestD] = [c, d];
  }
  return best !== undefined && bestD <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length]!;
}
