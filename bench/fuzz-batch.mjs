// Child process of bench/fuzz.ts: runs one batch of fuzz cases (test/fuzz/batch.ts) and
// reports each case over IPC. The batch is given as JSON in argv[2].
import { loadTypeScript } from '../src/load-typescript.mjs';

await loadTypeScript();
const { runBatch } = await import('../test/fuzz/batch.ts');
const send = (m) => new Promise((done) => process.send(m, () => done()));
await runBatch(JSON.parse(process.argv[2]), send);
process.disconnect();
