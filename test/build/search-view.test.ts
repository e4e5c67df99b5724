// The part of a report page its search entry is made from: the page without the elements pagefind
// ignores, cut only where the cut is plain, so that a doubt keeps a page's bytes in the key.
import { describe, expect, it } from 'vitest';
import { searchView } from '../../src/build/search-view.ts';

const page = (related: string) =>
  `<article data-pagefind-body><h1>报告</h1><nav class="related" aria-label="相关报告" data-pagefind-ignore><ul><li>其他年度：${related}</li></ul></nav><p>正文</p></article>`;

describe('searchView', () => {
  it('is the same for two pages that differ only inside an ignored element', () => {
    const before = page('<a href="/reports/2023-a/">2023 年度</a>');
    const after = page('<a href="/reports/2024-a/">2024 年度</a>、<a href="/reports/2023-a/">2023 年度</a>');
    expect(before).not.toBe(after);
    expect(searchView(after)).toBe(searchView(before));
    expect(searchView(before)).toBe('<article data-pagefind-body><h1>报告</h1><p>正文</p></article>');
  });

  it('keeps every indexed word in the view', () => {
    expect(searchView(page('x').replace('正文', '新正文'))).not.toBe(searchView(page('x')));
  });

  it('cuts nested elements of the same name as one', () => {
    const html = '<div data-pagefind-ignore><div>a</div><div>b</div></div><p>c</p>';
    expect(searchView(html)).toBe('<p>c</p>');
  });

  it('keeps an ignored element holding pagefind filters or meta, which pagefind still reads', () => {
    const html = '<div data-pagefind-ignore><span data-pagefind-filter="year">2024</span></div><p>c</p>';
    expect(searchView(html)).toBe(html);
  });

  it('keeps an ignored element whose end it cannot find', () => {
    const html = '<p>a</p><section data-pagefind-ignore><p>b</p>';
    expect(searchView(html)).toBe(html);
  });

  it('takes an attribute merely starting with the name for nothing', () => {
    const html = '<div data-pagefind-ignored-not>a</div>';
    expect(searchView(html)).toBe(html);
  });
});
