// Worker thread of analyse-parallel.ts: analyses the report texts it is given and answers once.
import { parentPort, workerData } from 'node:worker_threads';
import { loadTypeScript } from '../load-typescript.mjs';

await loadTypeScript();
const { analyse } = await import('./analyse.ts');
parentPort.postMessage(
  workerData.map(({ text, file }) => {
    const { report, decimals, findings } = analyse(text, file);
    return { report, decimals, findings };
  }),
);
