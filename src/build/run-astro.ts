/**
 * Runs Astro's own build programmatically. The pages read the content through
 * JIXIAO_CONTENT (src/site/content.ts), the same loader `validate` uses.
 */
import { readdir } from 'node:fs/promises';

export interface AstroRun {
  root: string;
  outDir: string;
  contentDir: string;
  base: string;
  site?: string | undefined;
}

export async function runAstro(run: AstroRun): Promise<number> {
  process.env.JIXIAO_CONTENT = run.contentDir;
  process.env.JIXIAO_BASE = run.base;
  process.env.ASTRO_TELEMETRY_DISABLED = '1';
  delete process.env.BASE_URL; // vite would let it override the base in import.meta.env
  const { build } = await import('astro');
  await build({
    root: run.root,
    outDir: run.outDir,
    base: run.base,
    ...(run.site ? { site: run.site } : {}),
    logLevel: 'warn',
  });
  const files = await readdir(run.outDir, { recursive: true });
  return files.filter((f) => String(f).endsWith('.html')).length;
}
