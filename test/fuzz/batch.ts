/**
 * One batch of fuzz cases in its own process (bench/fuzz-batch.mjs starts it, bench/fuzz.ts
 * forks one per batch): whatever a case leaves behind in memory goes when the batch ends, so the
 * long run's own memory stays flat and each case is measured from the same start. Sends
 * `{ starting }` before each case and `{ outcome }` after it.
 */
import { hostileCases, mutatedCases } from './cases.ts';
import { runCase } from './harness.ts';

export type BatchSpec = { seed: number; n: number } | { hostile: true };

export async function runBatch(spec: BatchSpec, send: (m: unknown) => Promise<void>): Promise<void> {
  const cases = 'hostile' in spec ? hostileCases() : mutatedCases(spec.seed, spec.n);
  for (let i = 0; i < cases.length; i++) {
    const c = cases[i]!;
    cases[i] = undefined as never; // the case's bytes go with it once it has run
    await send({ starting: c.name, kind: c.kind, mb: c.bytes.length / 1048576 });
    let o = await runCase(c);
    if (o.result === 'crashed') o = { ...o, message: (await withLongStacks(() => runCase(c))).message ?? o.message };
    await send({ outcome: o });
  }
}

/**
 * A crash is run again with stacks of 200 frames, so its report shows where it started. Only
 * then: the YAML parser makes an Error for every slip it meets, and a 200-frame stack for each
 * of a mutated file's thousand slips cost seconds the user's `jixiao validate` (10 frames) never
 * spends — cases were over the time budget on the harness's account.
 */
async function withLongStacks<T>(run: () => Promise<T>): Promise<T> {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 200;
  try {
    return await run();
  } finally {
    Error.stackTraceLimit = limit;
  }
}
