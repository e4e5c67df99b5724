/**
 * Folders a command writes into, made safely: Node's recursive mkdir never returns under /proc
 * and says EEXIST for a path through a file (README.md/sub). Why one could not be made is said in
 * Chinese (src/errors/file-reasons.ts), never with the English of the error code.
 */
import { mkdir, stat } from 'node:fs/promises';
import { basename, dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { fileErrorReason } from '../errors/file-reasons.ts';
import { say, UserError } from '../errors/user-error.ts';

/**
 * Makes `dir` and the folders above it that are missing, one at a time (mkdir's recursive mode
 * never returns under /proc): the nearest part that exists must be a folder. Throws UserError
 * naming the part that is in the way.
 */
export async function makeFolders(dir: string, shown: string): Promise<void> {
  const missing: string[] = [];
  for (let p = resolve(dir); ; p = dirname(p)) {
    const info = await stat(p).catch((err: NodeJS.ErrnoException) => (err.code === 'ENOENT' ? undefined : err)); // a folder reached through a link is a folder
    if (info instanceof Error) throw new UserError(say('FOLDER_NOT_MADE', { shown, reason: fileErrorReason(info) }));
    if (info?.isDirectory()) break;
    if (info) throw new UserError(say('FOLDER_PART_IS_FILE', { shown, part: basename(p) }));
    if (dirname(p) === p) break;
    missing.unshift(p);
  }
  for (const p of missing)
    await mkdir(p).catch((err: NodeJS.ErrnoException) => {
      if (err.code !== 'EEXIST') throw new UserError(say('FOLDER_NOT_MADE', { shown, reason: fileErrorReason(err) }));
    });
}

/** A path as messages name it: relative to the working folder when inside it, else in full. */
export function displayPath(cwd: string, p: string): string {
  const rel = relative(cwd, resolve(cwd, p));
  return rel === '' ? '.' : rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel) ? resolve(cwd, p) : rel;
}
