/**
 * `importFile` on one file in a fresh Node process with a heap cap, measured: the issue's
 * memory budget (512 MB, 2 s a MB) is about a whole `jixiao import`, which a test inside
 * vitest's own process cannot see.
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export interface Peak {
  result: 'finished' | 'refused' | 'crashed';
  message?: string;
  seconds: number;
  /** CPU seconds of the import, this process and its reading child: the budget's measure on a
   * shared machine, where wall time depends on what else runs. */
  cpuSeconds: number;
  /** Peak resident memory of the importing process and of its reading child, MB. */
  peakMB: number;
  childPeakMB: number;
  /** The process's exit code and what it wrote to stderr (a heap out of memory ends here). */
  code: number;
  stderr: string;
}

const SCRIPT = fileURLToPath(new URL('./import-peak.mjs', import.meta.url));

export function importPeak(file: string, opts: { heapMB?: number; display?: string } = {}): Promise<Peak> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      [`--max-old-space-size=${opts.heapMB ?? 512}`, '--no-warnings', SCRIPT, file, opts.display ?? file],
      { maxBuffer: 16 * 1024 * 1024, timeout: 120_000 },
      (err, stdout, stderr) => {
        const last = stdout.trim().split('\n').at(-1) ?? '';
        const code = (err as { code?: number } | null)?.code ?? 0;
        try {
          done({ ...(JSON.parse(last) as Omit<Peak, 'code' | 'stderr'>), code, stderr });
        } catch {
          done({
            result: 'crashed',
            message: stderr.split('\n').find((l) => l.trim()) ?? '',
            seconds: 0,
            cpuSeconds: 0,
            peakMB: 0,
            childPeakMB: 0,
            code,
            stderr,
          });
        }
      },
    );
  });
}
