/**
 * Invisible format characters (Unicode category Cf) in a report's texts. Bidi overrides and
 * isolates reorder what a reader sees (a name that displays as one department and searches as
 * another), zero-width spaces and joiners make two names that look alike differ, and all of them
 * pass into the HTML, the CSV, the JSON and the feed. Each is refused, except where a script
 * needs it and only there: ZWJ/ZWNJ after a letter of a joining script (Arabic, as Uyghur is
 * written; Mongolian; the Indic scripts) or inside an emoji sequence; the bidi marks LRM, RLM
 * and ALM (which reorder nothing past their neighbours) in a text holding right-to-left
 * letters; Mongolian's vowel separator after a Mongolian letter; the Arabic number signs before
 * a digit; and tag characters inside an emoji flag (🏴 + tags).
 */

const FORMAT = /\p{Cf}/gu;
const JOINING =
  /[\p{Script=Arabic}\p{Script=Syriac}\p{Script=Nko}\p{Script=Mongolian}\p{Script=Devanagari}\p{Script=Bengali}\p{Script=Gurmukhi}\p{Script=Gujarati}\p{Script=Oriya}\p{Script=Tamil}\p{Script=Telugu}\p{Script=Kannada}\p{Script=Malayalam}\p{Script=Sinhala}\p{Script=Tibetan}\p{Script=Myanmar}\p{Script=Khmer}]/u;
const EMOJI = /[\p{Extended_Pictographic}\p{Emoji_Modifier}\uFE0F\u20E3]/u;
const RTL = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u;
const MONGOLIAN = /\p{Script=Mongolian}/u;
const DIGIT = /[\p{Nd}]/u;

/** The code point that ends just before `at`, or ''. */
const before = (text: string, at: number) => [...text.slice(Math.max(0, at - 2), at)].at(-1) ?? '';

function allowed(text: string, ch: string, at: number): boolean {
  const cp = ch.codePointAt(0)!;
  const prev = before(text, at);
  const next = [...text.slice(at + ch.length)][0] ?? '';
  if (cp === 0x200c || cp === 0x200d) return prev !== '' && (JOINING.test(prev) || EMOJI.test(prev)) && next !== '';
  if (cp === 0x200e || cp === 0x200f || cp === 0x061c) return RTL.test(text);
  if (cp === 0x180e) return MONGOLIAN.test(prev);
  if ((cp >= 0x0600 && cp <= 0x0605) || cp === 0x06dd || cp === 0x08e2) return DIGIT.test(next);
  if (cp >= 0xe0020 && cp <= 0xe007f) return /\u{1F3F4}[\u{E0020}-\u{E007F}]*$/u.test(text.slice(0, at));
  return false;
}

/** The first format character a text must not hold, with its place (1-based, in characters), or undefined. */
export function hiddenFormatChar(text: string): { char: string; at: number } | undefined {
  for (const m of text.matchAll(FORMAT)) if (!allowed(text, m[0], m.index)) return { char: m[0], at: [...text.slice(0, m.index)].length + 1 };
  return undefined;
}

/** What staff are told the character is. */
export function formatCharKind(ch: string): string {
  const cp = ch.codePointAt(0)!;
  if ((cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069)) return '改变文字显示方向的控制符';
  if (cp === 0x200e || cp === 0x200f || cp === 0x061c) return '文字方向标记';
  if (cp === 0x200b || cp === 0x2060 || cp === 0xfeff) return '零宽空格';
  if (cp === 0x200c || cp === 0x200d) return '零宽连接符';
  if (cp === 0x00ad) return '软连字符';
  return '不可见的格式字符';
}
