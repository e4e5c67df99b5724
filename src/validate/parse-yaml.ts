/**
 * Parse stage: text → plain data, with a way back from a field path to its line.
 * Refuses what YAML allows but a report must not contain: syntax errors, duplicate keys,
 * custom tags, alias bombs, `__proto__` keys, several documents in one file.
 */
import { isAlias, isMap, type Alias, type Scalar, isPair, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Node } from 'yaml';
import { formatPath, type Finding } from '../findings.ts';
import { typingSlips } from './typing-slips.ts';
import { checkStructure, checkTokenCount, YAML_LIMITS } from './yaml-limits.ts';

export interface Parsed {
  data: unknown;
  /** 1-based line of the value at a path, or of the nearest ancestor that exists. */
  lineOf(path: readonly PropertyKey[]): number | undefined;
  /** 1-based line of a key inside the map at `path`. */
  keyLineOf(path: readonly PropertyKey[], key: string): number | undefined;
  /** Decimal places as written, for every number in the file (dotted path → digits): 98.0 → 1. */
  decimals: Map<string, number>;
}

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export function parseYaml(text: string, file: string): { parsed?: Parsed; findings: Finding[] } {
  // A full-width colon or space breaks YAML in ways its own message cannot explain: say what to type.
  const slips = typingSlips(text, file);
  if (slips.length) return { findings: slips };
  const lc = new LineCounter();
  const findings: Finding[] = [];
  const err = (code: string, line: number | undefined, message: string, hint?: string, field?: string) =>
    findings.push({ severity: 'error', code, file, line, field, message, hint });

  if (!checkTokenCount(text, err)) return { findings };
  // Duplicate keys are found by checkStructure (a Set per map); the library's check is quadratic.
  let doc: Document;
  try {
    doc = parseDocument(text, { lineCounter: lc, prettyErrors: false, uniqueKeys: false, schema: 'core', version: '1.2', logLevel: 'error' });
  } catch {
    err('E_LIMIT_DEPTH', undefined, 'YAML 结构嵌套过深，无法解析，文件可能是恶意构造的。', '报告数据文件不需要这么深的嵌套；检查缩进和括号是否成对。');
    return { findings };
  }
  const lineAt = (offset: number | undefined) => (offset === undefined ? undefined : lc.linePos(offset).line);

  const seenLines = new Set<number | undefined>();
  for (const e of doc.errors) {
    const line = lineAt(e.pos[0]);
    if (findings.length >= YAML_LIMITS.findings) break;
    if (seenLines.has(line)) continue; // one syntax error per line is enough; the rest follow from it
    else if (e.code === 'MULTIPLE_DOCS' || /multiple documents/i.test(e.message)) err('E_YAML_SYNTAX', line, '一个文件只能有一份报告（发现了多个 `---` 分隔的文档）。', '每份报告单独存为一个文件。');
    else if (e.code === 'MISSING_CHAR' && /quote/i.test(e.message)) {
      // The parser notices at the end of the file; staff need the line where the quote opens.
      const open = unclosedQuote(doc, e.pos[0]);
      err('E_YAML_SYNTAX', lineAt(open?.node.range?.[0]) ?? line, 'YAML 格式错误：引号没有闭合，之后的内容都被当成了这段文字。', '在这段文字末尾补上配对的引号；文字本身含引号时，用另一种引号（" 或 \'）把它括起来。', open && (formatPath(open.path) || undefined));
    } else if (e.code === 'RESOURCE_EXHAUSTION') err('E_YAML_SYNTAX', line, 'YAML 格式错误：括号嵌套层级过深，文件可能是恶意构造的。', '报告数据文件不需要这么深的嵌套；检查括号是否成对。');
    else err('E_YAML_SYNTAX', line, `YAML 格式错误：${describeYamlError(e.code, e.message)}`, '检查这一行及上一行的缩进、冒号和引号；冒号后要有空格，含冒号的文字要加引号。');
    seenLines.add(line);
  }
  for (const w of doc.warnings) {
    // Unknown tags keep their tag on the node; the visit below names them with their field.
    if (w.code !== 'TAG_RESOLVE_FAILED') err('E_YAML_SYNTAX', lineAt(w.pos[0]), `YAML 格式问题：${w.message.split('\n')[0]}`);
  }
  if (findings.length) return { findings };
  checkStructure(doc, lineAt, err);
  if (findings.length) return { findings };

  // Tags other than the plain core ones, and keys that would touch Object.prototype.
  visit(doc, {
    Node(_key, node, ancestors) {
      const tag = (node as { tag?: string }).tag;
      // Only tags that change nothing: !!float 1 or !!int "3" would turn text into a number unseen.
      if (tag && !SAFE_TAGS.has(tag))
        err('E_YAML_TAG', lineAt(node.range?.[0]), `使用了不支持的 YAML 标签 ${tag.startsWith(CORE_TAG) ? `!!${tag.slice(CORE_TAG.length)}` : tag}。`, '删除标签，直接写文字或数字。', formatPath(dataPath(ancestors, node)) || undefined);
    },
    Pair(_key, pair, ancestors) {
      const k = isScalar(pair.key) ? pair.key.value : undefined;
      if (typeof k === 'string' && FORBIDDEN_KEYS.has(k))
        err('E_FORBIDDEN_KEY', lineAt((pair.key as Node).range?.[0]), `字段名 ${k} 不允许使用。`, '删除这个字段。', formatPath(dataPath(ancestors, pair)));
    },
  });
  if (findings.length) return { findings };

  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    if (!/alias/i.test(String(e))) {
      err('E_YAML_SYNTAX', undefined, `YAML 无法解析：${String(e)}`);
      return { findings };
    }
    const first = firstAlias(doc);
    err('E_YAML_ALIAS', lineAt(first?.node.range?.[0]), `锚点/别名（& 和 *）展开次数过多（从 *${first?.node.source ?? ''} 开始），文件可能是恶意构造的。`, '不要使用 & 和 * 引用；把内容直接写出来。', first && formatPath(first.path));
    return { findings };
  }
  if (data === null || data === undefined) {
    err('E_EMPTY', 1, '文件没有任何字段。', '从 templates/report.yaml 复制模板开始填写。');
    return { findings };
  }
  return { findings, parsed: { data, decimals: collectDecimals(doc), ...locators(doc, lineAt) } };
}

