/**
 * Limits that keep the parse stage linear in the file's size, far above any real report (the
 * seed has 1,421 YAML tokens, maps of at most 20 keys, lists of at most 30 items, depth 8):
 * a token count checked by the lexer before the parser runs (the yaml library costs 5–10 µs a token on dense maps),
 * then one walk over the parsed tree for keys per map, items per list, depth and duplicate keys
 * (a Set per map, where the yaml library's own check is quadratic: 20,000 duplicates took 97 s).
 */
import { isMap, isScalar, isSeq, Lexer, type Document, type Node } from 'yaml';
import { formatPath, num, type Finding } from '../findings.ts';

export const YAML_LIMITS = { tokens: 50_000, keysPerMap: 1_000, itemsPerList: 10_000, depth: 40, findings: 50 };

type Err = (code: string, line: number | undefined, message: string, hint?: string, field?: string) => void;

/** Counts lexer tokens; past the limit, an error with the line where it was crossed. */
export function checkTokenCount(text: string, err: Err): boolean {
  let n = 0;
  let offset = 0;
  for (const token of new Lexer().lex(text)) {
    if (++n > YAML_LIMITS.tokens) {
      let line = 1;
      for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
      err('E_LIMIT_SIZE', line, `文件的 YAML 结构过于庞大（超过 ${num(YAML_LIMITS.tokens)} 个元素，在第 ${line} 行超出），不像是一份报告。`, '检查文件是否被错误地生成或粘贴；一份报告通常只有几千个元素。');
      return false;
    }
    offset += token.length;
  }
  return true;
}

/** One walk over the tree: keys per map, items per list, depth, duplicate keys. */
export function checkStructure(doc: Document, lineAt: (o: number | undefined) => number | undefined, err: Err): void {
  let reported = 0;
  const report: Err = (...a) => { if (reported++ < YAML_LIMITS.findings) err(...a); };
  const stack: { node: unknown; path: (string | number)[] }[] = [{ node: doc.contents, path: [] }];
  while (stack.length && reported < YAML_LIMITS.findings) {
    const { node, path } = stack.pop()!;
    const field = formatPath(path) || undefined;
    const where = field ? `${field} ` : '文件顶层';
    if ((isMap(node) || isSeq(node)) && path.length >= YAML_LIMITS.depth) {
      report('E_LIMIT_DEPTH', lineAt((node as Node).range?.[0]), `${where}嵌套超过 ${YAML_LIMITS.depth} 层，报告数据不会这么深。`, '检查缩进和括号是否正确。', field);
      continue;
    }
    if (isMap(node)) {
      if (node.items.length > YAML_LIMITS.keysPerMap) {
        report('E_LIMIT_KEYS', lineAt((node.items[YAML_LIMITS.keysPerMap]!.key as Node | null)?.range?.[0]), `${where}有 ${num(node.items.length)} 个字段，超过上限 ${num(YAML_LIMITS.keysPerMap)}。`, '一组字段不会有这么多；检查文件是否被错误地生成或粘贴。', field);
        continue;
      }
      const seen = new Set<unknown>();
      const children: { node: unknown; path: (string | number)[] }[] = [];
      for (const pair of node.items) {
        if (!isScalar(pair.key)) {
          report('E_YAML_KEY', lineAt((pair.key as Node | null)?.range?.[0] ?? (node as Node).range?.[0]), `${where}有一个字段名不是文字（是列表、一组字段或空）。`, '字段名只写文字，如 title:。', field);
          continue;
        }
        const key = pair.key.value;
        if (seen.has(key)) {
          report('E_YAML_DUPLICATE_KEY', lineAt((pair.key as Node | null)?.range?.[0]), `字段 ${String(key)} 在同一层级出现了两次。`, '删除或合并重复的字段；YAML 中后写的不会覆盖先写的，而是无效。', formatPath([...path, String(key)]));
          continue;
        }
        seen.add(key);
        children.push({ node: pair.value, path: [...path, String(key)] });
      }
      stack.push(...children.reverse()); // the stack pops them in document order
    } else if (isSeq(node)) {
      if (node.items.length > YAML_LIMITS.itemsPerList) {
        report('E_LIMIT_ITEMS', lineAt((node.items[YAML_LIMITS.itemsPerList] as Node | null)?.range?.[0]), `${where}有 ${num(node.items.length)} 项，超过上限 ${num(YAML_LIMITS.itemsPerList)}。`, '列表不会有这么多项；检查文件是否被错误地生成或粘贴。', field);
        continue;
      }
      for (let i = node.items.length - 1; i >= 0; i--) stack.push({ node: node.items[i], path: [...path, i] });
    }
  }
}
