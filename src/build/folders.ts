/**
 * Folders a command writes into, made safely, and file errors in Chinese: Node's recursive mkdir
 * never returns under /proc and says EEXIST for a path through a file (README.md/sub), and an
 * error code such as ENOTDIR is English a clerk cannot act on.
 */
import { mkdir, stat } from 'node:fs/promises';
import { basename, dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { UserError } from '../errors/user-error.ts';
import { diskReason } from './disk-errors.ts';

/** Why a file operation failed, in Chinese (never the English of the error code). */
export function fileErrorReason(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | null)?.code;
  if (code === 'ENOTDIR') return '路径中有一段是文件而不是文件夹';
  if (code === 'EISDIR') return '这是一个文件夹';
  if (code === 'ELOOP') return '路径中有符号链接';
  if (code === 'ENAMETOOLONG') return '文件名或路径太长';
  if (code === 'EEXIST') return '同名的文件或文件夹已存在';
  if (code === 'ENOENT') return '路径中的文件夹不存在';
  if (code === 'EINVAL') return '文件名中有系统不允许的字符';
  return diskReason(err) ?? `系统错误 ${code ?? '（未知）'}`;
}

/**
 * Makes `dir` and the folders above it that are missing, one at a time (mkdir's recursive mode
 * never returns under /proc): the nearest part that exists must be a folder. Throws UserError
 * naming the part that is in the way.
 */
export async function makeFolders(dir: string, shown: string): Promise<void> {
  const missing: string[] = [];
  for (let p = resolve(dir); ; p = dirname(p)) {
    const info = await stat(p).catch((err: NodeJS.ErrnoException) => (err.code === 'ENOENT' ? undefined : err)); // a folder reached through a link is a folder
    if (info instanceof Error) throw new UserError(`无法创建文件夹 ${JSON.stringify(shown)}（${fileErrorReason(info)}）；未写入。请换一个 --out 位置。`);
    if (info?.isDirectory()) break;
    if (info)
      throw new UserError(
        `无法创建文件夹 ${JSON.stringify(shown)}：路径中的 ${JSON.stringify(basename(p))} 是一个文件，不是文件夹；未写入。请换一个 --out 位置。`,
      );
    if (dirname(p) === p) break;
    missing.unshift(p);
  }
  for (const p of missing)
    await mkdir(p).catch((err: NodeJS.ErrnoException) => {
      if (err.code !== 'EEXIST') throw new UserError(`无法创建文件夹 ${JSON.stringify(shown)}（${fileErrorReason(err)}）；未写入。请换一个 --out 位置。`);
    });
}

/** A path as messages name it: relative to the working folder when inside it, else in full. */
export function displayPath(cwd: string, p: string): string {
  const rel = relative(cwd, resolve(cwd, p));
  return rel === '' ? '.' : rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel) ? resolve(cwd, p) : rel;
}
