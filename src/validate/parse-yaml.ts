/**
 * Parse stage: text → plain data, with a way back from a field path to its line.
 * Refuses what YAML allows but a report must not contain: syntax errors, duplicate keys,
 * custom tags, alias bombs, `__proto__` keys, several documents in one file.
 */
import { isAlias, isMap, isNode, type Alias, type Scalar, isPair, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Node } from 'yaml';
import type { ParamsOf } from '../errors/catalogue.ts';
import { isYamlProblem } from '../errors/yaml-problems.ts';
import { findingWith, formatPath, type Finding } from '../findings.ts';
import { typingSlips } from './typing-slips.ts';
import { indentSlips } from './yaml-indent.ts';
import { checkStructure, checkTokenCount, YAML_LIMITS, type LimitCode } from './yaml-limits.ts';

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

export function parseYaml(text: string, file: string): { parsed?: Parsed; repaired?: Parsed; findings: Finding[] } {
  const findings: Finding[] = [];
  const err = <C extends ParseCode>(code: C, line: number | undefined, params: ParamsOf<C>, field?: string) =>
    findings.push(findingWith(code, { file, line, field }, params));

  if (!checkTokenCount(text, err)) return { findings };
  // Slips found on the lines themselves are rewritten, line for line, in a working copy, so that
  // parsing goes on and every other slip of the file is named in the same run.
  const original = text.split('\n');
  const lines = [...original];
  const retype = (i: number, typed: string) => (lines[i] = typed + (lines[i]!.endsWith('\r') ? '\r' : ''));
  // A full-width colon or space breaks YAML in ways its own message cannot explain: say what to type.
  const slips = typingSlips(text, file);
  findings.push(...slips.findings);
  for (const [i, typed] of slips.typed) retype(i, typed);
  let parsedText = parseText(slips.typed.size ? lines.join('\n') : text);
  if (!parsedText) {
    err('E_LIMIT_DEPTH', undefined, {});
    return { findings };
  }
  if (parsedText.doc.errors.length) {
    // Where the structure breaks is often not the line that is wrong: find wrong indents by reading the lines.
    const indents = indentSlips(lines);
    for (const s of indents) {
      err('E_YAML_INDENT', s.line, { found: s.found, expected: s.expected, alignWith: s.alignWith, text: s.text, typed: s.typed });
      retype(s.line - 1, s.typed);
    }
    if (indents.length) parsedText = parseText(lines.join('\n')) ?? parsedText;
  }
  const { doc, lc } = parsedText;
  const lineAt = (offset: number | undefined) => (offset === undefined ? undefined : lc.linePos(offset).line);
  const quoted = (line: number | undefined) => (line === undefined ? undefined : quoteLine(original[line - 1]));

  const seenLines = new Set<number | undefined>(findings.map((f) => f.line));
  /** Quoted scalars by where they end, made once: a file of many slips must not walk itself once a slip. */
  let quotesByEnd: ReturnType<typeof quotedScalarsByEnd> | undefined;
  for (const e of doc.errors) {
    const line = lineAt(e.pos[0]);
    if (findings.length >= YAML_LIMITS.findings) break;
    if (seenLines.has(line))
      continue; // one syntax error per line is enough; the rest follow from it
    else if (e.code === 'MULTIPLE_DOCS' || /multiple documents/i.test(e.message)) err('E_YAML_SYNTAX', line, { problem: 'MULTIPLE_DOCS' });
    else if (e.code === 'MISSING_CHAR' && (quotesByEnd ??= quotedScalarsByEnd(doc)).has(e.pos[0])) {
      // The parser notices at the end of the file; staff need the line where the quote opens.
      const open = quotesByEnd.get(e.pos[0])!;
      const at = lineAt(open.node.range?.[0]) ?? line;
      err('E_YAML_SYNTAX', at, { problem: 'UNCLOSED_QUOTE', quoted: quoted(at) }, formatPath(dataPath(open.ancestors, open.node)) || undefined);
    } else
      err(
        'E_YAML_SYNTAX',
        line,
        isYamlProblem(e.code) ? { problem: e.code, quoted: quoted(line) } : { problem: 'OTHER', detail: firstLine(e.message), quoted: quoted(line) },
      );
    seenLines.add(line);
  }
  for (const w of doc.warnings) {
    // Unknown tags keep their tag on the node; the walk below names them with their field.
    if (w.code !== 'TAG_RESOLVE_FAILED')
      err('E_YAML_SYNTAX', lineAt(w.pos[0]), isYamlProblem(w.code) ? { problem: w.code } : { problem: 'WARNING', detail: firstLine(w.message) });
  }
  // Past a syntax error no field can be trusted; past slips that were rewritten, the rest is checked.
  if (doc.errors.length || doc.warnings.some((w) => w.code !== 'TAG_RESOLVE_FAILED')) return { findings };
  const slipCount = findings.length;
  checkStructure(doc, lineAt, err);
  // A key written twice still leaves a file to check (the later one counts); other limits do not.
  const structure = findings.slice(slipCount);
  if (structure.length >= YAML_LIMITS.findings || structure.some((f) => f.code !== 'E_YAML_DUPLICATE_KEY')) return { findings };
  const dupes = findings.length;

  // One walk over every node, in document order: tags other than the plain core ones, keys that
  // would touch Object.prototype, and the decimals each number was written with.
  const decimals = new Map<string, number>();
  eachNode(doc, (node, path, key) => {
    const tag = (node as { tag?: string }).tag;
    // Only tags that change nothing: !!float 1 or !!int "3" would turn text into a number unseen.
    if (tag && !SAFE_TAGS.has(tag))
      err('E_YAML_TAG', lineAt(node.range?.[0]), { tag: tag.startsWith(CORE_TAG) ? `!!${tag.slice(CORE_TAG.length)}` : tag }, formatPath(path) || undefined);
    if (key && typeof node.value === 'string' && FORBIDDEN_KEYS.has(node.value))
      err('E_FORBIDDEN_KEY', lineAt(node.range?.[0]), { key: node.value }, formatPath(path));
    if (isScalar(node) && typeof node.value === 'number') decimals.set(formatPath(path), node.minFractionDigits ?? fractionDigits(node.value));
  });
  if (findings.length > dupes) return { findings };

  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (e) {
    // The yaml library throws a plain error when aliases expand past maxAliasCount; a document
    // that has aliases and fails to convert is that case.
    const first = firstAlias(doc);
    if (!first) {
      err('E_YAML_SYNTAX', undefined, { problem: 'UNREADABLE', detail: String(e) });
      return { findings };
    }
    err('E_YAML_ALIAS', lineAt(first.node.range?.[0]), { alias: first.node.source }, formatPath(first.path));
    return { findings };
  }
  if (data === null || data === undefined) {
    err('E_EMPTY', 1, { what: 'no-fields' });
    return { findings };
  }
  const parsed = { data, decimals, ...locators(doc, lineAt) };
  return findings.length ? { findings, repaired: parsed } : { findings, parsed };
}

