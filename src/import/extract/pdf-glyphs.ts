/**
 * The characters a PDF's text layer gives back, made the characters the reader sees. A CJK font
 * draws 山 and the Kangxi radical ⼭ (U+2F2D) with one glyph, and the PDF's ToUnicode map may name
 * either: Chromium's and many office exports name the radical, so `保⼭市退役军⼈事务局` would never
 * match a label. Kangxi radicals and CJK compatibility ideographs go to the ideographs they stand for
 * (NFKC, on those ranges only: applied everywhere it would also turn ① into 1 and ㎡ into m2); the
 * CJK Radicals Supplement, which NFKC leaves alone except for two, by the table below; full-width
 * digits and letters to ASCII and the ideographic space to a space. Punctuation keeps its width, as
 * the text form of the same document has it.
 */

/**
 * CJK Radicals Supplement (U+2E80–U+2EFF) forms and the character a Simplified Chinese font draws
 * with the same glyph (read from Noto Sans CJK SC's cmap); ⼾ is a Kangxi radical whose NFKC form
 * (戶) is the traditional one, while the same glyph in such a font is 户.
 */
const SAME_GLYPH: Record<string, string> = {
  '⺂': '乛',
  '⺃': '乚',
  '⺅': '亻',
  '⺇': '几',
  '⺉': '刂',
  '⺋': '㔾',
  '⺏': '尣',
  '⺐': '尢',
  '⺒': '巳',
  '⺓': '幺',
  '⺔': '彑',
  '⺕': '彐',
  '⺖': '忄',
  '⺘': '扌',
  '⺙': '攵',
  '⺛': '旡',
  '⺞': '歺',
  '⺟': '母',
  '⺠': '民',
  '⺡': '氵',
  '⺣': '灬',
  '⺤': '爫',
  '⺦': '丬',
  '⺨': '犭',
  '⺭': '礻',
  '⺯': '糹',
  '⺰': '纟',
  '⺱': '罓',
  '⺳': '㓁',
  '⺹': '耂',
  '⺺': '肀',
  '⺾': '艹',
  '⻂': '衤',
  '⻅': '见',
  '⻆': '角',
  '⻈': '讠',
  '⻉': '贝',
  '⻋': '车',
  '⻌': '辶',
  '⻐': '钅',
  '⻑': '長',
  '⻒': '镸',
  '⻓': '长',
  '⻔': '门',
  '⻖': '阝',
  '⻘': '青',
  '⻙': '韦',
  '⻚': '页',
  '⻛': '风',
  '⻜': '飞',
  '⻝': '食',
  '⻟': '飠',
  '⻠': '饣',
  '⻢': '马',
  '⻣': '骨',
  '⻤': '鬼',
  '⻥': '鱼',
  '⻦': '鸟',
  '⻧': '卤',
  '⻨': '麦',
  '⻩': '黄',
  '⻪': '黾',
  '⻫': '斉',
  '⻬': '齐',
  '⻮': '齿',
  '⻯': '竜',
  '⻰': '龙',
  '⻱': '龜',
  '⻲': '亀',
  '⻳': '龟',
  '⼾': '户',
};

// Kangxi radicals, CJK compatibility ideographs (and their supplement), full-width ASCII, U+3000.
const ODD = /[\u2e80-\u2eff\u2f00-\u2fdf\uf900-\ufaff\uff01-\uff5e\u3000]|[\u{2f800}-\u{2fa1f}]/gu;

export function normalizeGlyphs(s: string): string {
  return s.replace(ODD, (ch) => {
    const c = ch.codePointAt(0)!;
    if (SAME_GLYPH[ch]) return SAME_GLYPH[ch];
    if (c <= 0x2eff) return ch;
    if (c === 0x3000) return ' ';
    if (c >= 0xff01 && c <= 0xff5e) return /[０-９Ａ-Ｚａ-ｚ]/.test(ch) ? String.fromCharCode(c - 0xfee0) : ch;
    return ch.normalize('NFKC');
  });
}
