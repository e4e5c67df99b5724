// Runs `importFile` on one file in this process, as `jixiao import` does, and prints one JSON
// line: the result, the seconds taken (wall and CPU, this process and its reading child) and the peak resident memory of this process and of the
// importer's reading process. Spawned by tests (import-peak.ts) with a heap cap of their choice.
import { performance } from 'node:perf_hooks';
import { loadTypeScript } from '../../src/load-typescript.mjs';

await loadTypeScript();
const { importFile } = await import('../../src/import/index.ts');
const extract = await import('../../src/import/extract/isolated.ts').catch(() => undefined);
const t0 = performance.now();
const cpu0 = process.cpuUsage();
let result = 'finished';
let message;
try {
  await importFile(process.argv[2], process.argv[3] ?? process.argv[2]);
} catch (err) {
  result = err?.name === 'ImportError' ? 'refused' : 'crashed';
  message = String(err?.message ?? err).split('\n')[0];
}
const seconds = (performance.now() - t0) / 1000;
const peakMB = Math.round(process.resourceUsage().maxRSS / 1024);
const childPeakMB = extract?.readerPeakMB?.() ?? 0;
const own = process.cpuUsage(cpu0);
const cpuSeconds = (own.user + own.system) / 1e6 + (extract?.readerCpuSeconds?.() ?? 0);
console.log(JSON.stringify({ result, message, seconds, cpuSeconds, peakMB, childPeakMB }));
