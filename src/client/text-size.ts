/**
 * The 适老化 button: large text and high contrast, remembered in localStorage so that it holds
 * on every page (src/client/display-early.js applies it before paint). Without JavaScript the
 * button stays hidden, since it could do nothing.
 */
const KEY = 'jixiao-large-text';
const root = document.documentElement;

function store(on: boolean) {
  try {
    if (on) localStorage.setItem(KEY, '1');
    else localStorage.removeItem(KEY);
  } catch {
    /* storage off: the choice lasts for this page only */
  }
}

for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-display-toggle]')) {
  const sync = () => button.setAttribute('aria-pressed', String(root.classList.contains('large-text')));
  sync();
  button.hidden = false;
  button.addEventListener('click', () => {
    const on = !root.classList.contains('large-text');
    root.classList.toggle('large-text', on);
    store(on);
    sync();
    document.dispatchEvent(new CustomEvent('jixiao:display-change'));
  });
}
