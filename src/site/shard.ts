/**
 * Astro renders the pages of a build in one thread. So a build of up to a few thousand reports
 * runs two Astro processes over the same code (src/build/pages.ts), each rendering half of the
 * pages of every route with parameters, and merges their output. Which half a page belongs to
 * depends only on its route and parameters: a page always lands in the same process, and Astro's
 * incremental cache of that process holds it.
 */
import { createHash } from 'node:crypto';
import { buildContext } from './build-context.ts';

/** This process's share of a route's pages (all of them when the build runs one Astro process). */
export function inShard<P extends { params: Record<string, string | number | undefined> }>(route: string, paths: P[]): P[] {
  const shard = buildContext().shard;
  if (!shard || shard.count < 2) return paths;
  return paths.filter(
    (p) => createHash('sha256').update(route).update('\0').update(JSON.stringify(p.params)).digest().readUInt32BE(0) % shard.count === shard.index,
  );
}

/**
 * Pages without parameters are rendered by every process and the first process's copy is kept;
 * the costly ones (the feed of every report) are made by the first process only. (The open-data
 * files that hold every report are made by the build itself: src/build/collection-thread.ts.)
 */
export function makesSingletons(): boolean {
  const shard = buildContext().shard;
  return !shard || shard.index === 0;
}

/** An endpoint without parameters that only the first process makes; the others' empty copy is dropped by the merge. */
export function firstShardOnly(get: () => Response | Promise<Response>): () => Promise<Response> {
  return async () => (makesSingletons() ? get() : new Response(''));
}
