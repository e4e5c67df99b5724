/**
 * The search page in the browser: the form's fields mirror the URL (?q=…&year=…&page=…), so a
 * search can be shared and the back button returns to the previous one (pushState / popstate).
 * Results show title, department, year, score, grade and budget, and pagefind's highlighted
 * excerpt with its cell-joining ". " cleaned, ten to a page.
 * Meta values are inserted as text; excerpts keep only their <mark> elements.
 */
import { checkResults, cleanExcerpt, loadPagefind, rankedSearch, type Filters, type PagefindResult, type PagefindResultData } from './search-engine.ts';
import { excerptOf, pageText, queryTerms, type Piece } from './search-match.ts';

const PAGE_SIZE = 10;
const FILTERS = ['year', 'department', 'kind', 'grade'] as const;

const form = document.getElementById('search-form') as HTMLFormElement | null;
if (form) start(form);

function start(form: HTMLFormElement) {
  const status = document.getElementById('search-status')!;
  const list = document.getElementById('search-results') as HTMLOListElement;
  const pager = document.getElementById('search-pages')!;
  const partialBox = document.getElementById('search-partial')!;
  const partialList = document.getElementById('search-partial-results') as HTMLOListElement;
  document.getElementById('search-nojs')?.setAttribute('hidden', '');
  const engine = loadPagefind(form.dataset.bundle!, form.dataset.base!);
  let run = 0;

  const fields = () => new URLSearchParams([...new FormData(form)].filter(([, v]) => v !== '') as [string, string][]);
  const setFields = (params: URLSearchParams) => {
    for (const el of form.elements) {
      if (el instanceof HTMLInputElement || el instanceof HTMLSelectElement) if (el.name) el.value = params.get(el.name) ?? '';
    }
  };
  const navigate = (params: URLSearchParams, replace = false) => {
    const url = `${location.pathname}${params.size ? `?${params}` : ''}`;
    if (url !== `${location.pathname}${location.search}`) history[replace ? 'replaceState' : 'pushState'](null, '', url);
    void show(params);
  };

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    navigate(fields());
  });
  form.addEventListener('change', (e) => {
    if (e.target instanceof HTMLSelectElement) navigate(fields());
  });
  pager.addEventListener('click', (e) => {
    const a = (e.target as Element).closest('a');
    if (!a) return;
    e.preventDefault();
    navigate(new URL(a.href).searchParams);
    document.getElementById('search-q')?.focus();
  });
  window.addEventListener('popstate', () => {
    const p = new URLSearchParams(location.search);
    setFields(p);
    void show(p);
  });

  const initial = new URLSearchParams(location.search);
  setFields(initial);
  void show(initial);

  async function show(params: URLSearchParams) {
    const mine = ++run;
    const q = params.get('q') ?? '';
    const filters: Filters = {};
    for (const f of FILTERS) {
      const v = params.getAll(f).filter(Boolean);
      if (v.length) filters[f] = { any: v };
    }
    showPartial([], []);
    if (!q.trim() && !Object.keys(filters).length) {
      render([], 0, params, []);
      status.textContent = '';
      return;
    }
    status.textContent = '正在搜索……';
    try {
      const results = await rankedSearch(await engine, { q, filters, sort: params.get('sort') ?? undefined });
      const terms = queryTerms(q);
      const page = (n: number) => Math.min(Math.max(1, Math.ceil(n / PAGE_SIZE)), Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1));
      if (!terms.length) {
        // Filters only: every report in them is a result.
        const pages = Math.max(1, Math.ceil(results.length / PAGE_SIZE));
        const p = page(results.length);
        const data = await Promise.all(results.slice((p - 1) * PAGE_SIZE, p * PAGE_SIZE).map((r: PagefindResult) => r.data()));
        if (mine !== run) return;
        render(data, p, params, [], pages);
        status.textContent = results.length
          ? `所选条件共找到 ${results.length} 份报告${pages > 1 ? `，第 ${p} / ${pages} 页` : ''}。`
          : '没有找到与所选条件相符的报告。可以减少筛选条件。';
        return;
      }
      // Pagefind matches Chinese by characters: count only reports holding the words as written.
      const { matches, partial, unchecked } = await checkResults(results, terms);
      if (mine !== run) return;
      const pages = Math.max(1, Math.ceil(matches.length / PAGE_SIZE));
      const p = page(matches.length);
      render(
        matches.slice((p - 1) * PAGE_SIZE, p * PAGE_SIZE).map((m) => m.data),
        p,
        params,
        terms,
        pages,
      );
      const what = `“${q.trim()}”`;
      const more = unchecked ? `（只核对了前 ${results.length - unchecked} 个候选结果，请加词缩小范围）` : '';
      if (matches.length) {
        status.textContent = `${what}共找到 ${matches.length} 份报告${pages > 1 ? `，第 ${p} / ${pages} 页` : ''}${more}。`;
      } else {
        status.textContent = `没有找到包含${what}的报告${Object.keys(filters).length ? '（在所选条件中）' : ''}${more}。可以换一个词，或减少筛选条件。`;
        showPartial(
          partial.slice(0, PAGE_SIZE).map((m) => m.data),
          terms,
        );
      }
    } catch (err) {
      if (mine !== run) return;
      render([], 0, params, []);
      status.textContent = '搜索暂时无法使用，请稍后再试，或按年度、按部门浏览报告。';
      console.warn(err);
    }
  }

  /** Reports holding only some of the words, apart and labelled, when none holds them all. */
  function showPartial(data: PagefindResultData[], terms: string[]) {
    partialList.replaceChildren(...data.map((d) => resultItem(d, terms)));
    partialBox.hidden = data.length === 0;
  }

  function render(data: PagefindResultData[], page: number, params: URLSearchParams, terms: string[], pages = 0) {
    list.replaceChildren(...data.map((d) => resultItem(d, terms)));
    list.start = (page - 1) * PAGE_SIZE + 1;
    pager.replaceChildren();
    pager.hidden = pages < 2;
    if (pages < 2) return;
    const ul = document.createElement('ul');
    const link = (n: number, label: string, rel?: string) => {
      const li = document.createElement('li');
      if (n === page && !rel) {
        const cur = document.createElement('span');
        cur.setAttribute('aria-current', 'page');
        cur.textContent = label;
        li.append(cur);
      } else {
        const a = document.createElement('a');
        const p = new URLSearchParams(params);
        if (n > 1) p.set('page', String(n));
        else p.delete('page');
        a.href = `?${p}`;
        a.textContent = label;
        if (rel) a.rel = rel;
        li.append(a);
      }
      ul.append(li);
    };
    if (page > 1) link(page - 1, '上一页', 'prev');
    for (const n of pageNumbers(page, pages)) link(n, String(n));
    if (page < pages) link(page + 1, '下一页', 'next');
    pager.append(ul);
  }
}

