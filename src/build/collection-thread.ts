/**
 * The open-data files that hold every report (src/publish/collection-files.ts), made on a thread
 * of their own while Astro renders the pages in this one: Astro renders in one thread, and the
 * files took a share of it on every rebuild. The thread is started before the
 * content is validated, so that it loads its modules meanwhile, and is handed the validated
 * content with the rest of the pages' context; the build writes what it made after Astro.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Worker, type ResourceLimits } from 'node:worker_threads';
import { provideBuildContext, type BuildContext } from '../site/build-context.ts';
import { portable, revive, type PortableReport } from '../validate/load-content.ts';
import { portableUserError, say, UserError, type Said } from '../errors/user-error.ts';

type Job = Omit<BuildContext, 'reports'> & { reports: PortableReport[] };
type Answer = { files: Map<string, Uint8Array> } | { failed: Said | string } | { crash: string };

export interface CollectionThread {
  /** Hands the thread the pages' context; the files, by path in the site. */
  make(context: BuildContext): Promise<Map<string, Uint8Array>>;
  /** Ends the thread (when the build stopped before handing it the content). */
  stop(): Promise<void>;
}

/** `limits`: the thread's heap (tests); by default the process's. */
export function startCollectionThread(limits?: ResourceLimits): CollectionThread {
  const worker = new Worker(new URL('./collection-worker.mjs', import.meta.url), limits ? { resourceLimits: limits } : {});
  const answer = new Promise<Map<string, Uint8Array>>((done, fail) => {
    worker.once('message', (m: Answer) => {
      if ('files' in m) done(m.files);
      else if ('failed' in m) fail(new UserError(m.failed));
      else fail(new Error(m.crash));
    });
    worker.once('error', (err: Error & { code?: string }) =>
      fail(err.code === 'ERR_WORKER_OUT_OF_MEMORY' ? new UserError(say('OPEN_DATA_OUT_OF_MEMORY')) : err),
    );
    worker.once('exit', (code) => fail(new Error(`jixiao: the open-data thread ended (exit code ${code}) before it answered`)));
  });
  answer.catch(() => undefined); // a thread stopped before its job
  return {
    make(context) {
      const job: Job = { ...context, reports: context.reports.map(portable) };
      worker.postMessage(job);
      const files = answer.finally(() => worker.terminate());
      files.catch(() => undefined); // seen by the build after Astro, unless Astro failed first
      return files;
    },
    async stop() {
      await worker.terminate();
    },
  };
}

/** The thread's side: the files for the context handed over. */
export async function makeCollectionFiles(job: Job): Promise<Answer> {
  try {
    provideBuildContext({ ...job, reports: job.reports.map(revive) });
    const { collectionFiles } = await import('../publish/collection-files.ts');
    return { files: await collectionFiles() };
  } catch (err) {
    if (err instanceof UserError) return { failed: portableUserError(err) };
    return { crash: err instanceof Error ? (err.stack ?? err.message) : String(err) };
  }
}

/** Writes the files made into the built site. */
export async function writeCollectionFiles(siteDir: string, files: Map<string, Uint8Array>): Promise<void> {
  for (const [path, bytes] of files) {
    const target = join(siteDir, path);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, bytes);
  }
}
