/** Minimal XML writing for the feed and the sitemap: escaping, and nothing a parser could trip on. */

/** Escapes text and attribute values; drops characters XML 1.0 forbids (C0 controls but tab, LF, CR). */
export function xmlEscape(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&apos;');
}
