/**
 * sitemap.xml, written after Astro has built the site so that it lists exactly the pages that
 * exist (every index.html), whoever added them. Only with a site URL: the sitemap protocol
 * requires absolute URLs. A report page's lastmod is its date from the data; others have none.
 */
import { readdir, writeFile } from 'node:fs/promises';
import { join, sep } from 'node:path';
import type { LoadedReport } from '../validate/index.ts';
import { reportDate } from './dates.ts';
import { xmlEscape } from './xml.ts';

export interface SitemapInput {
  /** Built site folder. */
  dir: string;
  /** Public URL of the site root, base path included. */
  site: string;
  reports: readonly LoadedReport[];
}

/** Site-relative page paths ("", "reports/2022-a/") of every index.html, in byte order. */
export async function pagePaths(dir: string): Promise<string[]> {
  const files = await readdir(dir, { recursive: true });
  return files
    .map(String)
    .filter((f) => f === 'index.html' || f.endsWith(`${sep}index.html`))
    .map((f) => f.slice(0, -'index.html'.length).split(sep).join('/'))
    .sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
}

export function sitemapXml(site: string, paths: readonly string[], reports: readonly LoadedReport[]): string {
  const root = site.replace(/\/?$/, '/');
  const dates = new Map(reports.map((r) => [`reports/${r.id}/`, reportDate(r)]));
  const urls = paths.map((p) => {
    const lastmod = dates.get(p);
    const loc = new URL(p.split('/').map(encodeURIComponent).join('/'), root).href;
    return `  <url><loc>${xmlEscape(loc)}</loc>${lastmod ? `<lastmod>${lastmod}</lastmod>` : ''}</url>`;
  });
  return ['<?xml version="1.0" encoding="utf-8"?>', '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">', ...urls, '</urlset>', ''].join('\n');
}

/** Writes sitemap.xml into the built site; does nothing without a site URL. */
export async function writeSitemap(input: SitemapInput): Promise<boolean> {
  if (!input.site) return false;
  const paths = await pagePaths(input.dir);
  await writeFile(join(input.dir, 'sitemap.xml'), sitemapXml(input.site, paths, input.reports));
  return true;
}
