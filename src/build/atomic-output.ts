/**
 * Builds into a temporary folder beside the output and swaps it in only when every stage
 * succeeded, so a failed build leaves the previous site exactly as it was.
 */
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export async function withAtomicOutput<T>(outDir: string, produce: (tmpDir: string) => Promise<T>): Promise<T> {
  const parent = dirname(outDir);
  await mkdir(parent, { recursive: true });
  const tag = `${process.pid}-${Date.now().toString(36)}`;
  const tmp = join(parent, `.jixiao-build-${basename(outDir)}-${tag}`);
  const old = join(parent, `.jixiao-old-${basename(outDir)}-${tag}`);
  await rm(tmp, { recursive: true, force: true });
  let result: T;
  try {
    await mkdir(tmp);
    result = await produce(tmp);
  } catch (err) {
    await rm(tmp, { recursive: true, force: true });
    throw err;
  }
  const hadOutput = await exists(outDir);
  if (hadOutput) await rename(outDir, old);
  try {
    await rename(tmp, outDir);
  } catch (err) {
    if (hadOutput) await rename(old, outDir);
    await rm(tmp, { recursive: true, force: true });
    throw err;
  }
  if (hadOutput) await rm(old, { recursive: true, force: true });
  return result;
}

async function exists(p: string): Promise<boolean> {
  try { await stat(p); return true; } catch { return false; }
}
