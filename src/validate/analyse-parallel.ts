/**
 * Analyses many report files on two cores: a worker thread takes the second half while this
 * thread does the first (YAML parsing is most of validation). Below a few hundred files the
 * worker's start-up would cost more than it saves, so they stay here.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { analyse, type Analysis, type LineOf } from './analyse.ts';

export interface Text {
  text: string;
  file: string;
}

/** Files from which a second thread pays for itself. */
export const PARALLEL_FROM = 200;

export async function analyseAll(texts: Text[]): Promise<(Analysis & { lineOf?: LineOf })[]> {
  if (texts.length < PARALLEL_FROM || availableParallelism() < 2) return texts.map((t) => analyse(t.text, t.file));
  const half = Math.ceil(texts.length / 2);
  const worker = new Worker(new URL('./analyse-worker.mjs', import.meta.url), { workerData: texts.slice(half) });
  const theirs = new Promise<Analysis[]>((done, fail) => {
    worker.once('message', done);
    worker.once('error', fail);
    worker.once('exit', (code) => fail(new Error(`analyse-worker exited with code ${code} before answering`)));
  });
  // A rejection before this thread finishes its half must not go unhandled meanwhile.
  theirs.catch(() => undefined);
  const mine = texts.slice(0, half).map((t) => analyse(t.text, t.file));
  try {
    return [...mine, ...(await theirs)];
  } finally {
    await worker.terminate();
  }
}
