/**
 * PDFs are read by pdf.js in a child process with a memory and time budget: a 0.39 MB PDF
 * that inflates to 400 MB took 1.4 GB in-process, and fuzzed PDFs ended in stack traces and
 * unhandled promise rejections. Whatever happens in the child — an error, a rejection, running
 * out of memory, a hang — the user reads one Chinese line naming the file. One child serves
 * PDFs one after another (starting pdf.js costs ~1 s); it is replaced after a failure.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ImportError } from '../errors.ts';

/** Memory and time for one PDF: the child's V8 heap, its whole resident memory (pdf.js keeps
 * inflated streams outside the heap: 1.27 GB for a 1.2 MB file), and 2 s a MB, at least 5 s,
 * counted once pdf.js is loaded. */
export const PDF_HEAP_MB = 384;
export const PDF_RSS_MB = 480;
export const pdfTimeLimitMs = (bytes: number) => Math.max(5_000, (bytes / 1048576) * 2_000);

type Answer = { lines: string[] } | { failed: string };

let worker: (ChildProcess & { ready?: Promise<void> }) | undefined;
let queue: Promise<unknown> = Promise.resolve();

/** Keeps this process alive while a PDF is being read, and lets it exit when idle. */
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
  const child = fork(fileURLToPath(new URL('./pdf-worker.mjs', import.meta.url)), [], {
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    execArgv: [`--max-old-space-size=${PDF_HEAP_MB}`, '--no-warnings'],
    serialization: 'advanced',
  });
  child.stderr?.resume(); // pdf.js may print; nothing of it reaches the user's terminal
  (child.stderr as { unref?: () => void } | null)?.unref?.();
  hold(child, false);
  child.once('exit', () => {
    if (worker === child) worker = undefined;
  });
  const ready = new Promise<void>((done) => child.once('message', () => done()));
  return Object.assign(child, { ready });
}

export function pdfToLinesIsolated(buf: Buffer, file: string): Promise<string[]> {
  const run = queue.then(() => readOne(buf, file));
  queue = run.catch(() => undefined);
  return run;
}

async function readOne(buf: Buffer, file: string): Promise<string[]> {
  const child = (worker ??= startWorker());
  hold(child, true);
  await child.ready;
  return new Promise((done, fail) => {
    let settled = false;
    /** `alive`: the child answered and can serve the next PDF. */
    const finish = (alive: boolean, f: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      clearInterval(watch);
      child.off('message', onMessage).off('exit', onExit).off('error', onError);
      hold(child, false);
      if (!alive) {
        child.kill('SIGKILL');
        if (worker === child) worker = undefined;
      }
      f();
    };
    const onMessage = (m: Answer) => finish(true, () => ('lines' in m ? done(m.lines) : fail(new ImportError(file, m.failed))));
    const onExit = (code: number | null, signal: string | null) =>
      finish(false, () =>
        fail(new ImportError(file, `PDF 过于复杂，读取时超过了内存上限或意外中止（${signal ?? `退出码 ${code}`}）。请确认文件无误，或从 Word 原件导入。`)),
      );
    const onError = (err: Error) => finish(false, () => fail(new ImportError(file, `无法启动 PDF 读取进程（${err.message}）。`)));
    const timer = setTimeout(
      () =>
        finish(false, () =>
          fail(
            new ImportError(file, `PDF 过于复杂，${Math.round(pdfTimeLimitMs(buf.length) / 1000)} 秒内未能读完，已停止。请确认文件无误，或从 Word 原件导入。`),
          ),
        ),
      pdfTimeLimitMs(buf.length),
    );
    timer.unref();
    const watch = setInterval(() => {
      if (residentMB(child.pid) > PDF_RSS_MB)
        finish(false, () => fail(new ImportError(file, `PDF 过于复杂，读取时超过了 ${PDF_RSS_MB} MB 内存上限，已停止。请确认文件无误，或从 Word 原件导入。`)));
    }, 100);
    hold(child, true);
    child.on('message', onMessage).once('exit', onExit).once('error', onError);
    try {
      child.send({ bytes: new Uint8Array(buf), file });
    } catch (err) {
      onError(err as Error);
    }
  });
}

/** Resident memory of a process in MB (Linux /proc; 0 where unknown). */
function residentMB(pid: number | undefined): number {
  try {
    const pages = Number(readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ')[1]);
    return (pages * 4096) / 1048576;
  } catch {
    return 0;
  }
}
