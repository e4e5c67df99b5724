/**
 * Checks on every text of a report: control characters (BEL, ESC, …) would pass into the
 * HTML and the CSV, so anything but newline and tab is an error naming the field, as is an
 * invisible format character (bidi overrides, zero-width spaces: format-chars.ts); a Markdown
 * image from another host would make the site load from elsewhere, so it is a warning (the
 * page shows it as a plain link with its address, see src/formats/markdown.ts).
 */
import MarkdownIt from 'markdown-it';
import { finding, formatPath, type Finding } from '../findings.ts';
import { isOffSite } from '../formats/markdown.ts';
import { formatCharKind, hiddenFormatChar } from './format-chars.ts';

const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

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
      const where = { file, line: lineOf(path), field };
      if (bad) findings.push(finding('E_CONTROL_CHAR', where, { char: bad[0], at: bad.index + 1 }));
      const hidden = hiddenFormatChar(v);
      if (hidden) findings.push(finding('E_FORMAT_CHAR', where, { ...hidden, kind: formatCharKind(hidden.char) }));
      for (const src of offSiteImages(v)) findings.push(finding('W_EXTERNAL_IMAGE', where, { src }));
    } else if (Array.isArray(v)) v.forEach((x, i) => stack.push({ v: x, path: [...path, i] }));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) stack.push({ v: x, path: [...path, k] });
  }
  return findings.reverse();
}
