/**
 * What `jixiao dev` writes on the terminal while it runs: the port in the way, the line after each
 * save, the first check's summary, the one Chinese line that stands for Astro's and Vite's
 * English messages (src/dev/astro-logger.mjs), and the text answer to an address outside the
 * site. The address lines printed at start are DEV_ADDRESS (command-messages.ts).
 */
import { entry } from './message-entry.ts';

/** "3 个错误，1 个提示", or 没有问题 when there is neither. */
const counted = (p: { errors: number; warnings: number }) => (p.errors + p.warnings ? `${p.errors} 个错误，${p.warnings} 个提示` : '没有问题');

export const DEV_MESSAGES = {
  DEV_PORT_IN_USE: entry<{ port: number }>({
    message: (p) => `端口 ${p.port} 已被占用（可能另一个预览还开着）。`,
    hint: '关掉它，或用 --port 换一个，如 --port 4322。',
  }),
  /** The first check, once the preview serves. */
  DEV_CHECKED: entry<{ reports: number; errors: number; warnings: number }>({
    message: (p) => `检查了 ${p.reports} 份报告：${p.errors} 个错误，${p.warnings} 个提示${p.errors ? '；页面显示错误清单，改正并保存后自动刷新' : ''}。`,
  }),
  /** After each save; the findings of the file follow, one a line. */
  DEV_SAVED: entry<{ stamp: string; file: string; errors: number; warnings: number }>({
    message: (p) => `[${p.stamp}] 已保存 ${p.file}：${counted(p)}`,
  }),
  /** `lines`: the findings a draft still has to clear, already written out. */
  DEV_DRAFT_PENDING: entry<{ lines: readonly string[] }>({
    message: (p) => `  （草稿）删除 draft 一行后还需处理 ${p.lines.length} 项：\n${p.lines.map((l) => `    ${l}`).join('\n')}`,
  }),
  /** `lines`: the errors of the other files, already written out. */
  DEV_OTHER_ERRORS: entry<{ lines: readonly string[] }>({
    message: (p) => `  其他文件还有 ${p.lines.length} 个错误：\n${p.lines.map((l) => `    ${l}`).join('\n')}`,
  }),
  DEV_PAGE_SHOWS_ERRORS: entry({ message: () => '  页面显示错误清单，改正后自动刷新。' }),
  DEV_PAGE_UPDATED: entry({ message: () => '  页面已更新。' }),
  /** Astro or Vite said something (in English); `logFile`: where the original was kept, when it could be. */
  DEV_ASTRO_SAID: entry<{ error: boolean; logFile?: string | undefined }>({
    message: (p) => `${p.error ? '预览服务器出错' : '预览服务器发出一条提示'}${p.logFile ? `，英文原文记在 ${p.logFile}` : ''}。`,
    hint: '页面如有异常，保存一次文件或刷新浏览器；问题持续时把这份记录交给网站维护人员。',
  }),
  /** The browser's answer (text/plain, 404) for an address that is not part of the site. */
  DEV_NOT_THE_SITE: entry({ message: () => '预览只提供网站本身的页面和文件；这个地址不是网站的一部分。' }),
};
