// Child process of `jixiao build` that renders the second share of the pages with its own Astro
// (shards.ts), so that the build uses both cores.
import { register } from 'tsx/esm/api';

register();
const { renderShard } = await import('./shards.ts');
const { serveOneJob } = await import('./child.ts');
serveOneJob(renderShard);
