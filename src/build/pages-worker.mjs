// Child process of `jixiao build` for the pages stage (pages.ts): Astro's memory goes back to
// the system when this process exits, before search indexing.
import { loadTypeScript } from '../load-typescript.mjs';

await loadTypeScript();
const { buildPages } = await import('./pages.ts');
const { serveOneJob } = await import('./child.ts');
serveOneJob(buildPages);
