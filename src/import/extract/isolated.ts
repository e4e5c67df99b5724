/**
 * Every importer input is read in a child process (worker.mjs) with a memory and time budget:
 * mammoth took 4.2 GB for a 320 KB .docx, SheetJS 953 MB for a 0.26 MB .xlsx, pdf.js 1.4 GB for
 * a 0.39 MB PDF, each inside `jixiao import` itself; with a smaller heap Node died with
 * `FATAL ERROR … heap out of memory` and a native stack. Whatever happens in the child — an
 * error, a rejection, running out of memory, a hang — the user reads one Chinese line naming the
 * file and the limit. One child serves files one after another (a folder of reports); it is
 * replaced after a failure. Generalised from the PDF-only isolation of issue 11.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { say, type Said } from '../../errors/user-error.ts';
import { ImportError } from '../errors.ts';
import { READER_HEAP_MB, READER_RSS_MB } from '../limits.ts';
import type { SourceFormat } from './index.ts';
import { cpuSecondsOf, highWaterMB, residentMB, resetHighWater } from './proc-stats.ts';
import type { Read } from './read.ts';

/** Time for one file: 2 s a MB, at least 20 s (small files on a busy machine), counted once the format's reader is loaded. */
export const readerTimeLimitMs = (bytes: number) => Math.max(20_000, (bytes / 1048576) * 2_000);

type Answer = { ready: true } | { begun: true } | { lines: string[]; notes: string[] } | { failed: Said; ending?: true };

let worker: (ChildProcess & { ready: Promise<void> }) | undefined;
let queue: Promise<unknown> = Promise.resolve();
let peakMB = 0;
let lastPeakMB = 0;
let cpuSeconds = 0;

/** The highest resident memory the reading process reached on any file so far, in MB (Linux). */
export const readerPeakMB = () => peakMB;
/** The reading process's peak on the last file it read, in MB. */
export const readerLastPeakMB = () => lastPeakMB;
/** CPU seconds the reading processes spent on the files so far (Linux), for the fuzz budget. */
export const readerCpuSeconds = () => cpuSeconds;

/** Keeps this process alive while a file is being read, and lets it exit when idle. */
function hold(child: ChildProcess, busy: boolean): void {
  const channel = child.channel as { ref?: () => void; unref?: () => void } | undefined;
  if (busy) {
    child.ref();
    channel?.ref?.();
  } else {
    child.unref();
    channel?.unref?.();
  }
}

function startWorker(): ChildProcess & { ready: Promise<void> } {
  const child = fork(fileURLToPath(new URL('./worker.mjs', import.meta.url)), [], {
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    execArgv: [`--max-old-space-size=${READER_HEAP_MB}`, '--no-warnings'],
    serialization: 'advanced',
  });
  child.stderr?.resume(); // a library may print, and V8 prints its out-of-memory stack: none of it reaches the user
  (child.stderr as { unref?: () => void } | null)?.unref?.();
  hold(child, false);
  child.once('exit', () => {
    if (worker === child) worker = undefined;
  });
  child.once('error', () => {
    if (worker === child) worker = undefined;
  });
  const ready = new Promise<void>((done) => child.once('message', () => done()));
  return Object.assign(child, { ready });
}

export function readIsolated(buf: Buffer, format: SourceFormat, file: string): Promise<Read> {
  const run = queue.then(() => readOne(buf, format, file));
  queue = run.catch(() => undefined);
  return run;
}

async function readOne(buf: Buffer, format: SourceFormat, file: string): Promise<Read> {
  const child = (worker ??= startWorker());
  hold(child, true);
  let cpuAtStart = 0;
  let sampledMB = 0; // the watch's highest sample: a child killed or dead has no /proc left to ask
  return new Promise((done, fail) => {
    let settled = false;
    let timer: NodeJS.Timeout | undefined;
    /** `alive`: the child answered and can serve the next file. */
    const finish = (alive: boolean, f: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      clearInterval(watch);
      lastPeakMB = Math.max(highWaterMB(child.pid), sampledMB);
      peakMB = Math.max(peakMB, lastPeakMB);
      cpuSeconds += Math.max(0, cpuSecondsOf(child.pid) - cpuAtStart);
      child.off('message', onMessage).off('exit', onExit).off('error', onError);
      hold(child, false);
      if (!alive) {
        child.kill('SIGKILL');
        if (worker === child) worker = undefined;
      }
      f();
    };
    const refuse = (reason: Said) => () => fail(new ImportError(file, reason));
    const onMessage = (m: Answer) => {
      if ('ready' in m) return;
      if ('begun' in m) {
        timer = setTimeout(
          () => finish(false, refuse(say('IMPORT_READER_TIMEOUT', { format, seconds: Math.round(readerTimeLimitMs(buf.length) / 1000) }))),
          readerTimeLimitMs(buf.length),
        );
        timer.unref();
        return;
      }
      if ('lines' in m) finish(true, () => done({ lines: m.lines, notes: m.notes }));
      // `ending`: the child is exiting after a stray exception; the next file gets a new one.
      else finish(!m.ending, refuse(m.failed));
    };
    // Killed by V8 for its heap, or by a native crash: the same for the user.
    const onExit = () => finish(false, refuse(say('IMPORT_READER_MEMORY', { format, mb: READER_HEAP_MB, ended: true })));
    const onError = () => finish(false, refuse(say('IMPORT_READER_UNSTARTED')));
    const watch = setInterval(() => {
      sampledMB = Math.max(sampledMB, residentMB(child.pid));
      if (sampledMB > READER_RSS_MB) finish(false, refuse(say('IMPORT_READER_MEMORY', { format, mb: READER_RSS_MB })));
    }, 50);
    child.on('message', onMessage).once('exit', onExit).once('error', onError);
    child.ready
      .then(() => {
        if (settled) return;
        resetHighWater(child.pid);
        cpuAtStart = cpuSecondsOf(child.pid);
        child.send({ bytes: new Uint8Array(buf), format, file });
      })
      .catch(onError);
  });
}