const CORE_TAG = 'tag:yaml.org,2002:';
const SAFE_TAGS = new Set(['str', 'map', 'seq'].map((t) => CORE_TAG + t));

/** Data path of a node from its visit ancestors: Document, map, pair, value, … → ['budget', 'planned']. */
function dataPath(ancestors: readonly unknown[], node: unknown): (string | number)[] {
  const chain = [...ancestors, node];
  const path: (string | number)[] = [];
  for (let i = 1; i < chain.length; i++) {
    const parent = chain[i - 1];
    const cur = chain[i];
    if (isPair(cur)) path.push(String(isScalar(cur.key) ? cur.key.value : cur.key));
    else if (isSeq(parent)) path.push(parent.items.indexOf(cur as never));
  }
  return path;
}

/** The quoted text that runs to `end` because its closing quote is missing. */
function unclosedQuote(doc: Document, end: number): { node: Scalar; path: (string | number)[] } | undefined {
  let hit: { node: Scalar; path: (string | number)[] } | undefined;
  visit(doc, {
    Scalar(_k, node, ancestors) {
      if ((node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE') && node.range?.[1] === end) { hit = { node, path: dataPath(ancestors, node) }; return visit.BREAK; }
      return undefined;
    },
  });
  return hit;
}

function firstAlias(doc: Document): { node: Alias; path: (string | number)[] } | undefined {
  let hit: { node: Alias; path: (string | number)[] } | undefined;
  visit(doc, { Alias(_k, node, ancestors) { hit = { node, path: dataPath(ancestors, node) }; return visit.BREAK; } });
  return hit;
}

function describeYamlError(code: string, message: string): string {
  const known: Record<string, string> = {
    BAD_INDENT: '缩进不正确',
    MISSING_CHAR: '缺少必要的符号（如引号或括号未闭合）',
    BLOCK_AS_IMPLICIT_KEY: '多行内容被当成了字段名',
    MULTILINE_IMPLICIT_KEY: '字段名不能跨行',
    UNEXPECTED_TOKEN: '出现了意外的符号',
    TAB_AS_INDENT: '用了 Tab 缩进，请改用空格',
    BAD_SCALAR_START: '文字不能以这个符号开头，请加引号',
    MISSING_ANCHOR: '引用了不存在的锚点',
    BAD_ALIAS: '别名引用不正确',
  };
  return known[code] ?? message.split('\n')[0]!;
}

function locators(doc: Document, lineAt: (o: number | undefined) => number | undefined) {
  const walk = (path: readonly PropertyKey[]) => {
    let node: unknown = doc.contents;
    let line = lineAt((doc.contents as Node | null)?.range?.[0]);
    for (const seg of path) {
      if (isAlias(node)) node = node.resolve(doc);
      let next: unknown;
      if (isMap(node)) {
        const pair = node.items.find((p) => isScalar(p.key) && p.key.value === seg);
        if (pair) { line = lineAt((pair.key as Node).range?.[0]) ?? line; next = pair.value; }
      } else if (isSeq(node) && typeof seg === 'number') {
        next = node.items[seg];
        line = lineAt((next as Node | undefined)?.range?.[0]) ?? line;
      }
      if (next === undefined) break;
      node = next;
    }
    return { node, line };
  };
  return {
    lineOf: (path: readonly PropertyKey[]) => walk(path).line,
    keyLineOf(path: readonly PropertyKey[], key: string) {
      const { node, line } = walk(path);
      if (!isMap(node)) return line;
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === key);
      return pair ? lineAt((pair.key as Node).range?.[0]) : line;
    },
  };
}

function collectDecimals(doc: Document): Map<string, number> {
  const out = new Map<string, number>();
  visit(doc, {
    Scalar(_key, node, ancestors) {
      if (typeof node.value !== 'number') return;
      const path: PropertyKey[] = [];
      let parent: unknown = doc.contents;
      for (const a of ancestors.slice(1)) {
        if (isPair(a)) path.push(String((a.key as { value?: unknown })?.value));
        else if (isSeq(parent) && isMap(a) || isSeq(parent) && isSeq(a) || isSeq(parent) && isScalar(a)) path.push(parent.items.indexOf(a));
        parent = a;
      }
      if (isSeq(parent)) path.push(parent.items.indexOf(node));
      const written = node.minFractionDigits ?? fractionDigits(node.value);
      out.set(formatPath(path), written);
    },
  });
  return out;
}

const fractionDigits = (n: number) => {
  const s = String(n);
  return s.includes('e') || !s.includes('.') ? 0 : s.length - s.indexOf('.') - 1;
};
