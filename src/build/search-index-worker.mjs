// Child process of `jixiao build` that indexes some parts of the search index with its own
// pagefind process, so that two parts are indexed at once on two cores (search-index.ts). The build
// starts one while the pages are rendered, and hands it its job later (startIndexWorker).
import { loadTypeScript } from '../load-typescript.mjs';

await loadTypeScript();
// Loaded before the job comes: the build starts this process while it renders the pages.
await import('pagefind');
const { indexParts } = await import('./search-index.ts');
const { serveOneJob } = await import('./child.ts');
serveOneJob(indexParts);
