/**
 * Checks on every text of a report: control characters (BEL, ESC, …) would pass into the
 * HTML and the CSV, so anything but newline and tab is an error naming the field; a Markdown
 * image from another host would make the site load from elsewhere, so it is a warning (the
 * page shows it as a plain link with its address, see src/site/markdown.ts).
 */
import MarkdownIt from 'markdown-it';
import { formatPath, type Finding } from '../findings.ts';

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

/** An address that leaves the site: a scheme (https:, data:, …) or a protocol-relative //host. */
export const isOffSite = (src: string) => /^\s*(?:[a-z][a-z0-9+.-]*:|\/\/|\\\\)/i.test(src);

const md = new MarkdownIt({ html: false, linkify: false, typographer: false });

/** The addresses of images in a Markdown text that would load from another host. */
export function offSiteImages(text: string): string[] {
  if (!text.includes('![')) return [];
  const out: string[] = [];
  const stack = md.parse(text, {});
  while (stack.length) {
    const t = stack.pop()!;
    const src = String(t.attrGet('src') ?? '');
    if (t.type === 'image' && isOffSite(src)) out.push(src);
    if (t.children) stack.push(...t.children);
  }
  return out;
}

export function checkTexts(data: unknown, file: string, lineOf: (p: readonly PropertyKey[]) => number | undefined): Finding[] {
  const findings: Finding[] = [];
  const stack: { v: unknown; path: (string | number)[] }[] = [{ v: data, path: [] }];
  while (stack.length && findings.length < 50) {
    const { v, path } = stack.pop()!;
    if (typeof v === 'string') {
      const field = formatPath(path) || undefined;
      const bad = CONTROL.exec(v);
      if (bad) findings.push({ severity: 'error', code: 'E_CONTROL_CHAR', file, line: lineOf(path), field, message: `含有不可见的控制字符 U+${bad[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}（第 ${bad.index + 1} 个字符处）。`, hint: '删除它；这类字符多由复制粘贴带入，网页和表格中会显示为乱码。' });
      for (const src of offSiteImages(v))
        findings.push({ severity: 'warning', code: 'W_EXTERNAL_IMAGE', file, line: lineOf(path), field, message: `引用了其他网站的图片 ${JSON.stringify(src.length > 100 ? `${src.slice(0, 100)}…` : src)}；网站不从其他网站加载内容，这里只显示为链接。`, hint: '需要图片时，把图片作为附件（attachments）发布。' });
    } else if (Array.isArray(v)) v.forEach((x, i) => stack.push({ v: x, path: [...path, i] }));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) stack.push({ v: x, path: [...path, k] });
  }
  return findings.reverse();
}
