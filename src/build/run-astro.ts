/**
 * Runs Astro's own build programmatically. The pages read the settings and the content the
 * build provided through src/site/build-context.ts (kept out of the bundle by the integration).
 */
import { readdir } from 'node:fs/promises';
import { buildContextIntegration } from './context-integration.ts';

export interface AstroRun {
  root: string;
  outDir: string;
  base: string;
  site?: string | undefined;
}

export async function runAstro(run: AstroRun): Promise<number> {
  process.env.ASTRO_TELEMETRY_DISABLED = '1'; // Astro's own switch: a build never phones home
  delete process.env.BASE_URL; // vite would let it override the base in import.meta.env
  const { build } = await import('astro');
  await build({
    root: run.root,
    outDir: run.outDir,
    base: run.base,
    ...(run.site ? { site: run.site } : {}),
    logLevel: 'warn',
    integrations: [buildContextIntegration()],
  });
  const files = await readdir(run.outDir, { recursive: true });
  return files.filter((f) => String(f).endsWith('.html')).length;
}
