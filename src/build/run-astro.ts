/**
 * Runs Astro's own build programmatically. The pages read the settings and the content the
 * build provided through src/site/build-context.ts (kept out of the bundle by the integration).
 */
import { cp, mkdir, mkdtemp, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { restoreByLinks } from '../astro/private.ts';
import { fromFolder, telemetryOff } from '../astro/process.ts';
import type { AstroIntegration } from 'astro';
import { buildContextIntegration } from './context-integration.ts';

export interface AstroRun {
  root: string;
  outDir: string;
  base: string;
  site?: string | undefined;
  /** Astro's cache folder; given, pages with a cacheKey (src/site/page-keys.ts) unchanged since the last build are copied, not rendered. */
  cacheDir?: string | undefined;
  /**
   * Pages are rendered once this settles (Astro bundles the site meanwhile): the build validates
   * the content while Astro bundles, and provides it first. A rejection stops the build with it.
   */
  contentReady?: Promise<void> | undefined;
}

/** Pages Astro renders at once in one process (its build.concurrency); 2 and 8 did as well as 4. */
const RENDER_CONCURRENCY = 4;

/**
 * Builds the site; the pages Astro made, rendered or restored (its `astro:build:done` list, one
 * path each, instead of walking the output to count them).
 */
export async function runAstro(run: AstroRun): Promise<string[]> {
  telemetryOff();
  const { build } = await import('astro');
  // A build stopped while Astro loaded stops here, before it makes any folder.
  if (run.contentReady) await Promise.race([run.contentReady, undefined]);
  if (run.cacheDir) await restoreByLinks();
  // Astro 7 writes its server-side chunks into the output folder when that lies inside the working
  // directory, else into `.astro/` of the working directory; from either place they must find
  // Astro's packages, and two builds at once must not share the folder. So it runs from a fresh
  // folder inside jixiao's own `.astro/` (src/astro/process.ts), removed afterwards. (Where it runs from shows in the
  // names of the bundled scripts, so it must not depend on where the output goes.)
  await mkdir(join(run.root, '.astro'), { recursive: true });
  const scratch = await mkdtemp(join(run.root, '.astro', 'build-'));
  // At the end Astro moves files from there into the output: across disks a move fails, so an
  // output on another disk than jixiao's is written into `.astro/` first (beside the working
  // folder, not inside it), then copied over.
  const elsewhere = (await stat(dirname(run.outDir))).dev !== (await stat(run.root)).dev;
  const astroOut = elsewhere ? await mkdtemp(join(run.root, '.astro', 'out-')) : run.outDir;
  let pages: string[] = [];
  try {
    await fromFolder(scratch, () => astroBuild(build, { ...run, outDir: astroOut }, (names) => (pages = names)));
    if (elsewhere) await cp(astroOut, run.outDir, { recursive: true });
  } finally {
    await rm(scratch, { recursive: true, force: true });
    if (elsewhere) await rm(astroOut, { recursive: true, force: true });
  }
  return pages;
}

async function astroBuild(build: typeof import('astro').build, run: AstroRun, made: (pages: string[]) => void): Promise<void> {
  await build({
    root: run.root,
    outDir: run.outDir,
    base: run.base,
    ...(run.site ? { site: run.site } : {}),
    ...(run.cacheDir ? { cacheDir: run.cacheDir, experimental: { incrementalBuild: true } } : {}),
    logLevel: 'warn',
    // Four pages at once: one after another, the process waited for each page's folder and file
    // to be written before rendering the next (a quarter of its time idle). The same bytes
    // (build.concurrency only orders the work).
    build: { concurrency: RENDER_CONCURRENCY },
    integrations: [
      buildContextIntegration(),
      { name: 'jixiao:pages-made', hooks: { 'astro:build:done': ({ pages }) => made(pages.map((p) => p.pathname)) } },
      ...(run.contentReady ? [renderWhen(run.contentReady)] : []),
    ],
  });
}

/**
 * Holds Astro between bundling and rendering until `ready` settles. Astro renders the pages in a
 * Vite `buildApp` hook ordered last; this one is ordered last too and comes before it, and Vite
 * runs the hooks one after another.
 */
function renderWhen(ready: Promise<void>): AstroIntegration {
  return {
    name: 'jixiao:render-when-content-ready',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({ vite: { plugins: [{ name: 'jixiao:render-when-content-ready', enforce: 'post', buildApp: { order: 'post', handler: () => ready } }] } });
      },
    },
  };
}
