/**
 * Sorting for comparison tables, an enhancement: without JavaScript a table reads in the order
 * the build chose. Every header of a table[data-sortable] becomes a button (aria-sort tells
 * screen readers the order); on phones, where the header row is hidden by the stacked layout,
 * a 排序 list above the table does the same. Cells carry their sort key in data-sort; cells
 * without one (missing figures) go last in either direction; 合计 rows in <tfoot> never move.
 */
type Dir = 'ascending' | 'descending';

const collator = new Intl.Collator('zh-CN', { numeric: true });

function sortBy(table: HTMLTableElement, col: number, dir: Dir) {
  const body = table.tBodies[0];
  if (!body) return;
  const numeric = table.tHead?.rows[0]?.cells[col]?.dataset.type === 'number';
  const key = (tr: HTMLTableRowElement) => tr.cells[col]?.dataset.sort;
  const rows = [...body.rows].map((tr, i) => ({ tr, i, k: key(tr) }));
  rows.sort((a, b) => {
    if (a.k === undefined || b.k === undefined) return a.k === b.k ? a.i - b.i : a.k === undefined ? 1 : -1;
    const c = numeric ? Number(a.k) - Number(b.k) : collator.compare(a.k, b.k);
    return (dir === 'ascending' ? c : -c) || a.i - b.i;
  });
  body.append(...rows.map((r) => r.tr));
  [...(table.tHead?.rows[0]?.cells ?? [])].forEach((th, i) => (i === col ? th.setAttribute('aria-sort', dir) : th.removeAttribute('aria-sort')));
  const select = table.closest('.compare-table')?.querySelector<HTMLSelectElement>('.sort-select');
  if (select) select.value = `${col}:${dir}`;
  const status = table.closest('.compare-table')?.querySelector('.sort-status');
  const name = table.tHead?.rows[0]?.cells[col]?.dataset.name ?? '';
  if (status) status.textContent = `已按${name}${dir === 'ascending' ? (numeric ? '从低到高' : '升序') : numeric ? '从高到低' : '降序'}排列`;
}

function enhance(table: HTMLTableElement) {
  const heads = [...(table.tHead?.rows[0]?.cells ?? [])] as HTMLTableCellElement[];
  const box = table.closest('.compare-table');
  const bar = document.createElement('div');
  bar.className = 'sort-bar';
  const id = `${table.id}-sort`;
  bar.innerHTML = `<label for="${id}">排序</label><select class="sort-select" id="${id}"><option value="">原顺序</option></select><span class="sort-status visually-hidden" role="status"></span>`;
  const select = bar.querySelector('select')!;
  heads.forEach((th, col) => {
    const numeric = th.dataset.type === 'number';
    const name = th.textContent?.replace(/\s+/g, '').trim() ?? '';
    const sub = th.querySelector('.th-sub')?.textContent ?? '';
    const title = sub ? `${name.slice(0, name.length - sub.length)}（${sub}）` : name;
    th.dataset.name = title;
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'sort-button';
    button.append(...th.childNodes);
    th.append(button);
    button.addEventListener('click', () => {
      const now = th.getAttribute('aria-sort') as Dir | null;
      sortBy(table, col, now ? (now === 'ascending' ? 'descending' : 'ascending') : numeric ? 'descending' : 'ascending');
    });
    const [first, second]: Dir[] = numeric ? ['descending', 'ascending'] : ['ascending', 'descending'];
    for (const dir of [first, second]) {
      const label = numeric ? (dir === 'descending' ? '从高到低' : '从低到高') : dir === 'ascending' ? '升序' : '降序';
      select.add(new Option(`${title}${label}`, `${col}:${dir}`));
    }
  });
  const original = [...(table.tBodies[0]?.rows ?? [])];
  select.addEventListener('change', () => {
    if (!select.value) {
      table.tBodies[0]?.append(...original);
      heads.forEach((th) => th.removeAttribute('aria-sort'));
      return;
    }
    const [col, dir] = select.value.split(':');
    sortBy(table, Number(col), dir as Dir);
  });
  (box ?? table).prepend(bar);
  table.dataset.sortReady = 'true';
}

document.querySelectorAll<HTMLTableElement>('table[data-sortable]:not([data-sort-ready])').forEach(enhance);
