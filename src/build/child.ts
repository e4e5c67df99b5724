/**
 * Runs one job of a build stage in a forked Node process (a `*-worker.mjs` file) and waits for
 * its single answer: `{ result }`, `{ failed }` (a message for staff) or `{ crash }` (a bug).
 * Stages run apart so their memory is returned to the system when they end, or so that two
 * pagefind processes can use both cores.
 */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { diskFailure } from '../output/disk-errors.ts';
import type { BuildStage } from '../errors/build-messages.ts';
import { isUserError, portableUserError, say, UserError, type Said } from '../errors/user-error.ts';
import type { OnProgress, ProgressEvent } from '../progress.ts';

/**
 * The heap of a process that renders pages: 1 GB, plus 0.1 MB a report file past 4,000. V8
 * otherwise grows towards its default limit before collecting, holding more than is needed.
 */
export const pagesHeapMB = (files: number) => Math.max(1024, Math.round(600 + files * 0.1));

export type ChildAnswer<R> = { result: R } | { failed: Said | string } | { crash: string };
/** Sent by the child any number of times before its answer: where its job has got (src/progress.ts). */
type ChildProgress = { progress: ProgressEvent };

type ChildOptions = { heapMB?: number; captureStderr?: boolean; /** Maps and typed arrays in the job (v8 serialization). */ advanced?: boolean };

export function runInChild<R>(worker: URL, job: unknown, stage: BuildStage, opts: ChildOptions = {}, onProgress?: OnProgress): Promise<R> {
  return startChild<R>(worker, stage, opts).run(job, onProgress);
}

/**
 * Starts a child now and gives it its job later, so that its start-up (loading its modules)
 * overlaps with the work that prepares the job. A child not given a job is stopped with `stop`.
 */
export function startChild<R>(
  worker: URL,
  stage: BuildStage,
  opts: ChildOptions = {},
): { run(job: unknown, onProgress?: OnProgress): Promise<R>; stop(): void } {
  const execArgv = opts.heapMB ? [`--max-old-space-size=${opts.heapMB}`] : [];
  const child = fork(fileURLToPath(worker), [], {
    stdio: ['ignore', 'inherit', opts.captureStderr ? 'pipe' : 'inherit', 'ipc'],
    execArgv,
    ...(opts.advanced ? { serialization: 'advanced' as const } : {}),
  });
  // A program the child runs (pagefind) may panic onto stderr: kept, and summed up in one line.
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => {
    stderr = (stderr + d.toString('utf8')).slice(-16384);
  });
  let progress: OnProgress | undefined;
  const answer = new Promise<R>((done, fail) => {
    let answered = false;
    const onMessage = (m: ChildAnswer<R> | ChildProgress) => {
      if ('progress' in m) return progress?.(m.progress);
      child.off('message', onMessage);
      answered = true;
      if ('result' in m) done(m.result);
      else if ('failed' in m) fail(new UserError(m.failed));
      else fail(opts.captureStderr ? new UserError(say('STAGE_CRASHED', { stage, detail: summary(m.crash) })) : new Error(m.crash));
    };
    child.on('message', onMessage);
    child.once('error', fail);
    child.once('exit', (code, signal) => {
      if (answered) return;
      const disk = diskFailure(stderr);
      if (disk) fail(new UserError(disk));
      else fail(new UserError(say('STAGE_DIED', { stage, signal, exitCode: code, detail: stderr.trim() ? summary(stderr) : undefined })));
    });
  });
  // A child that dies before it is given its job must not end the build as an unhandled rejection.
  answer.catch(() => undefined);
  return {
    run(job, onProgress) {
      progress = onProgress;
      child.send(job as object);
      return answer;
    },
    stop() {
      child.kill();
    },
  };
}

/** One line out of a panic or a stack: its first line that says what happened, at most 200 characters. */
function summary(text: string): string {
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const line = lines.find((l) => /panicked|error|Error/.test(l) && !/^at |RUST_BACKTRACE|^note:/.test(l)) ?? lines[0] ?? '';
  return line.length > 200 ? `${line.slice(0, 200)}…` : line;
}

/** The worker side: answer one job, then exit; `progress` sends where the job has got before the answer. */
export function serveOneJob<J, R>(work: (job: J, progress: OnProgress) => Promise<R>): void {
  const progress: OnProgress = (event) => void process.send!({ progress: event } satisfies ChildProgress);
  process.once('message', async (job: J) => {
    let answer: ChildAnswer<R>;
    try {
      answer = { result: await work(job, progress) };
    } catch (err) {
      const disk = diskFailure(err);
      answer = isUserError(err)
        ? { failed: portableUserError(err) }
        : disk
          ? { failed: disk }
          : { crash: err instanceof Error ? (err.stack ?? err.message) : String(err) };
    }
    process.send!(answer, () => process.exit('result' in answer ? 0 : 1));
  });
}
