/**
 * The fuzz harness: one case (bytes and the stage that reads them) run as staff would feed it
 * to `jixiao validate` or `jixiao import` (the file read in the importer's capped child, the text
 * stage in this process), and judged: finished, refused with a user error that holds its shape
 * (one line, no stack, no "undefined"), or crashed. Wall and CPU seconds and the case's peak
 * resident memory — this process's and the reading child's, each reset before the case (Linux
 * VmHWM) — are recorded for the budget (2 s a MB, 512 MB).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatFinding } from '../../src/findings.ts';
import { ImportError, importLines } from '../../src/import/index.ts';
import { readBuffer } from '../../src/import/extract/index.ts';
import { readerCpuSeconds, readerLastPeakMB } from '../../src/import/extract/isolated.ts';
import { highWaterMB, resetHighWater } from '../../src/import/extract/proc-stats.ts';
import { loadFile } from '../../src/validate/index.ts';

export type Kind = 'yaml' | 'text' | 'html' | 'docx' | 'xlsx' | 'pdf';
export interface Case {
  name: string;
  kind: Kind;
  bytes: Buffer;
  /** What a hostile case must end in (refused, unless it is a document the importer can read within budget). */
  expected?: 'refused' | 'finished';
}
export interface Outcome {
  name: string;
  kind: Kind;
  mb: number;
  seconds: number;
  /** CPU seconds of this process and the reading child on the case. */
  cpuSeconds: number;
  /** The case's peak resident memory, MB: the larger of this process's and the reading child's. */
  peakMB: number;
  /** The reading child's peak alone (0 for YAML, which is validated in this process). */
  readerPeakMB: number;
  result: 'finished' | 'refused' | 'crashed';
  message?: string;
}

const BAD_SHAPE = /\n|\bundefined\b|^\s+at |\(node:|Error: /m;

let rejections: unknown[] = [];
process.on('unhandledRejection', (err) => {
  rejections.push(err);
});

export async function runCase(c: Case): Promise<Outcome> {
  // What earlier cases left for the collector is not this case's (the long run starts its
  // batches with --expose-gc; elsewhere there is no gc to call).
  (globalThis as { gc?: () => void }).gc?.();
  resetHighWater('self');
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const reader0 = readerCpuSeconds();
  let readerPeak = 0;
  const mb = c.bytes.length / 1048576;
  const done = (result: Outcome['result'], message?: string): Outcome => {
    const cpu = process.cpuUsage(cpu0);
    return {
      name: c.name,
      kind: c.kind,
      mb,
      seconds: (performance.now() - t0) / 1000,
      cpuSeconds: (cpu.user + cpu.system) / 1e6 + readerCpuSeconds() - reader0,
      peakMB: Math.max(highWaterMB('self'), readerPeak),
      readerPeakMB: readerPeak,
      result,
      message,
    };
  };
  rejections = [];
  try {
    if (c.kind === 'yaml') {
      const dir = mkdtempSync(join(tmpdir(), 'jixiao-fuzz-'));
      try {
        writeFileSync(join(dir, 'r.yaml'), c.bytes);
        const { findings } = await loadFile(join(dir, 'r.yaml'), dir, { root: dir });
        const lines = findings.map(formatFinding);
        const bad = lines.find((l) => BAD_SHAPE.test(l) || l.length > 2_100);
        if (bad) return done('crashed', `message out of shape: ${bad.slice(0, 300)}`);
        return done(findings.some((f) => f.severity === 'error') ? 'refused' : 'finished', lines[0]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
    const read = await readBuffer(c.bytes, c.kind, `${c.name}.${c.kind === 'text' ? 'txt' : c.kind}`).finally(() => {
      readerPeak = readerLastPeakMB();
    });
    importLines(read.lines, { format: c.kind, source: c.name, notes: read.notes });
    await new Promise((r) => setImmediate(r));
    return rejections.length ? done('crashed', `unhandled rejection: ${String(rejections[0])}`) : done('finished');
  } catch (err) {
    await new Promise((r) => setImmediate(r));
    if (rejections.length) return done('crashed', `unhandled rejection: ${String(rejections[0])}`);
    if (err instanceof ImportError && !BAD_SHAPE.test(err.message)) return done('refused', err.message);
    return done('crashed', err instanceof Error ? ends(err.stack ?? err.message) : String(err));
  }
}

/** A crash's stack, its start and its end: for a stack overflow the end shows where the recursion began. */
const ends = (stack: string) => (stack.length > 2000 ? `${stack.slice(0, 500)}\n    …\n${stack.slice(-1500)}` : stack);

/** The time budget: 2 s a MB (at least 2 s, for start-up of pdf.js and JIT warm-up), in CPU
 * seconds — on a machine shared with other work, wall time measures the other work too. */
export const overTime = (o: Outcome) => o.cpuSeconds > Math.max(2, o.mb * 2);
/** The memory budget: 512 MB resident, for the importing process and its reading child alike. */
export const MEMORY_BUDGET_MB = 512;
export const overMemory = (o: Outcome) => o.peakMB > MEMORY_BUDGET_MB;
export const overBudget = (o: Outcome) => overTime(o) || overMemory(o);
