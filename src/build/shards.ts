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
import { runInChild } from './child.ts';
import { runAstro, type AstroRun } from './run-astro.ts';

/** Above this many reports two Astro processes would pass the 2 GB the build may use; one renders all. */
const SHARDED_UP_TO = 4000;

export function defaultShards(reports: number): number {
  return reports <= SHARDED_UP_TO && availableParallelism() >= 2 ? 2 : 1;
}

interface ShardJob {
  astro: AstroRun;
  context: Omit<BuildContext, 'reports'> & { reports: PortableReport[] };
}

/** Renders the pages in `count` processes (this one and count − 1 children) into `astro.outDir`; the number of HTML pages. */
export async function renderInShards(astro: AstroRun, context: BuildContext, count: number, heapMB: number): Promise<number> {
  const reports = context.reports.map(portable);
  const others = Array.from({ length: count - 1 }, (_, k) => {
    const index = k + 1;
    const job: ShardJob = {
      astro: { ...astro, outDir: `${astro.outDir}-shard-${index + 1}`, cacheDir: astro.cacheDir && `${astro.cacheDir}-${index + 1}` },
      context: { ...context, reports, shard: { index, count } },
    };
    return {
      dir: job.astro.outDir,
      done: runInChild<number>(new URL('./shard-worker.mjs', import.meta.url), job, '生成页面的进程意外退出', { heapMB, advanced: true }),
    };
  });
  provideBuildContext({ ...context, shard: { index: 0, count } });
  try {
    const settled = await Promise.allSettled([runAstro(astro), ...others.map((o) => o.done)]);
    const failed = settled.find((s) => s.status === 'rejected');
    if (failed) throw failed.reason;
    for (const o of others) await mergeInto(o.dir, astro.outDir);
  } finally {
    for (const o of others) await rm(o.dir, { recursive: true, force: true });
  }
  return (await readdir(astro.outDir, { recursive: true })).filter((f) => String(f).endsWith('.html')).length;
}

/** The child's side: the context handed over, then Astro over this process's share. */
export async function renderShard(job: ShardJob): Promise<number> {
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
