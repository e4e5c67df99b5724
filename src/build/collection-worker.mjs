// Thread of a build's pages process that makes the open-data files holding every report while
// Astro renders the pages (collection-thread.ts). Its modules load before the content comes.
import { parentPort } from 'node:worker_threads';
import { loadTypeScript } from '../load-typescript.mjs';

await loadTypeScript();
const { makeCollectionFiles } = await import('./collection-thread.ts');
await import('../publish/collection-files.ts');
parentPort.once('message', async (job) => parentPort.postMessage(await makeCollectionFiles(job)));
