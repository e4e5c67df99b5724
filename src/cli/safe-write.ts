/**
 * Writing one file a command makes (`new --out`, `import --out`) without ever writing through a
 * link: a link where the file goes (dangling or not) is refused, with or without --force; a new
 * file is created exclusively (O_CREAT|O_EXCL, which never follows a link), a replaced one is
 * written beside it and renamed over it. Failures are one sentence of the catalogue naming the file.
 */
import { randomBytes } from 'node:crypto';
import { lstat, open, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { makeFolders } from '../output/folders.ts';
import { fileErrorReason } from '../errors/file-reasons.ts';
import { say, UserError } from '../errors/user-error.ts';

export interface WriteOptions {
  /** Replace an existing regular file. */
  force?: boolean | undefined;
  /** The file as messages name it. */
  shown: string;
}

/** Whether `target` exists, as what: undefined when nothing is there. */
export async function whatIsAt(target: string): Promise<'file' | 'link' | 'other' | undefined> {
  const info = await lstat(target).catch(() => undefined);
  if (!info) return undefined;
  return info.isSymbolicLink() ? 'link' : info.isFile() ? 'file' : 'other';
}

/** Writes `data` to `target` (its folders made as needed); throws UserError, touching nothing, when it cannot. */
export async function writeOwnFile(target: string, data: string, opts: WriteOptions): Promise<void> {
  const shown = opts.shown;
  const fail = (err: unknown): never => {
    throw new UserError(say('WRITE_FAILED', { shown, reason: fileErrorReason(err) }));
  };
  const at = await whatIsAt(target);
  if (at === 'link') throw new UserError(say('WRITE_AT_LINK', { shown }));
  if (at === 'other') throw new UserError(say('WRITE_AT_OTHER', { shown }));
  if (at === 'file' && !opts.force) throw new UserError(say('WRITE_EXISTS', { shown }));
  await makeFolders(dirname(target), dirname(opts.shown));
  // Exclusive create: a link (or anything) that appears at the path meanwhile makes it fail.
  const tmp = at === 'file' ? join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`) : target;
  const fh = await open(tmp, 'wx', 0o644).catch((err: unknown) => {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') throw new UserError(say('WRITE_RACE_CREATED', { shown }));
    return fail(err);
  });
  try {
    await fh.writeFile(data, 'utf8');
    await fh.close();
    if (tmp !== target) {
      if ((await whatIsAt(target)) !== 'file') throw new UserError(say('WRITE_RACE_SWAPPED', { shown }));
      await rename(tmp, target); // replaces the file itself, never what a link points to
    }
  } catch (err) {
    await fh.close().catch(() => undefined);
    await unlink(tmp).catch(() => undefined);
    if (err instanceof UserError) throw err;
    fail(err);
  }
}
