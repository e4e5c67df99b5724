/**
 * The terminal's messages of `jixiao package`: a site folder that is not (or no longer) what
 * `jixiao build` made, a package that would overwrite another, and what was packed. Part of the
 * catalogue (messages.ts).
 */
import { entry } from './message-entry.ts';

const q = (path: string) => JSON.stringify(path);
const BUILD_AGAIN = '请重新运行 npx jixiao build 生成网站后再打包。';
const BROKEN = '（文件已损坏或被改动）；未打包。';

/** The fields of data/reports.json a package is named by, as a message describes what each must be. */
const INDEX_FIELD = { year: '年度（1990–2100 的整数）', publishedDate: '发布日期（YYYY-MM-DD）', reports: '报告的列表（至少一份）' } as const;

export const PACKAGE_MESSAGES = {
  PACKAGE_NO_SITE_FOLDER: entry<{ dist: string }>({
    message: (p) => `网站文件夹 ${q(p.dist)} 不存在。`,
    hint: '请先运行 npx jixiao build，或用 --dist 指定。',
  }),
  PACKAGE_NOT_A_SITE: entry<{ dist: string }>({
    message: (p) => `${q(p.dist)} 不是 jixiao 生成的网站（缺少 index.html 或 data/reports.json）。`,
    hint: '请先运行 npx jixiao build，或用 --dist 指定网站文件夹。',
  }),
  PACKAGE_INDEX_UNREADABLE: entry<{ index: string; code?: string | undefined; reason: string }>({
    message: (p) => `无法读取 ${q(p.index)}（${p.code === 'ELOOP' ? '它是一个符号链接' : p.code === 'EISDIR' ? '它不是普通文件' : p.reason}）；未打包。`,
    hint: BUILD_AGAIN,
  }),
  PACKAGE_INDEX_NOT_JSON: entry<{ index: string; line?: number | undefined }>({
    message: (p) => `${q(p.index)}${p.line === undefined ? '' : ` 第 ${p.line} 行`} 不是有效的 JSON${BROKEN}`,
    hint: BUILD_AGAIN,
  }),
  /** `field` as the schema's path names it (reports[2].publishedDate); `key`, its last part. */
  PACKAGE_INDEX_INVALID: entry<{ index: string; field: string; key?: string | undefined }>({
    message: (p) =>
      `${q(p.index)} 中 ${p.field || '（整个文件）'} 不是${(p.key && Object.hasOwn(INDEX_FIELD, p.key) && INDEX_FIELD[p.key as keyof typeof INDEX_FIELD]) || '应有的内容'}${BROKEN}`,
    hint: BUILD_AGAIN,
  }),
  PACKAGE_NO_REPORTS: entry({ message: () => '网站中没有报告，无法确定包名。' }),
  PACKAGE_NAME_OUTSIDE: entry<{ file: string }>({
    message: (p) => `包文件名 ${q(p.file)} 不在打包输出文件夹之内；未打包。`,
  }),
  PACKAGE_EXISTS: entry<{ out: string; files: readonly string[] }>({
    message: (p) => `${q(p.out)} 中已有 ${p.files.join('、')}，未覆盖。`,
    hint: '要替换请加 --force；要保留旧包以便回退，请用 --out 指定另一个文件夹。',
  }),
  PACKAGE_WRITE_FAILED: entry<{ out: string; reason: string }>({
    message: (p) => `写入 ${q(p.out)} 时出错（${p.reason}）；未完成打包，未写完的文件已删除。`,
  }),
  PACKAGE_NOT_REGULAR: entry<{ path: string }>({
    message: (p) => `网站文件夹中的 ${p.path} 不是普通文件（可能是符号链接），无法打包。`,
  }),
  /** `reason` when it could not be read; none when it is no longer a regular file inside the site. */
  PACKAGE_FILE_CHANGED: entry<{ path: string; reason?: string | undefined }>({
    message: (p) =>
      `网站文件夹中的 ${p.path} 在打包时${p.reason === undefined ? '已不是网站文件夹中的普通文件（可能被换成了链接）' : `无法读取：${p.reason}`}，未打包。`,
  }),

  // ── What was packed (src/cli/package.ts) ────────────────────────────────────────────
  PACKAGE_FILE: entry<{ path: string; size: number; sha256: string }>({
    message: (p) => `${p.path}  ${p.size.toLocaleString('en-US')} 字节  SHA-256 ${p.sha256}`,
  }),
  PACKAGE_SUMS: entry<{ path: string }>({ message: (p) => `${p.path}  校验清单` }),
  PACKAGE_DONE: entry<{ name: string; out: string }>({
    message: (p) => `已打包 ${p.name}。`,
    hint: (p) => `上传前后可在 ${p.out} 中运行 sha256sum -c SHA256SUMS 核对。`,
  }),
};