/** At most nine page links around the current one, always with the first and last. */
function pageNumbers(page: number, pages: number): number[] {
  const from = Math.max(1, Math.min(page - 4, pages - 8));
  const span = Array.from({ length: Math.min(9, pages) }, (_, i) => from + i);
  return [...new Set([1, ...span, pages])].sort((a, b) => a - b);
}

function resultItem(d: PagefindResultData, terms: string[]): HTMLLIElement {
  const li = document.createElement('li');
  const h = document.createElement('h2');
  const a = document.createElement('a');
  a.href = d.url;
  a.textContent = d.meta.title ?? d.url;
  h.append(a);
  const meta = document.createElement('p');
  meta.className = 'search-meta';
  meta.textContent = [d.meta.department, d.meta.year && `${d.meta.year} 年度`, d.meta.kind].filter(Boolean).join(' · ');
  li.append(h, meta);
  const figures = (
    [
      ['自评得分', d.meta.score],
      ['等级', d.meta.grade],
      ['全年预算', d.meta.budget],
    ] as const
  ).filter(([, v]) => v);
  if (figures.length) {
    const dl = document.createElement('dl');
    dl.className = 'search-figures';
    for (const [label, value] of figures) {
      const div = document.createElement('div');
      const dt = document.createElement('dt');
      const dd = document.createElement('dd');
      dt.textContent = label;
      dd.textContent = value!;
      div.append(dt, dd);
      dl.append(div);
    }
    li.append(dl);
  }
  const excerpt = document.createElement('p');
  excerpt.className = 'search-excerpt';
  // With words: cut from the page's own text at a cell or a sentence, the words marked.
  excerpt.append(...(terms.length && d.content ? pieces(excerptOf(pageText(d.content), terms)) : markedText(cleanExcerpt(d.excerpt))));
  li.append(excerpt);
  return li;
}

function pieces(ps: Piece[]): Node[] {
  return ps.map((p) => {
    if (!p.mark) return document.createTextNode(p.text);
    const m = document.createElement('mark');
    m.textContent = p.text;
    return m;
  });
}

/** Pagefind's excerpt is escaped HTML with <mark> around hits: keep the text and the marks only. */
function markedText(html: string): Node[] {
  const doc = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  return [...doc.body.childNodes].map((n) => {
    if (n.nodeName === 'MARK') {
      const m = document.createElement('mark');
      m.textContent = n.textContent;
      return m;
    }
    return document.createTextNode(n.textContent ?? '');
  });
}
