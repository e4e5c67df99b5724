// 适老化 (large text, high contrast): applied to <html> from <head>, before the page is painted,
// so a reader who chose it never sees the small page flash. A classic script, not a module,
// so that it runs at once; src/client/text-size.ts wires the button.
(function () {
  try {
    if (window.localStorage.getItem('jixiao-large-text') === '1') document.documentElement.classList.add('large-text');
  } catch (e) {
    /* storage off: the default display */
  }
})();
