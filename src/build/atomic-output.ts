/**
 * Builds into a temporary folder beside the output and swaps it in only when every stage
 * succeeded, so a failed build leaves the previous site exactly as it was. The previous output
 * is kept aside (`.jixiao-old-NAME`) until the new one is in place; a run killed between the two
 * renames leaves it there, and the next run puts it back. A lock file beside the output keeps
 * two builds from racing; leftovers of killed runs are removed by the next one.
 */
import { constants } from 'node:fs';
import { access, mkdir, open, readdir, readFile, rename, rm, stat, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { UserError } from '../errors/user-error.ts';
import { diskFailure } from './disk-errors.ts';
import { isJixiaoOutput, OUTPUT_MARKER, OUTPUT_MARKER_TEXT } from './output-guard.ts';

export interface AtomicOptions {
  /** Called between the renames of the swap; tests stop the process here. */
  onSwapStep?: (step: 'aside' | 'placed') => void | Promise<void>;
  /** Takes the previous output away once the new one is in place; by default it is deleted there and then. */
  retire?: (previous: string) => Promise<void>;
}

export async function withAtomicOutput<T>(outDir: string, produce: (tmpDir: string) => Promise<T>, opts: AtomicOptions = {}): Promise<T> {
  const parent = dirname(outDir);
  const name = basename(outDir);
  try {
    await mkdir(parent, { recursive: true });
    await access(parent, constants.W_OK);
  } catch (err) {
    throw new UserError(
      `无法在 ${JSON.stringify(parent)} 中写入（${diskFailure(err) ? '没有写入权限或磁盘已满' : (err as Error).message}）；未做任何改动。请用 --out 指定一个可写的文件夹。`,
    );
  }
  const release = await takeLock(parent, name);
  try {
    await recover(parent, name, outDir);
    if ((await exists(outDir)) && !(await isJixiaoOutput(outDir)))
      throw new UserError(`输出文件夹 ${JSON.stringify(outDir)} 不是 jixiao 生成的（缺少 ${OUTPUT_MARKER}）；为免误删，未做任何改动。`);
    return await swapIn(parent, name, outDir, produce, opts);
  } catch (err) {
    const disk = diskFailure(err);
    throw disk ? new UserError(disk) : err;
  } finally {
    await release();
  }
}

async function swapIn<T>(parent: string, name: string, outDir: string, produce: (tmpDir: string) => Promise<T>, opts: AtomicOptions): Promise<T> {
  const tmp = join(parent, `.jixiao-build-${name}-${process.pid}-${Date.now().toString(36)}`);
  const aside = join(parent, `.jixiao-old-${name}`);
  let result: T;
  try {
    await mkdir(tmp);
    result = await produce(tmp);
    await writeFile(join(tmp, OUTPUT_MARKER), OUTPUT_MARKER_TEXT);
  } catch (err) {
    await rm(tmp, { recursive: true, force: true });
    throw err;
  }
  const hadOutput = await exists(outDir);
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
  if (hadOutput) await (opts.retire ? opts.retire(aside) : rm(aside, { recursive: true, force: true }));
  return result;
}

/** After a killed run: put the previous output back if it is missing, and remove leftovers. */
async function recover(parent: string, name: string, outDir: string): Promise<void> {
  const names = await readdir(parent);
  const asides = names.filter((n) => n === `.jixiao-old-${name}` || n.startsWith(`.jixiao-old-${name}-`)).sort();
  if (asides.length && !(await exists(outDir))) await rename(join(parent, asides.shift()!), outDir);
  for (const n of [...asides, ...names.filter((n) => n.startsWith(`.jixiao-build-${name}-`))]) await rm(join(parent, n), { recursive: true, force: true });
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
    if (pid > 0 && pid !== process.pid && alive(pid))
      throw new UserError(`另一个 jixiao build（进程 ${pid}）正在生成 ${JSON.stringify(join(parent, name))}；等它结束后再运行。未做任何改动。`);
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
