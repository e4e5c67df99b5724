/*
 * jixiao dev's 核对 page in the browser (dev only, never in a built site): follows each save of
 * the data file by fetching the page again and swapping its <main>, keeping where both sides were
 * scrolled and which link had the focus; a click on a mark or a figure brings the other into
 * view, focused and outlined. Without it the page still works: its links are plain anchors.
 */
(() => {
  const root = document.documentElement;
  const size = window.localStorage.getItem('jixiao-large-text');
  if (size === '1' || size === '2') root.dataset.textSize = size;
  const base = root.dataset.base || '/';

  const follow = async () => {
    const res = await window.fetch(window.location.href, { cache: 'no-store' });
    const next = new window.DOMParser().parseFromString(await res.text(), 'text/html').querySelector('main');
    const now = document.querySelector('main');
    if (!next || !now) return;
    const scrolled = [...document.querySelectorAll('[data-keep-scroll]')].map((el) => [el.dataset.keepScroll, el.scrollTop]);
    const focused = document.activeElement && document.activeElement.id;
    const y = window.scrollY;
    now.replaceWith(next);
    for (const [key, top] of scrolled) {
      const el = document.querySelector(`[data-keep-scroll="${key}"]`);
      if (el) el.scrollTop = top;
    }
    window.scrollTo(0, y);
    if (focused) document.getElementById(focused)?.focus({ preventScroll: true });
  };
  const events = new window.EventSource(`${base}__jixiao/events/`);
  events.onmessage = (e) => {
    if (e.data === 'reload') follow().catch(() => window.location.reload());
  };

  document.addEventListener('click', (e) => {
    const link = e.target instanceof window.Element ? e.target.closest('a.jx-mark, a.jx-val') : null;
    const id = link && link.getAttribute('href').slice(1);
    const target = id && document.getElementById(id);
    if (!target) return;
    e.preventDefault();
    window.history.replaceState(null, '', `#${id}`);
    for (const el of document.querySelectorAll('.jx-on')) el.classList.remove('jx-on');
    target.classList.add('jx-on');
    // Within its own side: the other side, and the page, stay where the clerk has them.
    const pane = target.closest('.jx-pane');
    if (pane && pane.scrollHeight > pane.clientHeight) {
      pane.scrollTop = target.offsetTop - pane.clientHeight / 2;
      pane.scrollIntoView({ block: 'nearest' });
    } else target.scrollIntoView({ block: 'center' });
    target.focus({ preventScroll: true });
  });
})();
