/**
 * Shape stage: plain data → a typed Report, or findings that say in plain Chinese which field
 * is wrong, on which line, and what to write instead. Zod's raw issues never reach staff.
 */
import type { z } from 'zod';
import { closest, formatPath, type Finding } from '../findings.ts';
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

const TYPE_NAMES: Record<string, string> = { number: '数字', int: '整数', string: '文字', object: '一组字段（键: 值）', array: '列表（以 - 开头的多项）', boolean: 'true 或 false' };

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
  return v.replace(/[\uff10-\uff19\uff0e\uff0d\uff0b\uff05]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/。/g, '.').replace(/\u3000/g, ' ');
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
  部门整体: 'department', 部门整体支出: 'department', 部门: 'department',
  项目支出: 'project', 项目: 'project', 项目支出绩效: 'project',
  优秀: '优', 良好: '良', 中等: '中', 较差: '差',
  万: '万元', 亿: '亿元', 人民币元: '元',
};
const ENUM_GLOSS: Record<string, string> = { department: 'department（部门整体支出）', project: 'project（项目支出）' };

function describeIssue(issue: z.core.$ZodIssue, parsed: Parsed, file: string): Finding[] {
  const path = issue.path as PropertyKey[];
  const at = (code: string, message: string, hint?: string, line = parsed.lineOf(path)): Finding => ({
    severity: 'error', code, file, line, field: formatPath(path) || undefined, message, hint,
  });
  const value = valueAt(parsed.data, path);
  const name = label(path);

  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((key) => {
        const known = knownKeys(path, root);
        const guess = closest(key, known);
        const field = formatPath([...path, key]);
        return {
          severity: 'error' as const, code: 'E_UNKNOWN_KEY', file, line: parsed.keyLineOf(path, key), field,
          message: path.length ? `${label(path)} 下没有字段 ${key}（${field}）。` : `顶层没有字段 ${key}。`,
          hint: guess ? `是不是要写 ${guess}？` : `可用的字段：${known.join('、')}。`,
        };
      });
    case 'invalid_type': {
      if (value === undefined) return [at('E_REQUIRED', `缺少必填字段 ${name}。`, '参照 templates/report.yaml 补上。')];
      if (path.length === 0) return [at('E_TYPE', `报告文件的顶层应是一组字段（键: 值），实际是${describeValue(value)}。`, '参照 templates/report.yaml。', 1)];
      const expected = TYPE_NAMES[issue.expected] ?? issue.expected;
      const hint = issue.expected === 'number' || issue.expected === 'int' ? numberHint(value) : issue.expected === 'string' && typeof value === 'number' ? '给这个值加上引号，例如 "0123"，以免丢失前导零。' : undefined;
      return [at('E_TYPE', `${name} 应为${expected}，实际是${describeValue(value)}。`, hint)];
    }
    case 'too_small': {
      if (path.at(-1) === 'year') return [at('E_YEAR', `${name} ${String(value)} 不是合理的年度。`, '写四位数的财政年度，如 2022。')];
      if (issue.origin === 'number' && Number(issue.minimum) === 0 && (issue.inclusive !== false || Number(value) < 0)) return [at('E_NEGATIVE', `${name} 不能为负数，实际是 ${String(value)}。`, '金额、分值和比率都不为负；下降的增长率写在 change 字段。')];
      if (issue.origin === 'array') return [at('E_EMPTY_VALUE', `${name} 是空列表。`, '没有内容就删除这个字段。')];
      if (issue.origin === 'string') return [at('E_EMPTY_VALUE', `${name} 是空的。`, '没有内容就删除这个字段。')];
      return [at('E_RANGE', `${name} 太小（${issue.inclusive === false ? '应大于' : '至少'} ${String(issue.minimum)}），实际是 ${String(value)}。`)];
    }
    case 'too_big': {
      if (path.at(-1) === 'year') return [at('E_YEAR', `${name} ${String(value)} 不是合理的年度。`, '写四位数的财政年度，如 2022。')];
      return [at('E_RANGE', `${name} 太大（至多 ${String(issue.maximum)}），实际是 ${String(value)}。`)];
    }
    case 'invalid_value': {
      const options = issue.values.map(String);
      if (value === undefined) return [at('E_REQUIRED', `缺少必填字段 ${name}，应为 ${options.map((o) => ENUM_GLOSS[o] ?? o).join('、')} 之一。`, '参照 templates/report.yaml 补上。')];
      const word = typeof value === 'string' ? ENUM_WORDS[value.trim()] : undefined;
      const key = String(path.at(-1));
      if (word && options.includes(word))
        return [at('E_ENUM', `${name} 应为 ${options.map((o) => ENUM_GLOSS[o] ?? o).join('、')} 之一，实际是${describeValue(value)}。`, `“${String(value).trim()}”即 ${word}，写作 ${key}: ${word}。`)];
      // Edit distance guesses typos of Latin words; between Chinese words it would guess at random.
      const guess = typeof value === 'string' && /[A-Za-z]/.test(value) ? closest(value, options) : undefined;
      return [at('E_ENUM', `${name} 应为 ${options.map((o) => ENUM_GLOSS[o] ?? o).join('、')} 之一，实际是${describeValue(value)}。`, guess ? `是不是要写 ${guess}？` : undefined)];
    }
    case 'invalid_format':
      if (issue.format === 'url') return [at('E_FORMAT', `${name} 应是以 http:// 或 https:// 开头的完整网址，实际是${describeValue(value)}。`, '例如 https://www.example.gov.cn/xxgk/jxzp/。')];
      return [formatIssue(issue.message, at, name, value)];
    case 'custom':
      return [formatIssue(issue.message, at, name, value)];
    case 'invalid_union':
      return [at('E_TYPE', `${name} 应为文字或数字，实际是${describeValue(value)}。`)];
    default:
      return [at('E_INVALID', `${name} 的值不正确：${issue.message}`)];
  }
}

