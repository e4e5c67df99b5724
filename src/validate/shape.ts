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
    return { findings: capped(dedupe(result.error.issues.flatMap((issue) => describeIssue(issue, parsed, file))), file) };
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

const TYPE_NAMES: Record<string, string> = {
  number: '数字',
  int: '整数',
  string: '文字',
  object: '一组字段（键: 值）',
  array: '列表（以 - 开头的多项）',
  boolean: 'true 或 false',
};

function describeValue(v: unknown): string {
  if (v === null) return '空值';
  if (v === undefined) return '空（没有填写）';
  if (Array.isArray(v)) return '列表';
  if (typeof v === 'string') return `文字 "${v.length > 30 ? `${v.slice(0, 30)}…` : v}"`;
  if (typeof v === 'number') return `数字 ${v}`;
  if (typeof v === 'boolean') return `${v}`;
  if (typeof v === 'object') return '一组字段';
  return String(v);
}

/** Full-width digits and signs, as a Chinese input method types them, to their ASCII forms. */
export function halfWidth(v: string): string {
  return v
    .replace(/[\uff10-\uff19\uff0e\uff0d\uff0b\uff05]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/。/g, '.')
    .replace(/\u3000/g, ' ');
}

/**
 * Hints for the usual ways a figure gets typed as text: full-width digits, thousands separators,
 * a % or a unit after the number. The hint says exactly what to type; the file is never changed.
 */
function numberHint(v: unknown): string | undefined {
  if (typeof v !== 'string') return undefined;
  const half = halfWidth(v).trim();
  const wide = half !== v.trim() ? '用半角数字（英文输入法）' : '';
  const grouped = /^-?\d{1,3}(?:[,，]\d{3})+(?:\.\d+)?/.test(half.replace(/\s/g, ''));
  const bare = half.replace(/\s/g, '').replace(grouped ? /[,，]/g : /$^/, '');
  const m = /^(-?\d+(?:\.\d+)?)(%|万元|元|亿元|分|年|个)?$/.exec(bare);
  if (!m) return undefined;
  const parts = [wide, grouped ? '去掉千分位逗号' : ''];
  if (m[2] === '%') parts.push('不带 %（百分数只写数字）');
  else if (m[2]) parts.push(`不带“${m[2]}”（${m[2] === '年' || m[2] === '个' || m[2] === '分' ? '只写数字' : '金额单位写在 budget.unit'}）`);
  else if (!wide && !grouped && bare === half) parts.push('去掉引号');
  else if (!wide && !grouped) parts.push('去掉空格');
  return `${parts.filter(Boolean).join('，')}，写作 ${m[1]}。`;
}

/** Chinese words for enum values whose meaning is certain: the hint names the value to type. */
const ENUM_WORDS: Record<string, string> = {
  部门整体: 'department',
  部门整体支出: 'department',
  部门: 'department',
  项目支出: 'project',
  项目: 'project',
  项目支出绩效: 'project',
  优秀: '优',
  良好: '良',
  中等: '中',
  较差: '差',
  万: '万元',
  亿: '亿元',
  人民币元: '元',
};
const ENUM_GLOSS: Record<string, string> = { department: 'department（部门整体支出）', project: 'project（项目支出）' };

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
        return finding(
          'E_UNKNOWN_KEY',
          { file, line: parsed.keyLineOf(path, key), field },
          { parent: path.length ? label(path) : undefined, key, field, guess: closest(key, known), known },
        );
      });
    case 'invalid_type': {
      if (value === undefined) return at('E_REQUIRED', { name });
      if (path.length === 0) return [finding('E_TYPE', { ...where, line: 1 }, { name: '', expected: '', actual })];
      const expected = TYPE_NAMES[issue.expected] ?? issue.expected;
      const hint =
        issue.expected === 'number' || issue.expected === 'int'
          ? numberHint(value)
          : issue.expected === 'string' && typeof value === 'number'
            ? '给这个值加上引号，例如 "0123"，以免丢失前导零。'
            : undefined;
      return at('E_TYPE', { name, expected, actual, hint });
    }
    case 'too_small': {
      if (path.at(-1) === 'year') return at('E_YEAR', { name, value: String(value) });
      if (issue.origin === 'number' && Number(issue.minimum) === 0 && (issue.inclusive !== false || Number(value) < 0))
        return at('E_NEGATIVE', { name, value: String(value) });
      if (issue.origin === 'array' || issue.origin === 'string') return at('E_EMPTY_VALUE', { name, list: issue.origin === 'array' });
      return at('E_RANGE', { name, bound: issue.inclusive === false ? 'above' : 'min', limit: String(issue.minimum), value: String(value) });
    }
    case 'too_big': {
      if (path.at(-1) === 'year') return at('E_YEAR', { name, value: String(value) });
      return at('E_RANGE', { name, bound: 'max', limit: String(issue.maximum), value: String(value) });
    }
    case 'invalid_value': {
      const options = issue.values.map(String);
      const shown = options.map((o) => ENUM_GLOSS[o] ?? o);
      if (value === undefined) return at('E_REQUIRED', { name, options: shown });
      const word = typeof value === 'string' ? ENUM_WORDS[value.trim()] : undefined;
      if (word && options.includes(word))
        return at('E_ENUM', { name, options: shown, actual, said: { value: String(value).trim(), word, key: String(path.at(-1)) } });
      // Edit distance guesses typos of Latin words; between Chinese words it would guess at random.
      return at('E_ENUM', { name, options: shown, actual, guess: typeof value === 'string' && /[A-Za-z]/.test(value) ? closest(value, options) : undefined });
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

type ShapeCode =
  'E_UNKNOWN_KEY' | 'E_REQUIRED' | 'E_TYPE' | 'E_YEAR' | 'E_NEGATIVE' | 'E_EMPTY_VALUE' | 'E_RANGE' | 'E_ENUM' | 'E_FORMAT' | 'E_KIND' | 'E_INVALID';

function dedupe(fs: Finding[]): Finding[] {
  const seen = new Set<string>();
  return fs.filter((f) => {
    const k = `${f.code}|${f.field}|${f.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** At most MAX_SHAPE_FINDINGS findings a file: 100,000 unknown keys are one problem, not 100,000 lines. */
const MAX_SHAPE_FINDINGS = 50;
function capped(fs: Finding[], file: string): Finding[] {
  if (fs.length <= MAX_SHAPE_FINDINGS) return fs;
  return [...fs.slice(0, MAX_SHAPE_FINDINGS), finding('E_TOO_MANY', { file }, { more: fs.length - MAX_SHAPE_FINDINGS })];
}
