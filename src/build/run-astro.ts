/**
 * Runs Astro's own build programmatically. The pages read the settings and the content the
 * build provided through src/site/build-context.ts (kept out of the bundle by the integration).
 */
import { mkdtemp, readdir, rm, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { buildContextIntegration } from './context-integration.ts';

export interface AstroRun {
  root: string;
  outDir: string;
  base: string;
  site?: string | undefined;
  /** Astro's cache folder; given, pages with a cacheKey (src/site/page-keys.ts) unchanged since the last build are copied, not rendered. */
  cacheDir?: string | undefined;
}

export async function runAstro(run: AstroRun): Promise<number> {
  process.env.ASTRO_TELEMETRY_DISABLED = '1'; // Astro's own switch: a build never phones home
  delete process.env.BASE_URL; // vite would let it override the base in import.meta.env
  const { build } = await import('astro');
  // Astro 7 writes its server-side chunks into the output folder when that lies inside the working
  // directory, else into `.astro/` of the working directory, and at the end renames assets from
  // there into the output. So it runs from a fresh folder beside the output (on the same disk: a
  // rename across disks fails), where a link to jixiao's node_modules lets the chunks find Astro's
  // packages; two builds never share it. Named after the output's build folder, so a killed run's
  // leftover goes with it (atomic-output.ts).
  const scratch = await mkdtemp(`${run.outDir}-astro-`);
  await symlink(join(run.root, 'node_modules'), join(scratch, 'node_modules'), 'dir');
  const cwd = process.cwd();
  process.chdir(scratch);
  try {
    await astroBuild(build, run);
  } finally {
    process.chdir(cwd);
    await rm(scratch, { recursive: true, force: true });
  }
  const files = await readdir(run.outDir, { recursive: true });
  return files.filter((f) => String(f).endsWith('.html')).length;
}

async function astroBuild(build: typeof import('astro').build, run: AstroRun): Promise<void> {
  await build({
    root: run.root,
    outDir: run.outDir,
    base: run.base,
    ...(run.site ? { site: run.site } : {}),
    ...(run.cacheDir ? { cacheDir: run.cacheDir, experimental: { incrementalBuild: true } } : {}),
    logLevel: 'warn',
    integrations: [buildContextIntegration()],
  });
}
