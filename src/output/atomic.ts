/**
 * Builds into a temporary folder beside the output and swaps it in only when every stage
 * succeeded, so a failed build leaves the previous site exactly as it was. The previous output
 * is kept aside (`.jixiao-old-NAME`) until the new one is in place; a run killed between the two
 * renames leaves it there, and the next run puts it back. A lock file beside the output keeps
 * two builds from racing; leftovers of killed runs are removed by the next one.
 * An existing output is replaced only when everything in it is what the last build wrote
 * (manifest.ts), checked once before the build starts and again just before the swap.
 */
import { constants } from 'node:fs';
import { access, mkdir, open, readdir, readFile, rename, rm, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { notWritable } from '../errors/file-reasons.ts';
import { say, UserError } from '../errors/user-error.ts';
import { diskFailure } from './disk-errors.ts';
import { makeFolders } from './folders.ts';
import { replaceRefusal } from './guard.ts';
import { judgeOutput, writeOutputManifest, type Stamps } from './manifest.ts';

export interface AtomicOptions {
  /** Called between the renames of the swap; tests stop the process here. */
  onSwapStep?: (step: 'aside' | 'placed') => void | Promise<void>;
  /** Takes the previous output away once the new one is in place (with its files' stamps); by default it is deleted there and then. */
  retire?: (previous: string, stamps: Stamps) => Promise<void>;
  /** The output as messages name it (as given on the command line). */
  shownAs?: string | undefined;
  /** Stamps of the output's files as the last build left them: those are not read again. */
  known?: Stamps | undefined;
  /** Called with the new output's stamps once it is in place. */
  placed?: (stamps: Stamps) => Promise<void>;
}

export async function withAtomicOutput<T>(outDir: string, produce: (tmpDir: string) => Promise<T>, opts: AtomicOptions = {}): Promise<T> {
  const parent = dirname(outDir);
  const name = basename(outDir);
  try {
    await makeFolders(parent, dirname(opts.shownAs ?? outDir));
    await access(parent, constants.W_OK);
  } catch (err) {
    if (err instanceof UserError) throw err;
    throw new UserError(say('OUT_PARENT_NOT_WRITABLE', { parent, reason: notWritable(err) }));
  }
  const release = await takeLock(parent, name);
  try {
    await recover(parent, name, outDir);
    const before = await replaceable(outDir, opts.known ?? new Map(), opts.shownAs ?? outDir);
    return await swapIn(parent, name, outDir, produce, opts, before);
  } catch (err) {
    const disk = diskFailure(err);
    throw disk ? new UserError(disk) : err;
  } finally {
    await release();
  }
}

/**
 * Undefined when there is no output yet; else the stamps and hashes of its files, which may be
 * replaced; else a refusal naming the first file the build did not write.
 */
async function replaceable(outDir: string, known: Stamps, shownAs: string): Promise<{ stamps: Stamps; hashes: Map<string, string> } | undefined> {
  if (!(await exists(outDir))) return undefined;
  const verdict = await judgeOutput(outDir, known);
  const refusal = replaceRefusal(verdict, shownAs);
  if (refusal) throw new UserError(refusal);
  return verdict.kind === 'ours' ? verdict : { stamps: new Map(), hashes: new Map() };
}

async function swapIn<T>(
  parent: string,
  name: string,
  outDir: string,
  produce: (tmpDir: string) => Promise<T>,
  opts: AtomicOptions,
  before: Awaited<ReturnType<typeof replaceable>>,
): Promise<T> {
  const tmp = join(parent, `.jixiao-build-${name}-${process.pid}-${Date.now().toString(36)}`);
  // A previous output kept aside by a killed run that recover() could not vouch for stays as it is.
  const kept = await exists(join(parent, `.jixiao-old-${name}`));
  const aside = join(parent, kept ? `.jixiao-old-${name}-${process.pid}-${Date.now().toString(36)}` : `.jixiao-old-${name}`);
  let result: T;
  let stamps: Stamps;
  let previous: Stamps | undefined;
  try {
    await mkdir(tmp);
    result = await produce(tmp);
    stamps = await writeOutputManifest(tmp, before?.hashes);
    // Files put into the output while the build ran are not the build's either.
    previous = (await replaceable(outDir, before?.stamps ?? new Map(), opts.shownAs ?? outDir))?.stamps;
  } catch (err) {
    await rm(tmp, { recursive: true, force: true });
    throw err;
  }
  const hadOutput = previous !== undefined;
  if (hadOutput) await rename(outDir, aside);
  await opts.onSwapStep?.('aside');
  try {
    await rename(tmp, outDir);
  } catch (err) {
    if (hadOutput) await rename(aside, outDir);
    await rm(tmp, { recursive: true, force: true });
    throw err;
  }
  await opts.onSwapStep?.('placed');
  await opts.placed?.(stamps);
  if (hadOutput) await (opts.retire ? opts.retire(aside, previous!) : rm(aside, { recursive: true, force: true }));
  return result;
}

/**
 * After a killed run: put the previous output back if it is missing, and remove leftovers: the
 * temporary folders, and a previous output kept aside only when it holds nothing but what a
 * build wrote (else it stays where it is).
 */
async function recover(parent: string, name: string, outDir: string): Promise<void> {
  const names = await readdir(parent);
  const asides = names.filter((n) => n === `.jixiao-old-${name}` || n.startsWith(`.jixiao-old-${name}-`)).sort();
  if (asides.length && !(await exists(outDir))) await rename(join(parent, asides.shift()!), outDir);
  for (const n of asides) {
    const verdict = await judgeOutput(join(parent, n)).catch(() => undefined);
    if (verdict?.kind === 'ours' || verdict?.kind === 'empty') await rm(join(parent, n), { recursive: true, force: true });
  }
  for (const n of names.filter((n) => n.startsWith(`.jixiao-build-${name}-`))) await rm(join(parent, n), { recursive: true, force: true });
}

/** A pid file beside the output; a lock left by a killed run (its process gone) is taken over. */
async function takeLock(parent: string, name: string): Promise<() => Promise<void>> {
  const lock = join(parent, `.jixiao-lock-${name}`);
  for (let attempt = 0; ; attempt++) {
    try {
      const fh = await open(lock, 'wx');
      await fh.writeFile(`${process.pid}\n`);
      await fh.close();
      return () => unlink(lock).catch(() => undefined);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 2) throw err;
    }
    const pid = Number((await readFile(lock, 'utf8').catch(() => '')).trim());
    if (pid > 0 && pid !== process.pid && alive(pid)) throw new UserError(say('OUT_BUILD_RUNNING', { pid, folder: join(parent, name) }));
    await unlink(lock).catch(() => undefined);
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function exists(p: string): Promise<boolean> {
  try {
    await stat(p);
    return true;
  } catch {
    return false;
  }
}
