/**
 * Narrative Markdown → HTML with markdown-it, raw HTML off (escaped, never passed through).
 * markdown-it-cjk-friendly lets emphasis close next to Chinese punctuation, so
 * `**数字经济蓬勃发力。**编制…` renders bold as the writer meant (CommonMark alone leaves the
 * asterisks raw). A line break inside a Chinese paragraph is joined without a space.
 */
import MarkdownIt from 'markdown-it';
import cjkFriendly from 'markdown-it-cjk-friendly';

const md = new MarkdownIt({ html: false, linkify: false, typographer: false }).use(cjkFriendly);

const CJK = '\\u3000-\\u303f\\u3400-\\u9fff\\uff00-\\uffef\\u2018-\\u201d';
const joinCjk = new RegExp(`([${CJK}])\\n(?=[${CJK}])`, 'g');

export function renderMarkdown(src: string): string {
  return md.render(src.replace(/\r\n?/g, '\n').replace(joinCjk, '$1'));
}

/** Emphasis markers (** or __) that would still show as raw characters on the page. */
export function rawEmphasis(src: string): string[] {
  const text = renderMarkdown(src).replace(/<code>[\s\S]*?<\/code>/g, '').replace(/<[^>]+>/g, '');
  const found: string[] = [];
  for (const m of text.matchAll(/.{0,8}(?:\*\*|__).{0,8}/g)) found.push(m[0].replace(/\s+/g, ' ').trim());
  return found;
}

/** Plain text of a Markdown snippet (for descriptions and feeds). */
export function plainText(src: string): string {
  return src.replace(/[*_`#>]/g, '').replace(/\s+/g, ' ').trim();
}
