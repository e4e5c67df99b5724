/**
 * The fuzz harness: one case (bytes and the stage that reads them) run in-process, as staff
 * would feed it to `jixiao validate` or `jixiao import`, and judged: finished, refused with a
 * user error that holds its shape (one line, no stack, no "undefined"), or crashed. Seconds and
 * the process's peak resident memory are recorded for the budget (2 s a MB, 512 MB).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatFinding } from '../../src/findings.ts';
import { ImportError, importLines } from '../../src/import/index.ts';
import { extractBuffer } from '../../src/import/extract/index.ts';
import { loadFile } from '../../src/validate/index.ts';

export type Kind = 'yaml' | 'text' | 'html' | 'docx' | 'pdf';
export interface Case {
  name: string;
  kind: Kind;
  bytes: Buffer;
}
export interface Outcome {
  name: string;
  kind: Kind;
  mb: number;
  seconds: number;
  result: 'finished' | 'refused' | 'crashed';
  message?: string;
}

const BAD_SHAPE = /\n|\bundefined\b|^\s+at |\(node:|Error: /m;

let rejections: unknown[] = [];
process.on('unhandledRejection', (err) => {
  rejections.push(err);
});

export async function runCase(c: Case): Promise<Outcome> {
  const t0 = performance.now();
  const mb = c.bytes.length / 1048576;
  const done = (result: Outcome['result'], message?: string): Outcome => ({
    name: c.name,
    kind: c.kind,
    mb,
    seconds: (performance.now() - t0) / 1000,
    result,
    message,
  });
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
    const lines = await extractBuffer(c.bytes, c.kind, `${c.name}.${c.kind === 'text' ? 'txt' : c.kind}`);
    importLines(lines, { format: c.kind, source: c.name });
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

/** Budget: 2 s a MB (at least 2 s, for start-up of pdf.js and JIT warm-up). */
export const overBudget = (o: Outcome) => o.seconds > Math.max(2, o.mb * 2);
