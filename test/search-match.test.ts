// A search result counts only when it holds the query's words as written; excerpts start at a
// cell or a sentence and keep a cell's label with its value. On pagefind's own content format.
import { describe, expect, it } from 'vitest';
import { excerptOf, matchKind, pageText, queryTerms } from '../src/client/search-match.ts';

// As pagefind stores a page: words split by zero-width spaces, elements joined by ". ".
const content =
  '预算\u200b执行\u200b率\u200b. \u200b报告所写：98.0%；按数字计算：98.41%\u200b. \u200b履职效能 分值：50\u200b. \u200b得分：49.5\u200b. ' +
  '我局\u200b围绕\u200b区委\u200b中心\u200b工作，推进\u200b电动汽车\u200b充电\u200b设施\u200b建设。琶洲\u200b试验区\u200b发展\u200b良好。';

describe('matchKind', () => {
  const text = pageText(content);
  it('counts a report that holds the whole query as written', () => {
    expect(matchKind(text, queryTerms('电动汽车充电'))).toBe('all');
    expect(matchKind(text, queryTerms('琶洲  98.41%'))).toBe('all');
    expect(matchKind(text, queryTerms('“预算执行率”'))).toBe('all');
  });
  it('does not count a report that only holds the characters, scattered', () => {
    // 火 箭 发 射 are not all in it, but 发 and 展 … are: characters are not words.
    expect(matchKind(text, queryTerms('火箭发射'))).toBe('none');
    expect(matchKind(text, queryTerms('试验发展'))).not.toBe('all');
    expect(matchKind(text, queryTerms('垃圾分类'))).toBe('none');
    // 计算 is a word of 量子计算机 the report holds: only some of the words.
    expect(matchKind(text, queryTerms('量子计算机'))).toBe('some');
  });
  it('tells apart a report holding only some of the words', () => {
    expect(matchKind(text, queryTerms('琶洲 幼儿园'))).toBe('some');
  });
});

describe('excerptOf', () => {
  const text = pageText(content);
  const plain = (q: string) =>
    excerptOf(text, queryTerms(q))
      .map((p) => p.text)
      .join('');
  it('starts at the cell holding the hit and joins cells with ；, the label kept with its value', () => {
    expect(plain('98.41%')).toMatch(/^报告所写：98\.0%；按数字计算：98\.41%；履职效能 分值：50；/);
  });
  it('starts at the sentence holding the hit, not mid-word', () => {
    expect(plain('琶洲')).toMatch(/^琶洲试验区发展良好。/);
    expect(plain('充电')).toMatch(/^我局围绕区委中心工作，推进电动汽车充电/);
  });
  it('marks each occurrence of the words', () => {
    const marks = excerptOf(text, queryTerms('充电')).filter((p) => p.mark);
    expect(marks.map((p) => p.text)).toEqual(['充电']);
  });
});
