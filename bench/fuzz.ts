/**
 * `npm run fuzz -- [--cases N] [--seed S] [--hostile]`: the long fuzz run. Each batch of 100
 * cases runs in a fresh process (fuzz-batch.mjs), so this process's memory stays flat however
 * long the run. Prints how many cases were tried, refused (a user error that holds its shape),
 * crashed (anything else: a stack, an unhandled rejection, a message out of shape, a batch
 * process that died or hung) and over budget — time (2 s a MB of CPU, at least 2 s) and memory
 * (512 MB peak resident, the importing process and its reading child each) — with the slowest
 * per MB and the largest peaks; exits 1 on a crash or a case over budget.
 */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { BatchSpec } from '../test/fuzz/batch.ts';
import { MEMORY_BUDGET_MB, overMemory, overTime, type Kind, type Outcome } from '../test/fuzz/harness.ts';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const cases = arg('cases', 2000);
const seed = arg('seed', 1);
/** A case that gives no sign of life for this long is a hang (the reader's own limit is 2 s a MB). */
const HANG_MS = 120_000;
const BATCH = fileURLToPath(new URL('./fuzz-batch.mjs', import.meta.url));

const outcomes: Outcome[] = [];
const started = Date.now();
const batches: BatchSpec[] = process.argv.includes('--hostile') ? [{ hostile: true }] : [];
for (let s = seed, left = cases; left > 0; s++, left -= 100) batches.push({ seed: s, n: Math.min(100, left) });

function runBatch(spec: BatchSpec): Promise<void> {
  return new Promise((done) => {
    const child = fork(BATCH, [JSON.stringify(spec)], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'], serialization: 'advanced', execArgv: ['--expose-gc'] });
    let stderr = '';
    child.stderr?.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-2000)));
    let current: { starting: string; kind: Kind; mb: number } | undefined;
    let since = Date.now();
    let killed = false;
    const crash = (why: string) => {
      if (!current) return;
      outcomes.push({
        name: current.starting,
        kind: current.kind,
        mb: current.mb,
        seconds: (Date.now() - since) / 1000,
        cpuSeconds: 0,
        peakMB: 0,
        readerPeakMB: 0,
        result: 'crashed',
        message: why,
      });
      console.log(`崩溃 ${current.starting}: ${why}`);
      current = undefined;
    };
    const watch = setInterval(() => {
      if (current && Date.now() - since > HANG_MS) {
        killed = true;
        crash(`no answer in ${HANG_MS / 1000} s`);
        child.kill('SIGKILL');
      }
    }, 1000);
    child.on('message', (m: { starting: string; kind: Kind; mb: number } | { outcome: Outcome }) => {
      if ('starting' in m) {
        current = m;
        since = Date.now();
        return;
      }
      current = undefined;
      outcomes.push(m.outcome);
      if (m.outcome.result === 'crashed') console.log(`崩溃 ${m.outcome.name}: ${m.outcome.message}`);
    });
    child.on('exit', (code, signal) => {
      clearInterval(watch);
      if (!killed) crash(`batch process ended (${signal ?? `exit ${code}`}): ${stderr.trim().split('\n').slice(-3).join(' / ')}`);
      process.stderr.write(`\r${outcomes.length} cases…`);
      done();
    });
  });
}

const ownRss: number[] = [];
for (const spec of batches) {
  await runBatch(spec);
  ownRss.push(process.memoryUsage().rss / 1048576);
}
const count = (r: Outcome['result']) => outcomes.filter((o) => o.result === r).length;
const perMB = (o: Outcome) => o.cpuSeconds / Math.max(o.mb, 0.05);
const slowest = [...outcomes].sort((a, b) => perMB(b) - perMB(a)).slice(0, 5);
const largest = [...outcomes].sort((a, b) => b.peakMB - a.peakMB).slice(0, 5);
const time = outcomes.filter(overTime).length;
const memory = outcomes.filter(overMemory).length;
console.log(
  `\ntried ${outcomes.length} (seed ${seed})  finished ${count('finished')}  refused ${count('refused')}  crashed ${count('crashed')}  over budget: time ${time}, memory ${memory}  in ${((Date.now() - started) / 1000).toFixed(0)} s`,
);
console.log('slowest per MB (CPU seconds, MB at least 0.05):');
for (const o of slowest)
  console.log(`  ${perMB(o).toFixed(2)} s/MB  ${o.cpuSeconds.toFixed(2)} s CPU  ${o.seconds.toFixed(2)} s wall  ${o.mb.toFixed(3)} MB  ${o.result}  ${o.name}`);
console.log(`largest peak resident memory (budget ${MEMORY_BUDGET_MB} MB, the importing process or its reading child):`);
for (const o of largest) console.log(`  ${o.peakMB.toFixed(0)} MB  ${o.mb.toFixed(3)} MB  ${o.result}  ${o.name}`);
const rss = (i: number) => (ownRss[i] ?? 0).toFixed(0);
console.log(
  `this process: ${rss(0)} MB after the first batch, ${rss(ownRss.length - 1)} MB after the last (peak ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB)`,
);
process.exitCode = count('crashed') || time || memory ? 1 : 0;
