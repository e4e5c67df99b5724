/**
 * Narrative Markdown → HTML with markdown-it, raw HTML off (escaped, never passed through).
 * markdown-it-cjk-friendly lets emphasis close next to Chinese punctuation, so
 * `**数字经济蓬勃发力。**编制…` renders bold as the writer meant (CommonMark alone leaves the
 * asterisks raw). A line break inside a Chinese paragraph is joined without a space.
 */
import MarkdownIt from 'markdown-it';
import cjkFriendly from 'markdown-it-cjk-friendly';

/** An address that leaves the site: a scheme (https:, data:, …) or a protocol-relative //host. */
export const isOffSite = (src: string) => /^\s*(?:[a-z][a-z0-9+.-]*:|\/\/|\\\\)/i.test(src);

const md = new MarkdownIt({ html: false, linkify: false, typographer: false }).use(cjkFriendly);

// An image from another host would make the page load from elsewhere: shown as a plain link
// with its address instead (the validator warns, W_EXTERNAL_IMAGE).
const image = md.renderer.rules.image!;
md.renderer.rules.image = (tokens, idx, options, env, self) => {
  const t = tokens[idx]!;
  const src = String(t.attrGet('src') ?? '');
  if (!isOffSite(src)) return image(tokens, idx, options, env, self);
  const alt = self.renderInlineAsText(t.children ?? [], options, env);
  const shown = src.length > 200 ? `${src.slice(0, 200)}…` : src;
  const text = md.utils.escapeHtml(`${alt ? `${alt}` : '图片'}（其他网站的图片，未显示：${shown}）`);
  return /^https?:\/\//i.test(src) ? `<a href="${md.utils.escapeHtml(src)}" rel="nofollow noreferrer">${text}</a>` : text;
};

// A figure and its unit stay on one line: at 320 px with large text `93 分` must not end a line
// with `93` and begin the next with `分`. The number, an optional space and the unit's first
// character (two for 万元 / 亿元 and the like) are wrapped in a span the stylesheet keeps whole.
const FIGURE = /\d[\d,.]*(?: ?(?:[%‰]|[万亿千百]?[\u4e00-\u9fff]))/g;
md.renderer.rules.text = (tokens, idx) => md.utils.escapeHtml(tokens[idx]!.content).replace(FIGURE, '<span class="nobr">$&</span>');

const CJK = '\\u3000-\\u303f\\u3400-\\u9fff\\uff00-\\uffef\\u2018-\\u201d';
const joinCjk = new RegExp(`([${CJK}])\\n(?=[${CJK}])`, 'g');

export function renderMarkdown(src: string): string {
  return md.render(src.replace(/\r\n?/g, '\n').replace(joinCjk, '$1'));
}

/** Emphasis markers (** or __) that would still show as raw characters on the page. */
export function rawEmphasis(src: string): string[] {
  if (!src.includes('**') && !src.includes('__')) return []; // nothing to find, no rendering
  const text = renderMarkdown(src)
    .replace(/<code>[\s\S]*?<\/code>/g, '')
    .replace(/<[^>]+>/g, '');
  const found: string[] = [];
  for (const m of text.matchAll(/.{0,8}(?:\*\*|__).{0,8}/g)) found.push(m[0].replace(/\s+/g, ' ').trim());
  return found;
}

/** Plain text of a Markdown snippet (for descriptions and feeds). */
export function plainText(src: string): string {
  return src
    .replace(/[*_`#>]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}
