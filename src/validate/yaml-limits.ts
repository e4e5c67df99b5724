/**
 * Limits that keep the parse stage linear in the file's size, far above any real report (the
 * seed has 1,421 YAML tokens, maps of at most 20 keys, lists of at most 30 items, depth 8):
 * a token count checked by the lexer before the parser runs (the yaml library's cost grows with
 * the tokens), then one walk over the parsed tree for keys per map, items per list, depth and
 * duplicate keys (a Set per map, where the yaml library's own check is quadratic).
 */
import { isMap, isScalar, isSeq, Lexer, type Document, type Node } from 'yaml';
import type { ParamsOf } from '../errors/catalogue.ts';
import { formatPath, num } from '../findings.ts';

export const YAML_LIMITS = { tokens: 50_000, keysPerMap: 1_000, itemsPerList: 10_000, depth: 40, findings: 50 };

export type LimitCode = 'E_LIMIT_SIZE' | 'E_LIMIT_DEPTH' | 'E_LIMIT_KEYS' | 'E_LIMIT_ITEMS' | 'E_YAML_KEY' | 'E_YAML_DUPLICATE_KEY';
type Err = <C extends LimitCode>(code: C, line: number | undefined, params: ParamsOf<C>, field?: string) => void;

/**
 * The lexer makes at most 1.4 tokens a character on the densest input tried (`[a,` repeated), so a
 * text shorter than this cannot reach the limit and is not lexed twice (a third of parsing time).
 */
const SURELY_UNDER_LIMIT = Math.floor(YAML_LIMITS.tokens / 3);

/** Counts lexer tokens; past the limit, an error with the line where it was crossed. */
export function checkTokenCount(text: string, err: Err): boolean {
  if (text.length < SURELY_UNDER_LIMIT) return true;
  let n = 0;
  let offset = 0;
  for (const token of new Lexer().lex(text)) {
    if (++n > YAML_LIMITS.tokens) {
      let line = 1;
      for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
      err('E_LIMIT_SIZE', line, { limit: num(YAML_LIMITS.tokens), line });
      return false;
    }
    offset += token.length;
  }
  return true;
}

/** One walk over the tree: keys per map, items per list, depth, duplicate keys. */
export function checkStructure(doc: Document, lineAt: (o: number | undefined) => number | undefined, err: Err): void {
  let reported = 0;
  const report: Err = (code, line, params, field) => {
    if (reported++ < YAML_LIMITS.findings) err(code, line, params, field);
  };
  const stack: { node: unknown; path: (string | number)[] }[] = [{ node: doc.contents, path: [] }];
  while (stack.length && reported < YAML_LIMITS.findings) {
    const { node, path } = stack.pop()!;
    const field = formatPath(path) || undefined;
    const where = field ? `${field} ` : '文件顶层';
    if ((isMap(node) || isSeq(node)) && path.length >= YAML_LIMITS.depth) {
      report('E_LIMIT_DEPTH', lineAt((node as Node).range?.[0]), { where, limit: YAML_LIMITS.depth }, field);
      continue;
    }
    if (isMap(node)) {
      if (node.items.length > YAML_LIMITS.keysPerMap) {
        report(
          'E_LIMIT_KEYS',
          lineAt((node.items[YAML_LIMITS.keysPerMap]!.key as Node | null)?.range?.[0]),
          { where, count: num(node.items.length), limit: num(YAML_LIMITS.keysPerMap) },
          field,
        );
        continue;
      }
      const seen = new Set<unknown>();
      const children: { node: unknown; path: (string | number)[] }[] = [];
      for (const pair of node.items) {
        if (!isScalar(pair.key)) {
          report('E_YAML_KEY', lineAt((pair.key as Node | null)?.range?.[0] ?? (node as Node).range?.[0]), { where }, field);
          continue;
        }
        const key = pair.key.value;
        if (seen.has(key)) {
          report('E_YAML_DUPLICATE_KEY', lineAt((pair.key as Node | null)?.range?.[0]), { key: String(key) }, formatPath([...path, String(key)]));
          continue;
        }
        seen.add(key);
        children.push({ node: pair.value, path: [...path, String(key)] });
      }
      stack.push(...children.reverse()); // the stack pops them in document order
    } else if (isSeq(node)) {
      if (node.items.length > YAML_LIMITS.itemsPerList) {
        report(
          'E_LIMIT_ITEMS',
          lineAt((node.items[YAML_LIMITS.itemsPerList] as Node | null)?.range?.[0]),
          { where, count: num(node.items.length), limit: num(YAML_LIMITS.itemsPerList) },
          field,
        );
        continue;
      }
      for (let i = node.items.length - 1; i >= 0; i--) stack.push({ node: node.items[i], path: [...path, i] });
    }
  }
}
