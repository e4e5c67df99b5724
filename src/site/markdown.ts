/**
 * Narrative Markdown → HTML with markdown-it, raw HTML off (escaped, never passed through).
 * A line break inside a Chinese paragraph is joined without a space ("奖励。全年", not "奖励。 全年").
 */
import MarkdownIt from 'markdown-it';

const md = new MarkdownIt({ html: false, linkify: false, typographer: false });

const CJK = '\\u3000-\\u303f\\u3400-\\u9fff\\uff00-\\uffef\\u2018-\\u201d';
const joinCjk = new RegExp(`([${CJK}])\\n(?=[${CJK}])`, 'g');

export function renderMarkdown(src: string): string {
  return md.render(src.replace(/\r\n?/g, '\n').replace(joinCjk, '$1'));
}

/** Plain text of a Markdown snippet (for descriptions and feeds). */
export function plainText(src: string): string {
  return src.replace(/[*_`#>]/g, '').replace(/\s+/g, ' ').trim();
}
