// Run by output-safety.test.ts in a child process: builds into OUT and kills itself with SIGKILL
// at the given step of the swap, as a power cut or `kill -9` would.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { withAtomicOutput } from '../../src/output/atomic.ts';

const [out, stopAt] = process.argv.slice(2) as [string, string];
await withAtomicOutput(
  out,
  async (tmp) => {
    writeFileSync(join(tmp, 'index.html'), 'new');
  },
  {
    onSwapStep: (step) => {
      if (step === stopAt) process.kill(process.pid, 'SIGKILL');
    },
  },
);
