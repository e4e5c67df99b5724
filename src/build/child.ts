/**
 * Runs one job of a build stage in a forked Node process (a `*-worker.mjs` file) and waits for
 * its single answer: `{ result }`, `{ failed }` (a message for staff) or `{ crash }` (a bug).
 * Stages run apart so their memory is returned to the system when they end, or so that two
 * pagefind processes can use both cores.
 */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { UserError } from '../errors/user-error.ts';

export type ChildAnswer<R> = { result: R } | { failed: string } | { crash: string };

export function runInChild<R>(worker: URL, job: unknown, diedMessage: string, opts: { heapMB?: number } = {}): Promise<R> {
  return new Promise((done, fail) => {
    const execArgv = opts.heapMB ? [`--max-old-space-size=${opts.heapMB}`] : [];
    const child = fork(fileURLToPath(worker), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], execArgv });
    let answered = false;
    child.once('message', (m: ChildAnswer<R>) => {
      answered = true;
      if ('result' in m) done(m.result);
      else if ('failed' in m) fail(new UserError(m.failed));
      else fail(new Error(m.crash));
    });
    child.once('error', fail);
    child.once('exit', (code, signal) => {
      if (!answered) fail(new UserError(`${diedMessage}（${signal ?? `退出码 ${code}`}），未更新网站；原有输出保持不变。内容很多时，可能是内存不足。`));
    });
    child.send(job as object);
  });
}

/** The worker side: answer one job, then exit. */
export function serveOneJob<J, R>(work: (job: J) => Promise<R>): void {
  process.once('message', async (job: J) => {
    let answer: ChildAnswer<R>;
    try {
      answer = { result: await work(job) };
    } catch (err) {
      answer = err instanceof UserError ? { failed: err.message } : { crash: err instanceof Error ? err.stack ?? err.message : String(err) };
    }
    process.send!(answer, () => process.exit('result' in answer ? 0 : 1));
  });
}
