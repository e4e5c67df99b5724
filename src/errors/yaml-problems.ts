/**
 * The kinds of YAML syntax error (E_YAML_SYNTAX), keyed by the error codes the yaml library
 * exposes (`YAMLError.code`), plus the few cases jixiao tells apart itself. Part of the error
 * catalogue: what happened in Chinese, and what to check.
 */
const CHECK_LINE = '检查这一行及上一行的缩进、冒号和引号；冒号后要有空格，含冒号的文字要加引号。';

const syntax = (what: string) => ({ message: () => `YAML 格式错误：${what}`, hint: CHECK_LINE });

export const YAML_PROBLEMS = {
  BAD_INDENT: syntax('缩进不正确'),
  MISSING_CHAR: syntax('缺少必要的符号（如引号或括号未闭合）'),
  BLOCK_AS_IMPLICIT_KEY: syntax('多行内容被当成了字段名'),
  MULTILINE_IMPLICIT_KEY: syntax('字段名不能跨行'),
  UNEXPECTED_TOKEN: syntax('出现了意外的符号'),
  TAB_AS_INDENT: syntax('用了 Tab 缩进，请改用空格'),
  BAD_SCALAR_START: syntax('文字不能以这个符号开头，请加引号'),
  MISSING_ANCHOR: syntax('引用了不存在的锚点'),
  BAD_ALIAS: syntax('别名引用不正确'),
  KEY_OVER_1024_CHARS: syntax('字段名太长（超过 1024 个字符），多半是上一行少了换行或冒号'),
  BLOCK_IN_FLOW: syntax('方括号或花括号里不能换行写列表或字段'),
  BAD_DQ_ESCAPE: syntax('双引号里的反斜杠（\\）写法不正确，要写反斜杠本身请用单引号'),
  MULTIPLE_ANCHORS: syntax('同一处有两个锚点（&）'),
  MULTIPLE_TAGS: syntax('同一处有两个类型标记（!）'),
  BAD_PROP_ORDER: syntax('锚点（&）或类型标记（!）的位置不正确'),
  ALIAS_PROPS: syntax('别名（*）前不能加锚点或类型标记'),
  BAD_DIRECTIVE: syntax('以 % 开头的指令行不正确，报告文件不需要这一行'),
  /** Any other code of the yaml library: its own first line, as a last resort. */
  OTHER: { message: (detail: string) => `YAML 格式错误：${detail}`, hint: CHECK_LINE },
  /** A warning of the yaml library (not an error, but a report must not rely on it). */
  WARNING: { message: (detail: string) => `YAML 格式问题：${detail}`, hint: undefined },
  MULTIPLE_DOCS: { message: () => '一个文件只能有一份报告（发现了多个 `---` 分隔的文档）。', hint: '每份报告单独存为一个文件。' },
  UNCLOSED_QUOTE: {
    message: () => 'YAML 格式错误：引号没有闭合，之后的内容都被当成了这段文字。',
    hint: '在这段文字末尾补上配对的引号；文字本身含引号时，用另一种引号（" 或 \'）把它括起来。',
  },
  RESOURCE_EXHAUSTION: {
    message: () => 'YAML 格式错误：括号嵌套层级过深，文件可能是恶意构造的。',
    hint: '报告数据文件不需要这么深的嵌套；检查括号是否成对。',
  },
  UNREADABLE: { message: (detail: string) => `YAML 无法解析：${detail}`, hint: undefined },
} as const satisfies Record<string, { message: (detail: string) => string; hint: string | undefined }>;

export type YamlProblem = keyof typeof YAML_PROBLEMS;

export const isYamlProblem = (s: string): s is YamlProblem => Object.hasOwn(YAML_PROBLEMS, s);
