/**
 * What of a report page its search-index entry is made from, for keying search parts: the page
 * without its elements marked `data-pagefind-ignore`, which pagefind leaves out of the index.
 * A report page lists its department's other reports there (a search-ignored nav), so a new
 * year's report changed the bytes of that department's older pages; keyed by their bytes, every
 * part was indexed again although not one indexed word had changed. An ignored element is cut
 * only where the cut is plain: its closing tag found by counting tags of its name, and no pagefind
 * attribute inside it (pagefind still reads filters and meta in an ignored element). Anything else
 * stays in the key, so a doubt costs an index run, never a stale index.
 */

const IGNORED = /<([a-z][a-z0-9-]*)\b[^<>]*\sdata-pagefind-ignore(?:="[^"]*")?(?=[\s/>])[^<>]*>/g;

/** The page's text with its plainly delimited search-ignored elements cut out. */
export function searchView(html: string): string {
  let out = '';
  let from = 0;
  IGNORED.lastIndex = 0;
  for (let m = IGNORED.exec(html); m; m = IGNORED.exec(html)) {
    const end = closingEnd(html, m[1]!, IGNORED.lastIndex);
    if (end === undefined || html.slice(IGNORED.lastIndex, end).includes('data-pagefind-')) continue;
    out += html.slice(from, m.index);
    from = end;
    IGNORED.lastIndex = end;
  }
  return out + html.slice(from);
}

/** Where the element whose opening tag ends at `at` ends (after its closing tag); undefined if unclear. */
function closingEnd(html: string, name: string, at: number): number | undefined {
  const tags = new RegExp(`<(/?)${name}[\\s/>]`, 'g');
  tags.lastIndex = at;
  let depth = 1;
  for (let t = tags.exec(html); t; t = tags.exec(html)) {
    depth += t[1] ? -1 : 1;
    if (depth === 0) {
      const close = html.indexOf('>', t.index);
      return close < 0 ? undefined : close + 1;
    }
  }
  return undefined;
}
