/**
 * How many report pages Astro has made so far: the folders under reports/ of the output (and of
 * the second Astro process's folder, shards.ts), counted twice a second while Astro renders. Astro
 * reports no page as it goes; a folder listing is cheap (a few ms for 10,000 entries).
 */
import { readdir } from 'node:fs/promises';
import type { OnProgress } from '../progress.ts';

/** The folder the k-th Astro process of a build (from 2) renders into, beside the output. */
export const shardOutDir = (outDir: string, k: number) => `${outDir}-shard-${k}`;

const EVERY_MS = 500;

export function countReportPages(outDir: string, total: number, progress: OnProgress): { stop(): void } {
  const dirs = [outDir, shardOutDir(outDir, 2)];
  progress({ stage: 'astro', done: 0, total });
  let busy = false;
  const timer = setInterval(() => {
    if (busy) return;
    busy = true;
    void Promise.all(
      dirs.map((d) =>
        readdir(`${d}/reports`).then(
          (l) => l.length,
          () => 0,
        ),
      ),
    )
      .then((counts) =>
        progress({
          stage: 'astro',
          done: Math.min(
            total,
            counts.reduce((a, b) => a + b, 0),
          ),
          total,
        }),
      )
      .finally(() => (busy = false));
  }, EVERY_MS);
  timer.unref();
  return {
    stop() {
      clearInterval(timer);
    },
  };
}
