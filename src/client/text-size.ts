/**
 * The 适老化 switch: 标准 / 大字号 (150 %) / 特大 (200 %), the larger two with high contrast,
 * remembered in localStorage so that it holds on every page (src/client/display-early.js
 * applies it before paint). Without JavaScript the switch stays hidden, since it could do nothing.
 */
const KEY = 'jixiao-large-text';
const root = document.documentElement;
type Level = '0' | '1' | '2';

const current = (): Level => (root.classList.contains('text-xl') ? '2' : root.classList.contains('large-text') ? '1' : '0');

function store(level: Level) {
  try {
    if (level === '0') localStorage.removeItem(KEY);
    else localStorage.setItem(KEY, level);
  } catch {
    /* storage off: the choice lasts for this page only */
  }
}

function apply(level: Level) {
  root.classList.toggle('large-text', level !== '0');
  root.classList.toggle('text-xl', level === '2');
  store(level);
  sync();
  document.dispatchEvent(new CustomEvent('jixiao:display-change'));
}

function sync() {
  const level = current();
  for (const b of document.querySelectorAll<HTMLButtonElement>('button[data-text-level]'))
    b.setAttribute('aria-pressed', String(b.dataset.textLevel === level));
}

for (const group of document.querySelectorAll<HTMLElement>('[data-display-toggle]')) {
  group.hidden = false;
  group.addEventListener('click', (e) => {
    const b = (e.target as Element).closest<HTMLButtonElement>('button[data-text-level]');
    if (b) apply(b.dataset.textLevel as Level);
  });
}
sync();
