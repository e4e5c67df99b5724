/**
 * The terminal's messages of the command line itself (a mistyped command or option, a bug) and
 * what each command reports when it has done its work. Part of the catalogue (messages.ts).
 */
import { entry } from './message-entry.ts';

const q = (path: string) => JSON.stringify(path);

export const COMMAND_MESSAGES = {
  // ── The command line (src/cli/main.ts, args.ts, commands.ts) ────────────────────────
  NO_COMMAND: entry<{ name: string }>({ message: (p) => `没有命令 ${p.name}。` }),
  INTERNAL_ERROR: entry<{ stack: string }>({ message: (p) => `内部错误，这是 jixiao 的缺陷，请连同以下信息报告：\n${p.stack}` }),
  OPTION_UNKNOWN: entry<{ option: string }>({ message: (p) => `不认识的选项 ${p.option}。` }),
  OPTION_TAKES_NO_VALUE: entry<{ name: string }>({ message: (p) => `选项 --${p.name} 不带值。` }),
  OPTION_NEEDS_VALUE: entry<{ name: string }>({ message: (p) => `选项 --${p.name} 需要一个值。` }),
  /** node's own parse error, for a case the ones above do not name. */
  OPTION_INVALID: entry<{ detail: string }>({ message: (p) => `命令行选项有误：${p.detail}` }),
  PORT_INVALID: entry<{ value: string; min: number; max: number; example: number }>({
    message: (p) => `--port ${p.value} 不是有效的端口号，应是 ${p.min}–${p.max} 之间的整数，如 ${p.example}。`,
  }),
  COUNT_INVALID: entry<{ name: string; value: string }>({
    message: (p) => `--${p.name} ${p.value} 不是有效的数目，应是不小于 1 的整数，如 250。`,
  }),

  // ── validate, build ─────────────────────────────────────────────────────────────────
  VALIDATE_SUMMARY: entry<{ files: number; errors: number; open: number; acknowledged: number }>({
    message: (p) => `检查了 ${p.files} 个文件：${p.errors} 个错误，${p.open} 个未说明的核验提示${p.acknowledged ? `，${p.acknowledged} 个已说明` : ''}。`,
  }),
  VALIDATE_STRICT: entry({
    message: () => '--strict：存在未说明的核验提示。',
    hint: '请核对原文；原文如此的，在报告的 acknowledgements 中写明原因。',
  }),
  BUILD_REUSED: entry<{ reportFiles: number; parts: number; searchParts: number }>({
    message: (p) => `沿用上次生成的结果：${p.reportFiles} 份报告文件未改动，搜索索引 ${p.parts} 个分片中 ${p.searchParts} 个未重建。`,
  }),
  BUILD_DONE: entry<{ pages: number; reports: number; drafts: number; seconds: number; out: string }>({
    message: (p) =>
      `已生成 ${p.pages} 个页面，收录 ${p.reports} 份报告${p.drafts ? `（${p.drafts} 份草稿未发布）` : ''}，用时 ${p.seconds.toFixed(1)} 秒 → ${p.out}/`,
  }),

  // ── new ─────────────────────────────────────────────────────────────────────────────
  NEW_NOT_YAML: entry<{ name: string }>({
    message: (p) => `${q(p.name)} 不是 .yaml 文件名；未做任何改动。`,
    hint: '报告数据文件以 .yaml 结尾，例如 content/2024/my-dept.yaml。',
  }),
  NEW_CREATED: entry<{ name: string; year: number; fromFolder: boolean }>({
    message: (p) =>
      `已创建 ${p.name}（草稿，${p.fromFolder ? `年度 ${p.year}，按所在的文件夹 ${p.year}` : `年度 ${p.year}（去年）：文件不在年度文件夹中，请按报告改正 year`}）：`,
    hint: '按报告原文填写；运行 npx jixiao dev 可边改边看，填完核对后删除 draft 一行，再运行 npx jixiao validate。',
  }),

  // ── import (the command's own lines; the 待核对 items are src/import's) ────────────────
  IMPORT_NO_FILES: entry({ message: () => '请给出要导入的文件，例如 npx jixiao import 报告.docx。' }),
  /** A file not imported: the reason is a sentence of this catalogue or the importer's. */
  IMPORT_REFUSED: entry<{ reason: string }>({ message: (p) => `jixiao import: 错误：${p.reason}` }),
  IMPORT_EMPTY_FOLDER: entry<{ folder: string }>({
    message: (p) => `jixiao import: 提示：文件夹 ${p.folder} 中没有可导入的文件（.txt .md .html .docx .pdf .xlsx .xls）。`,
  }),
  IMPORT_DRAFT_EXISTS: entry<{ shown: string }>({
    message: (p) => `${p.shown} 已存在，未覆盖。`,
    hint: '核对后删除它，或加 --force 覆盖，或用 --out 指定别的文件夹。',
  }),
  IMPORT_DRAFTED: entry<{ shown: string; file: string }>({ message: (p) => `已生成草稿 ${p.shown}（来自 ${p.file}）` }),
  IMPORT_KEPT: entry<{ folder: string }>({
    message: (p) => `原件和读取的文字保存在 ${p.folder}/（不会发布；要在网站上提供原件，把它写进 attachments）`,
  }),
  IMPORT_NOT_KEPT: entry<{ folder: string }>({ message: (p) => `jixiao import: 提示：未能把原件保存到 ${p.folder}/（草稿已生成）。` }),
  IMPORT_REVIEW_ITEM: entry<{ field?: string | undefined; message: string }>({
    message: (p) => `  - ${p.field ? `${p.field}：` : ''}${p.message}`,
  }),
  /** `items`: IMPORT_REVIEW_ITEM lines. */
  IMPORT_TO_REVIEW: entry<{ items: readonly string[] }>({
    message: (p) => (p.items.length ? `待核对（${p.items.length} 项）：\n${p.items.join('\n')}` : '待核对：无（仍请逐项核对原文）。'),
  }),
  IMPORT_TO_REVIEW_OF: entry<{ file: string; items: readonly string[] }>({
    message: (p) => `${p.file}：待核对 ${p.items.length} 项${p.items.length ? `\n${p.items.join('\n')}` : ''}`,
  }),
  IMPORT_NEXT: entry({ message: () => '核对并补齐后运行 npx jixiao validate 检查；确认无误后删除文件中的 draft 一行。' }),
  IMPORT_SUMMARY: entry<{ files: number; imported: number }>({ message: (p) => `导入 ${p.files} 个文件，成功 ${p.imported} 个：` }),

  // ── preview, dev ────────────────────────────────────────────────────────────────────
  PREVIEW_NO_SITE: entry<{ dist: string }>({
    message: (p) => `${p.dist}/index.html 不存在：`,
    hint: '先运行 npx jixiao build 生成网站。',
  }),
  PREVIEW_PORT_TAKEN: entry<{ port: number }>({
    message: (p) => `端口 ${p.port} 已被占用，`,
    hint: '用 --port 换一个，如 --port 4323。',
  }),
  PREVIEW_SERVING: entry<{ dist: string; base: string; url: string }>({
    message: (p) => `正在按服务器的方式提供 ${p.dist}/（子目录 ${p.base}）：\n预览地址：${p.url}\n`,
    hint: '这是上传前的最后检查：全文搜索、开放数据下载和 404 页面都可以在这里试。按 Ctrl+C 结束。',
  }),
  /** What `jixiao preview` answers a browser (text/plain), by HTTP status. */
  PREVIEW_NOT_FOUND: entry<{ base: string }>({ message: (p) => `404 找不到这个地址。网站首页在 ${p.base}` }),
  PREVIEW_UNREADABLE: entry<{ reason: string }>({ message: (p) => `500 无法读取这个文件：${p.reason}。` }),
  PREVIEW_METHOD: entry({ message: () => '只支持 GET 和 HEAD。' }),
  PREVIEW_BAD_ADDRESS: entry({ message: () => '地址无法解析。' }),
  PREVIEW_SITE_IS_AT: entry<{ base: string }>({ message: (p) => `网站在 ${p.base}` }),
  DEV_ADDRESS: entry<{ url: string }>({
    message: (p) =>
      `预览地址：${p.url}\n核对页：${p.url}__jixiao/check/（对照原文逐项核对草稿中的数字）\n在编辑器中修改并保存 content/ 下的报告文件或 site.yaml，浏览器中的页面会自动刷新。\n（预览包括草稿；全文搜索要在 npx jixiao build 之后用 npx jixiao preview 查看。）按 Ctrl+C 结束预览。\n正在检查报告文件……`,
  }),
};
