/**
 * Shape stage: plain data → a typed Report, or findings that say in plain Chinese which field
 * is wrong, on which line, and what to write instead. Zod's raw issues never reach staff.
 */
import type { z } from 'zod';
import type { ParamsOf } from '../errors/catalogue.ts';
import { isFormatName } from '../errors/formats.ts';
import { closest, finding, findingWith, formatPath, type Finding } from '../findings.ts';
import { fieldTitle, knownKeys, ReportSchema, type Report } from '../schema/index.ts';
import type { Parsed } from './parse-yaml.ts';

export function shapeReport(parsed: Parsed, file: string): { report?: Report; findings: Finding[] } {
  const { value, findings } = shapeWith(ReportSchema, parsed, file);
  return value ? { report: value, findings } : { findings };
}

/** Checks parsed data against any of our schemas (reports, site settings) with the same messages. */
export function shapeWith<S extends z.ZodType>(schema: S, parsed: Parsed, file: string): { value?: z.output<S>; findings: Finding[] } {
  const result = schema.safeParse(parsed.data);
  if (result.success) return { value: result.data, findings: [] };
  root = schema;
  try {
    return { findings: dedupe(result.error.issues.flatMap((issue) => describeIssue(issue, parsed, file))) };
  } finally {
    root = ReportSchema;
  }
}

/** The schema being described, for field titles and known keys. */
let root: z.ZodType = ReportSchema;

function label(path: readonly PropertyKey[]): string {
  const dotted = formatPath(path);
  const title = fieldTitle(path, root);
  if (!dotted) return root === ReportSchema ? '报告' : '文件';
  return title ? `${dotted}（${title}）` : dotted;
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let cur = data;
  for (const seg of path) cur = cur == null ? undefined : (cur as Record<PropertyKey, unknown>)[seg];
  return cur;
}

const TYPE_NAMES: Record<string, string> = { number: '数字', int: '整数', string: '文字', object: '一组字段（键: 值）', array: '列表（以 - 开头的多项）', boolean: 'true 或 false' };

function describeValue(v: unknown): string {
  if (v === null) return '空值';
  if (Array.isArray(v)) return '列表';
  if (typeof v === 'string') return `文字 "${v.length > 30 ? `${v.slice(0, 30)}…` : v}"`;
  if (typeof v === 'number') return `数字 ${v}`;
  if (typeof v === 'boolean') return `${v}`;
  if (typeof v === 'object') return '一组字段';
  return String(v);
}

/** Hints for the usual ways a figure gets typed as text. */
function numberHint(v: unknown): string | undefined {
  if (typeof v !== 'string') return undefined;
  const bare = v.replace(/[,，\s]/g, '');
  const m = /^(-?\d+(?:\.\d+)?)(%|％|万元|元|亿元|分)?$/.exec(bare);
  if (!m) return undefined;
  if (m[2] === '%' || m[2] === '％') return `百分数只写数字，写作 ${m[1]}（不带 %）。`;
  if (m[2]) return `只写数字 ${m[1]}；单位写在 budget.unit 或 unit 字段。`;
  if (bare !== v) return `去掉千分位逗号和空格，写作 ${m[1]}。`;
  return `去掉引号，写作 ${m[1]}。`;
}

function describeIssue(issue: z.core.$ZodIssue, parsed: Parsed, file: string): Finding[] {
  const path = issue.path as PropertyKey[];
  const where = { file, line: parsed.lineOf(path), field: formatPath(path) || undefined };
  const at = <C extends ShapeCode>(code: C, params: ParamsOf<C>) => [findingWith(code, where, params)];
  const value = valueAt(parsed.data, path);
  const name = label(path);
  const actual = describeValue(value);

  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((key) => {
        const known = knownKeys(path, root);
        const field = formatPath([...path, key]);
        return finding('E_UNKNOWN_KEY', { file, line: parsed.keyLineOf(path, key), field },
          { parent: path.length ? label(path) : undefined, key, field, guess: closest(key, known), known });
      });
    case 'invalid_type': {
      if (value === undefined) return at('E_REQUIRED', { name });
      if (path.length === 0) return [finding('E_TYPE', { ...where, line: 1 }, { name: '', expected: '', actual })];
      const expected = TYPE_NAMES[issue.expected] ?? issue.expected;
      const hint = issue.expected === 'number' || issue.expected === 'int' ? numberHint(value) : issue.expected === 'string' && typeof value === 'number' ? '给这个值加上引号，例如 "0123"，以免丢失前导零。' : undefined;
      return at('E_TYPE', { name, expected, actual, hint });
    }
    case 'too_small': {
      if (path.at(-1) === 'year') return at('E_YEAR', { name, value: String(value) });
      if (issue.origin === 'number' && Number(issue.minimum) === 0 && (issue.inclusive !== false || Number(value) < 0)) return at('E_NEGATIVE', { name, value: String(value) });
      if (issue.origin === 'array' || issue.origin === 'string') return at('E_EMPTY_VALUE', { name, list: issue.origin === 'array' });
      return at('E_RANGE', { name, bound: issue.inclusive === false ? 'above' : 'min', limit: String(issue.minimum), value: String(value) });
    }
    case 'too_big': {
      if (path.at(-1) === 'year') return at('E_YEAR', { name, value: String(value) });
      return at('E_RANGE', { name, bound: 'max', limit: String(issue.maximum), value: String(value) });
    }
    case 'invalid_value': {
      const options = issue.values.map(String);
      return at('E_ENUM', { name, options, actual, guess: typeof value === 'string' ? closest(value, options) : undefined });
    }
    case 'invalid_format':
      // Our own formats are named in the schema (z.stringFormat('slug', …) …); zod's url is 'url'.
      return at('E_FORMAT', { name, format: isFormatName(issue.format) ? issue.format : 'other', actual });
    case 'custom': {
      // Rules across fields say which catalogued finding they stand for in their issue params.
      const rule = (issue.params as { rule?: string } | undefined)?.rule;
      if (rule === 'project-required') return at('E_REQUIRED', { name, projectReport: true });
      if (rule === 'project-on-department') return at('E_KIND', undefined);
      return at('E_INVALID', { name, detail: issue.message });
    }
    case 'invalid_union':
      return at('E_TYPE', { name, expected: '文字或数字', actual });
    default:
      return at('E_INVALID', { name, detail: issue.message });
  }
}

type ShapeCode = 'E_UNKNOWN_KEY' | 'E_REQUIRED' | 'E_TYPE' | 'E_YEAR' | 'E_NEGATIVE' | 'E_EMPTY_VALUE' | 'E_RANGE' | 'E_ENUM' | 'E_FORMAT' | 'E_KIND' | 'E_INVALID';

function dedupe(fs: Finding[]): Finding[] {
  const seen = new Set<string>();
  return fs.filter((f) => { const k = `${f.code}|${f.field}|${f.message}`; if (seen.has(k)) return false; seen.add(k); return true; });
}
