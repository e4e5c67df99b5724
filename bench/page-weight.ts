/**
 * What a page costs a reader: gzip bytes of its HTML, and of the CSS and JS it loads — following
 * module imports, as a browser would — read from the built output folder.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface Weight {
  html: number;
  css: number;
  js: number;
  total: number;
  jsFiles: string[];
}

const gz = (b: Buffer) => gzipSync(b, { level: 9 }).length;

export function pageWeight(dist: string, base: string, pagePath: string): Weight {
  const local = (url: string) => join(dist, url.startsWith(base) ? url.slice(base.length) : url.replace(/^\//, ''));
  const html = readFileSync(join(dist, pagePath, 'index.html'));
  const text = html.toString('utf8');
  const css = [...text.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/g)].map((m) => m[1]!);
  const scripts = [...text.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1]!);
  const seen = new Set<string>();
  const queue = [...scripts];
  while (queue.length) {
    const url = queue.pop()!;
    if (seen.has(url)) continue;
    seen.add(url);
    const file = local(url);
    if (!existsSync(file)) continue;
    const src = readFileSync(file, 'utf8');
    for (const m of src.matchAll(/(?:import|from)\s*\(?\s*["'](\.{1,2}\/[^"']+\.js)["']/g)) {
      const dir = url.slice(0, url.lastIndexOf('/') + 1);
      queue.push(new URL(m[1]!, `http://x${dir}`).pathname);
    }
  }
  const sizeOf = (urls: Iterable<string>) =>
    [...urls]
      .map(local)
      .filter(existsSync)
      .reduce((s, f) => s + gz(readFileSync(f)), 0);
  const w = { html: gz(html), css: sizeOf(css), js: sizeOf(seen), jsFiles: [...seen] };
  return { ...w, total: w.html + w.css + w.js };
}
