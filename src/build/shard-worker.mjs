// Child process of `jixiao build` that renders the second share of the pages with its own Astro
// (shards.ts), so that the build uses both cores. It is started before the content is validated
// and loads Astro meanwhile; the validated reports come with its job.
import { loadTypeScript } from '../load-typescript.mjs';

await loadTypeScript();
const { serveOneJob } = await import('./child.ts');
const loaded = Promise.all([import('./shards.ts'), import('astro')]);
serveOneJob(async (job) => (await loaded)[0].renderShard(job));
// The build that started it has gone (killed, or stopped before rendering): nothing to do.
process.once('disconnect', () => process.exit(1));
