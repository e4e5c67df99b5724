// Child process of `jixiao build`: receives one PagesJob over IPC, answers with its PagesResult,
// then exits so that Astro's memory is released before search indexing (see pages.ts).
import { register } from 'tsx/esm/api';

register();
const { buildPages } = await import('./pages.ts');
process.once('message', async (job) => {
  try {
    process.send({ result: await buildPages(job) }, () => process.exit(0));
  } catch (err) {
    process.send({ crash: err instanceof Error ? err.stack ?? err.message : String(err) }, () => process.exit(1));
  }
});
