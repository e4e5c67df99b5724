/**
 * Reading comfort, when JavaScript runs (every page works without it): on a phone the long parts
 * of a report's text fold to their headings (the HTML ships them open, so without JavaScript and
 * in print they are whole), a link into a folded part opens it; every printed page says when it
 * was printed; each heading with an id offers a link to itself.
 */
const PHONE = '(max-width: 48rem)';

function openAround(id: string) {
  const target = id ? document.getElementById(decodeURIComponent(id)) : null;
  for (let d = target?.closest('details'); d; d = d.parentElement?.closest('details')) d.open = true;
}

function fold() {
  if (!matchMedia(PHONE).matches) return;
  for (const d of document.querySelectorAll<HTMLDetailsElement>('details[data-fold]')) d.open = false;
  openAround(location.hash.slice(1));
}

function printOpen() {
  let opened: HTMLDetailsElement[] = [];
  addEventListener('beforeprint', () => {
    opened = [...document.querySelectorAll<HTMLDetailsElement>('details:not([open])')];
    for (const d of opened) d.open = true;
    const when = document.querySelector('[data-print-date]');
    if (when) when.textContent = `打印日期：${new Date().toLocaleDateString('zh-CN', { year: 'numeric', month: 'long', day: 'numeric' })}`;
    const where = document.querySelector('[data-print-url]');
    if (where) where.textContent = location.href;
  });
  addEventListener('afterprint', () => {
    for (const d of opened) d.open = false;
    opened = [];
  });
}

function selfLinks() {
  for (const h of document.querySelectorAll<HTMLHeadingElement>('main :is(h2, h3)[id]')) {
    if (h.querySelector('.self-link') || h.closest('nav, summary')) continue;
    const a = document.createElement('a');
    a.className = 'self-link';
    a.href = `#${h.id}`;
    // The mark is drawn by CSS and the link kept out of the heading's name and the tab order: the
    // heading reads as before (to screen readers and to anyone copying it); the 目录 serves the keyboard.
    a.title = '本节链接';
    a.tabIndex = -1;
    a.setAttribute('aria-hidden', 'true');
    h.append(a);
  }
}

fold();
printOpen();
selfLinks();
addEventListener('hashchange', () => openAround(location.hash.slice(1)));
