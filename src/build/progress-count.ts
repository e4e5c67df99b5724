/**
 * How many report pages Astro has made so far: the folders under reports/ of the output (and of
 * the second Astro process's folder, shards.ts), counted twice a second while Astro renders. Astro
 * reports no page as it goes; a folder listing is cheap.
 */
import { readdir } from 'node:fs/promises';
import type { OnProgress } from '../progress.ts';
import { shardOutDir } from './shards.ts';

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
