/**
 * The words of what `jixiao dev` adds to the browser (src/dev/overlay.ts): the panel of the file
 * last saved, the page shown instead of the site while the content has errors, and the page of
 * the first moments. Staff read them, as they read the terminal, so they are kept beside the
 * catalogue like the 核对 pages' (check-page.ts). A finding's own message and hint are the
 * catalogue's; these are the words around them. Markup is the overlay's: where a sentence holds
 * some, it is a parameter.
 */
import { FINDING_LINE } from './catalogue.ts';

export const DEV_PAGE = {
  severity: FINDING_LINE.severity,
  acknowledgedLabel: '已说明的提示',
  line: (p: { line: number }) => ` 第 ${p.line} 行`,
  acknowledged: '已说明：',
  hint: '怎么改：',
  close: '关闭',
  panelTitle: (p: { file: string }) => `预览 · 刚保存的 ${p.file}`,
  /** `draftLine`: the line to delete, as markup. */
  draftStill: (p: { draftLine: string }) => `这是草稿。删除 ${p.draftLine} 一行后，还需处理：`,
  errorsTitle: (p: { count: number }) => `内容有 ${p.count} 个错误 · jixiao 预览`,
  errorsHeading: (p: { count: number }) => `内容有 ${p.count} 个错误，页面暂不显示`,
  /** `build`: the build command, as markup. */
  errorsHow: (p: { build: string }) => `改正下面的错误并保存，页面会自动刷新。错误没有改正之前，${p.build} 也不会生成网站。`,
  startingTitle: '预览正在启动 · jixiao',
  startingHeading: '预览正在启动，正在检查报告文件……',
  startingHow: '准备好后本页会自动显示。',
} as const;
