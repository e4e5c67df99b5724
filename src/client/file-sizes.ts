/**
 * The data page's file sizes, read from datapackage.json (which the build writes with every
 * file's byte count) and from datapackage.json's own length. Without JavaScript the page says
 * where the sizes are listed instead.
 */
const cells = [...document.querySelectorAll<HTMLElement>('[data-size-of]')];
const size = (n: number) => (n < 1024 ? `${n} 字节` : n < 1024 * 1024 ? `${(n / 1024).toFixed(1)} KB` : `${(n / 1024 / 1024).toFixed(1)} MB`);

async function fill() {
  const url = document.querySelector<HTMLAnchorElement>('a[data-datapackage]')?.href;
  if (!url || !cells.length) return;
  const res = await fetch(url);
  if (!res.ok) return;
  const body = await res.text();
  const bytes = new Map<string, number>([['datapackage.json', new TextEncoder().encode(body).length]]);
  for (const r of (JSON.parse(body) as { resources?: { path: string; bytes?: number }[] }).resources ?? [])
    if (r.bytes !== undefined) bytes.set(r.path, r.bytes);
  for (const c of cells) {
    const n = bytes.get(c.dataset.sizeOf!);
    if (n !== undefined) c.textContent = size(n);
  }
}

void fill().catch(() => {});
