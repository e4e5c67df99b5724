/**
 * What the build does after Astro and before the atomic swap: drop the empty content-layer
 * stubs Astro leaves in the output (content-assets.mjs, content-modules.mjs — nothing
 * references them, and they would ship in every package), then write the sitemap.
 */
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { LoadedReport } from '../validate/index.ts';
import { writeSitemap } from './sitemap.ts';

export const ASTRO_LEFTOVERS = ['content-assets.mjs', 'content-modules.mjs'];

export async function finishSite(opts: { dir: string; siteUrl?: string | undefined; reports: readonly LoadedReport[] }): Promise<void> {
  for (const f of ASTRO_LEFTOVERS) await rm(join(opts.dir, f), { force: true });
  if (opts.siteUrl) await writeSitemap({ dir: opts.dir, site: opts.siteUrl, reports: opts.reports.filter((r) => !r.report.draft) });
}
