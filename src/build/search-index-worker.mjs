// Child process of `jixiao build` that indexes some parts of the search index with its own
// pagefind process, so that two parts are indexed at once on two cores (search-index.ts).
import { loadTypeScript } from '../load-typescript.mjs';

await loadTypeScript();
const { indexParts } = await import('./search-index.ts');
const { serveOneJob } = await import('./child.ts');
serveOneJob(indexParts);