type At = (code: string, message: string, hint?: string) => Finding;

function formatIssue(message: string, at: At, name: string, value: unknown): Finding {
  switch (message) {
    case 'slug': return at('E_FORMAT', `${name} 只能用小写字母、数字和连字符，实际是${describeValue(value)}。`, '例如 haizhu-kgsxj（部门名称拼音缩写）；它出现在网址中，各年度保持不变。');
    case 'date': return at('E_FORMAT', `${name} 不是有效日期：${describeValue(value)}。`, '写作 YYYY-MM-DD，如 2023-06-30。');
    case 'relpath': return at('E_FORMAT', `${name} 应是相对于报告文件的路径，实际是${describeValue(value)}。`, '把附件放在报告文件旁边，只写文件名。');
    case 'base': return at('E_FORMAT', `${name} 应是以斜杠开头和结尾的路径，实际是${describeValue(value)}。`, '例如 /xxgk/jxzp/；放在网站根目录时删除这一项。');
    case 'code': return at('E_FORMAT', `${name} 应是核验提示代码（如 W_RATE_MISMATCH），实际是${describeValue(value)}。`, '运行 npx jixiao validate 查看提示代码。');
    case 'E_PROJECT_REQUIRED': return at('E_REQUIRED', '项目支出报告（kind: project）缺少 project（项目）字段。', '写明 project.id 和 project.name。');
    case 'E_PROJECT_ON_DEPARTMENT': return at('E_KIND', '部门整体报告（kind: department）不应有 project 字段。', '如果这是项目支出报告，把 kind 改为 project。');
    default: return at('E_FORMAT', `${name} 格式不正确：${describeValue(value)}。`);
  }
}

function dedupe(fs: Finding[]): Finding[] {
  const seen = new Set<string>();
  return fs.filter((f) => { const k = `${f.code}|${f.field}|${f.message}`; if (seen.has(k)) return false; seen.add(k); return true; });
}

/** At most MAX_SHAPE_FINDINGS findings a file: 100,000 unknown keys are one problem, not 100,000 lines. */
const MAX_SHAPE_FINDINGS = 50;
function capped(fs: Finding[], file: string): Finding[] {
  if (fs.length <= MAX_SHAPE_FINDINGS) return fs;
  return [...fs.slice(0, MAX_SHAPE_FINDINGS), { severity: 'error', code: 'E_TOO_MANY', file, message: `还有 ${fs.length - MAX_SHAPE_FINDINGS} 个错误未列出。`, hint: '先改正上面列出的错误，再运行一次。' }];
}
