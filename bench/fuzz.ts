/**
 * `npm run fuzz -- [--cases N] [--seed S] [--hostile]`: the long fuzz run. Prints how many cases
 * were tried, refused (a user error that holds its shape), crashed (anything else: a stack, an
 * unhandled rejection, a message out of shape) and the slowest per MB; exits 1 on a crash.
 */
import { hostileCases, mutatedCases } from '../test/fuzz/cases.ts';
import { overBudget, runCase, type Outcome } from '../test/fuzz/harness.ts';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const cases = arg('cases', 2000);
Error.stackTraceLimit = 200; // a crash shows where it started, not only its last ten frames
const seed = arg('seed', 1);
const outcomes: Outcome[] = [];
const started = Date.now();
const batches = process.argv.includes('--hostile') ? [hostileCases()] : [];
for (let s = seed, left = cases; left > 0; s++, left -= 100) batches.push(mutatedCases(s, Math.min(100, left)));
for (const batch of batches) {
  for (const c of batch) {
    const o = await runCase(c);
    outcomes.push(o);
    if (o.result === 'crashed') console.log(`崩溃 ${o.name}: ${o.message}`);
  }
  process.stderr.write(`\r${outcomes.length} cases…`);
}
const count = (r: Outcome['result']) => outcomes.filter((o) => o.result === r).length;
const perMB = (o: Outcome) => o.seconds / Math.max(o.mb, 0.05);
const slowest = [...outcomes].sort((a, b) => perMB(b) - perMB(a)).slice(0, 5);
console.log(
  `\ntried ${outcomes.length} (seed ${seed})  finished ${count('finished')}  refused ${count('refused')}  crashed ${count('crashed')}  over budget ${outcomes.filter(overBudget).length}  in ${((Date.now() - started) / 1000).toFixed(0)} s`,
);
console.log('slowest per MB (MB at least 0.05):');
for (const o of slowest) console.log(`  ${perMB(o).toFixed(2)} s/MB  ${o.seconds.toFixed(2)} s  ${o.mb.toFixed(3)} MB  ${o.result}  ${o.name}`);
console.log(`peak resident memory ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB (this process; PDFs are read in a child limited to 480 MB)`);
process.exitCode = count('crashed') ? 1 : 0;
