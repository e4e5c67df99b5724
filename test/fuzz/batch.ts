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
    const o = await runCase(c);
    await send({ outcome: o });
  }
}
