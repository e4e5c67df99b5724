/**
 * The terminal's messages of `jixiao build` that are not findings: a build refused (errors in the
 * content, --strict), a stage's process that died, the search index or an attachment that failed
 * while the site was made. Part of the catalogue (messages.ts).
 */
import { entry } from './message-entry.ts';

const KEPT = '未更新网站；原有输出保持不变。';

/** The processes a build runs its stages in, as a message names the one that died. */
const STAGE_DIED = { pages: '生成页面的进程意外退出', search: '生成站内搜索索引的进程意外退出' } as const;
export type BuildStage = keyof typeof STAGE_DIED;

/** Why the search index failed when pagefind itself gave no reason. */
const SEARCH_WHY = { 'no-start': '无法启动 pagefind', 'silent-exit': 'pagefind 程序意外退出，没有返回结果' } as const;

/** How pagefind's own problems are joined into one reason. */
export const joinProblems = (problems: readonly string[]) => problems.join('；');

/** The note at the head of the output folder's file list (.jixiao-output), for whoever opens the folder. */
export const OUTPUT_MANIFEST_NOTE = {
  key: '说明',
  text: 'jixiao 生成的网站输出文件夹。下面列出 jixiao build 写入的每个文件及其 SHA-256；只有其中每个文件都在清单上且未被改动时，jixiao build 才会替换这个文件夹。',
};

export const BUILD_MESSAGES = {
  BASE_INVALID: entry<{ base: string }>({
    message: (p) => `--base ${p.base} 不是有效的子目录路径，应形如 /xxgk/jxzp/。`,
  }),
  SITE_URL_INVALID: entry<{ site: string }>({
    message: (p) => `--site ${p.site} 不是有效的网址，应形如 https://www.example.gov.cn/xxgk/jxzp/。`,
  }),
  BUILD_HAS_ERRORS: entry<{ errors: number }>({
    message: (p) => `内容有 ${p.errors} 个错误，未生成网站；原有输出保持不变。`,
  }),
  BUILD_STRICT: entry<{ warnings: number }>({
    message: (p) => `--strict：有 ${p.warnings} 个未说明的提示，未生成网站；原有输出保持不变。`,
    hint: '核对后改正，或在报告的 acknowledgements 中说明原因。',
  }),
  STAGE_CRASHED: entry<{ stage: BuildStage; detail: string }>({
    message: (p) => `${STAGE_DIED[p.stage]}：${p.detail}。${KEPT}`,
  }),
  STAGE_DIED: entry<{ stage: BuildStage; signal?: string | null | undefined; exitCode?: number | null | undefined; detail?: string | undefined }>({
    message: (p) => `${STAGE_DIED[p.stage]}（${p.signal ?? `退出码 ${p.exitCode}`}${p.detail ? `：${p.detail}` : ''}），${KEPT}`,
    hint: '内容很多时，可能是内存不足。',
  }),
  SEARCH_FAILED: entry<{ detail: string } | { why: keyof typeof SEARCH_WHY }>({
    message: (p) => `生成站内搜索索引失败，${KEPT}原因：${'why' in p ? SEARCH_WHY[p.why] : p.detail}`,
  }),
  OPEN_DATA_OUT_OF_MEMORY: entry({
    message: () => `生成开放数据文件（data/ 下的 CSV 表格、Excel 工作簿、reports.json 和 datapackage.json）时内存不足，${KEPT}`,
    hint: '请关闭其他程序后重新运行，或在内存更大的电脑上生成。',
  }),
  /** An attachment refused when the build read it again: the finding's own sentence (E_ATTACHMENT_…), with the report file. */
  ATTACHMENT_REFUSED: entry<{ file?: string | undefined; finding: string }>({
    message: (p) => (p.file === undefined ? p.finding : `${p.file}：${p.finding}（生成网站时读取附件发现；原有输出保持不变。）`),
  }),
  FAVICON_REFUSED: entry<{ file: string; problem: string }>({
    message: (p) => `网站图标 ${p.file}：${p.problem}，未生成网站；原有输出保持不变。`,
  }),
};
