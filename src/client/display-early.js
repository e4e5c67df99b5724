// 适老化 (large text, high contrast): applied to <html> from <head>, before the page is painted,
// so a reader who chose it never sees the small page flash. A classic script, not a module,
// so that it runs at once; src/client/text-size.ts wires the buttons.
// Stored value: '1' = 大字号 (150 %), '2' = 特大字号 (200 %); both with high contrast.
(function () {
  try {
    var v = window.localStorage.getItem('jixiao-large-text');
    if (v === '1' || v === '2') document.documentElement.classList.add('large-text');
    if (v === '2') document.documentElement.classList.add('text-xl');
  } catch (e) {
    /* storage off: the default display */
  }
})();