export type ParseCode = 'E_YAML_SYNTAX' | 'E_YAML_INDENT' | 'E_YAML_DUPLICATE_KEY' | 'E_YAML_TAG' | 'E_YAML_ALIAS' | 'E_FORBIDDEN_KEY' | 'E_EMPTY' | LimitCode;

/** Aliases a file may expand: a report never needs one, and a few hundred is a bomb. */
const MAX_ALIAS_COUNT = 100;

const firstLine = (message: string) => message.split('\n')[0]!;

/** A line as staff typed it, for a message: its indent kept, long lines cut. */
const quoteLine = (line: string | undefined) => {
  if (line === undefined || line.trim() === '') return undefined;
  const l = line.replace(/\r$/, '').trimEnd();
  return l.length > 80 ? `${l.slice(0, 80)}…` : l;
};

function parseText(text: string): { doc: Document; lc: LineCounter } | undefined {
  const lc = new LineCounter();
  try {
    // Duplicate keys are found by checkStructure (a Set per map); the library's check is quadratic.
    return { doc: parseDocument(text, { lineCounter: lc, prettyErrors: false, uniqueKeys: false, schema: 'core', version: '1.2', logLevel: 'error' }), lc };
  } catch {
    return undefined;
  }
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

/** Every quoted scalar by the offset where it ends: the one ending where a quote is missing is the unclosed one. */
function quotedScalarsByEnd(doc: Document): Map<number, { node: Scalar; ancestors: readonly unknown[] }> {
  const byEnd = new Map<number, { node: Scalar; ancestors: readonly unknown[] }>();
  visit(doc, {
    Scalar(_k, node, ancestors) {
      const end = node.range?.[1];
      if ((node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE') && end !== undefined && !byEnd.has(end)) byEnd.set(end, { node, ancestors }); // the path only for the one reported
    },
  });
  return byEnd;
}

function firstAlias(doc: Document): { node: Alias; path: (string | number)[] } | undefined {
  let hit: { node: Alias; path: (string | number)[] } | undefined;
  visit(doc, {
    Alias(_k, node, ancestors) {
      hit = { node, path: dataPath(ancestors, node) };
      return visit.BREAK;
    },
  });
  return hit;
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
        if (pair) {
          line = lineAt((pair.key as Node).range?.[0]) ?? line;
          next = pair.value;
        }
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

/**
 * Calls `each` for every node below the document in document order (a map's pairs key first, then
 * value; both get the pair's path), with its data path; `key` is true for a key. Aliases are not
 * followed. Runs after checkStructure, so every key is a scalar and depth is bounded.
 */
function eachNode(doc: Document, each: (node: Node & { value?: unknown }, path: readonly (string | number)[], key: boolean) => void): void {
  const go = (node: unknown, path: (string | number)[], key = false) => {
    if (!isNode(node)) return;
    each(node, path, key);
    if (isMap(node) || isSeq(node))
      node.items.forEach((item: unknown, i) => {
        if (isPair(item)) {
          const at = [...path, String(isScalar(item.key) ? item.key.value : item.key)];
          go(item.key, at, true);
          go(item.value, at);
        } else go(item, [...path, i]);
      });
  };
  go(doc.contents, []);
}

const fractionDigits = (n: number) => {
  const s = String(n);
  return s.includes('e') || !s.includes('.') ? 0 : s.length - s.indexOf('.') - 1;
};
