/**
 * Rendering a build's pages in two Astro processes, so that both cores work (Astro renders in one
 * thread). Each process bundles the same code and renders its share of the pages of every route
 * with parameters (src/site/shard.ts) into its own folder; the second process's folder is then
 * merged into the first's, keeping the first's copy of the pages both made (those without
 * parameters: the same bytes, or an empty body for the costly endpoints only the first makes).
 * The second process gets the validated reports from this one, so both render the same content.
 */
import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { provideBuildContext, type BuildContext } from '../site/build-context.ts';
import { portable, revive, type PortableReport } from '../validate/load-content.ts';
import { mergeAstroCaches } from '../astro/private.ts';
import { startChild } from './child.ts';
import { runAstro, type AstroRun } from './run-astro.ts';

/** Below this many report files the second process's start-up costs more than it saves. */
const SHARDED_FROM = 200;
/** Above this many two Astro processes would pass the 2 GB the build may use; one renders all. */
const SHARDED_UP_TO = 4000;

/** The folder the k-th Astro process of a build (from 2) renders into, beside the output. */
export const shardOutDir = (outDir: string, k: number) => `${outDir}-shard-${k}`;

/**
 * Two processes for a build from nothing; one for a rebuild from a warm cache, which restores
 * most pages and renders few: there the second process only bundles the site again. A build in two leaves one
 * cache for the next (src/astro/private.ts).
 */
export function defaultShards(files: number, cache: { warm: boolean }): number {
  return !cache.warm && files >= SHARDED_FROM && files <= SHARDED_UP_TO && availableParallelism() >= 2 ? 2 : 1;
}

interface ShardJob {
  astro: AstroRun;
  context: Omit<BuildContext, 'reports'> & { reports: PortableReport[] };
}

/** The other Astro processes of a build, started before validation so that their start-up overlaps with it. */
export interface Shards {
  count: number;
  render(astro: AstroRun, context: BuildContext): Promise<string[]>;
  stop(): void;
}

export function startShards(count: number, heapMB: number): Shards {
  const children = Array.from({ length: count - 1 }, () =>
    startChild<string[]>(new URL('./shard-worker.mjs', import.meta.url), 'pages', { heapMB, advanced: true }),
  );
  return {
    count,
    render: (astro, context) => renderInShards(astro, context, count, children),
    stop: () => children.forEach((c) => c.stop()),
  };
}

/** Renders the pages in this process and the children into `astro.outDir`; the pages made (each once). */
async function renderInShards(astro: AstroRun, context: BuildContext, count: number, children: ReturnType<typeof startChild<string[]>>[]): Promise<string[]> {
  const reports = context.reports.map(portable);
  const others = children.map((child, k) => {
    const index = k + 1;
    const job: ShardJob = {
      astro: { ...astro, outDir: shardOutDir(astro.outDir, index + 1), cacheDir: astro.cacheDir && `${astro.cacheDir}-${index + 1}` },
      context: { ...context, reports, shard: { index, count } },
    };
    return { dir: job.astro.outDir, cacheDir: job.astro.cacheDir, done: child.run(job) };
  });
  provideBuildContext({ ...context, shard: { index: 0, count } });
  try {
    const settled = await Promise.allSettled([runAstro(astro), ...others.map((o) => o.done)]);
    const failed = settled.find((s) => s.status === 'rejected');
    if (failed) throw failed.reason;
    // Pages without parameters are made by every process, and kept once.
    const pages = [...new Set(settled.flatMap((s) => (s.status === 'fulfilled' ? s.value : [])))];
    for (const o of others) await mergeInto(o.dir, astro.outDir);
    if (astro.cacheDir)
      mergeAstroCaches(
        astro.cacheDir,
        others.map((o) => o.cacheDir!),
      );
    return pages;
  } finally {
    for (const o of others) await rm(o.dir, { recursive: true, force: true });
  }
}

/** The child's side: the context handed over, then Astro over this process's share. */
export async function renderShard(job: ShardJob): Promise<string[]> {
  provideBuildContext({ ...job.context, reports: job.context.reports.map(revive) });
  return runAstro(job.astro);
}

/** Moves every file of `from` into `to` where `to` has none at that path. */
async function mergeInto(from: string, to: string): Promise<void> {
  for (const entry of await readdir(from, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const source = join(entry.parentPath, entry.name);
    const target = join(to, source.slice(from.length + 1));
    if (await stat(target).catch(() => undefined)) continue;
    await mkdir(dirname(target), { recursive: true });
    await rename(source, target);
  }
}
