/**
 * Which folder a build may replace. A build deletes its previous output, so a wrong `--out`
 * (`.`, `content`, `README.md`, `/`) would destroy a user's work: the output must not exist, be
 * empty, or hold only what jixiao wrote there (every file on its marker's list and unchanged,
 * output-manifest.ts), and never be the project, the content, the home folder, the root, or
 * any folder above them.
 */
import { lstat, realpath } from 'node:fs/promises';
import { homedir } from 'node:os';
import { basename, dirname, isAbsolute, join, parse, relative, resolve, sep } from 'node:path';
import { OUTPUT_MARKER, type OutputVerdict } from './output-manifest.ts';

export { OUTPUT_MARKER } from './output-manifest.ts';

export interface OutputPlaces {
  /** The project (working) folder. */
  cwd: string;
  /** The content folder, when the command reads one. */
  contentDir?: string | undefined;
  /** Other folders that must survive (jixiao's own folder, …). */
  keep?: readonly string[];
}

/** `a` is `b` or a folder above it. */
const isAtOrAbove = (a: string, b: string) => {
  const r = relative(a, b);
  return r === '' || (r !== '..' && !r.startsWith(`..${sep}`) && !isAbsolute(r));
};

/** The real path of `p`, resolving links in the part that exists (the rest may not exist yet). */
export async function realPathOf(p: string): Promise<string> {
  const abs = resolve(p);
  try {
    return await realpath(abs);
  } catch {
    /* not there (yet) */
  }
  const parent = dirname(abs);
  return parent === abs ? abs : join(await realPathOf(parent), basename(abs));
}

/** A Chinese sentence saying why `outDir` must not be replaced, or undefined when it may. */
export async function outputRefusal(outDir: string, places: OutputPlaces, shownAs = outDir): Promise<string | undefined> {
  const shown = JSON.stringify(shownAs);
  const out = await realPathOf(outDir);
  if (out === parse(out).root) return `输出文件夹 ${shown} 是文件系统的根目录，不能用作输出；未做任何改动。请用 --out 指定一个新的空文件夹，例如 dist。`;
  const guarded: [string, string][] = [
    [await realPathOf(places.cwd), '项目文件夹'],
    ...(await Promise.all((places.keep ?? []).map(async (k) => [await realPathOf(k), 'jixiao 程序所在的文件夹'] as [string, string]))),
  ];
  if (places.contentDir) {
    const content = await realPathOf(places.contentDir);
    if (isAtOrAbove(content, out))
      return `输出文件夹 ${shown} 在内容文件夹之内，生成网站会删除报告文件；未做任何改动。请用 --out 指定内容文件夹以外的文件夹，例如 dist。`;
    guarded.push([content, '内容文件夹']);
  }
  guarded.push([await realPathOf(homedir()), '用户主目录']);
  for (const [place, what] of guarded)
    if (isAtOrAbove(out, place))
      return `输出文件夹 ${shown} 是${what}${out === place ? '' : '所在的上级文件夹'}，生成网站会删除其中的文件；未做任何改动。请用 --out 指定一个新的空文件夹，例如 dist。`;
  const info = await lstat(out).catch(() => undefined);
  if (!info) return undefined;
  if (info.isSymbolicLink()) return `输出位置 ${shown} 是一个符号链接，不能用作输出；未做任何改动。请用 --out 指定一个普通文件夹。`;
  if (!info.isDirectory()) return `输出位置 ${shown} 是一个文件，不是文件夹；未做任何改动。请用 --out 指定一个新的空文件夹，例如 dist。`;
  return undefined; // what is in it: replaceRefusal, under the build's lock (atomic-output.ts)
}

/** A Chinese sentence saying why a folder with this verdict must not be replaced, or undefined when it may. */
export function replaceRefusal(verdict: OutputVerdict, shownAs: string): string | undefined {
  if (verdict.kind === 'empty' || verdict.kind === 'ours') return undefined;
  const shown = JSON.stringify(shownAs);
  const file = JSON.stringify(join(shownAs, verdict.file));
  if (verdict.kind === 'unlisted')
    return verdict.marker === 'none'
      ? `输出文件夹 ${shown} 已有文件（如 ${file}），不是 jixiao 生成的（没有 ${OUTPUT_MARKER} 文件清单）；为免误删，未做任何改动。请用 --out 指定一个新的空文件夹，或先自行清空它。`
      : `输出文件夹 ${shown} 的 ${OUTPUT_MARKER} 中没有文件清单（旧版 jixiao 生成的，或是手工放入的），无法确认其中的文件（如 ${file}）都是 jixiao 生成的；为免误删，未做任何改动。请确认其中没有要保留的文件后删除或清空这个文件夹，再运行一次（只需这一次）。`;
  return verdict.changed
    ? `${file} 在上次生成网站后被改动过，输出文件夹 ${shown} 不能被替换；为免误删，未做任何改动。请把这个文件移出 ${shown}，或用 --out 指定另一个文件夹。`
    : `${file} 不是 jixiao 生成的，输出文件夹 ${shown} 不能被替换；为免误删，未做任何改动。请把它移出 ${shown}，或用 --out 指定另一个文件夹。`;
}

/**
 * For commands that only add named files to a folder (`import --out`, `package --out`): the
 * folder must be a folder (or not exist yet), not the filesystem root, and not inside `inside`.
 */
export async function filesFolderRefusal(dir: string, opts: { notInside?: string; what: string; shownAs?: string }): Promise<string | undefined> {
  const shown = JSON.stringify(opts.shownAs ?? dir);
  const real = await realPathOf(dir);
  if (real === parse(real).root) return `${opts.what} ${shown} 是文件系统的根目录；未做任何改动。请用 --out 指定一个文件夹。`;
  if (opts.notInside && isAtOrAbove(await realPathOf(opts.notInside), real))
    return `${opts.what} ${shown} 在网站文件夹之内；未做任何改动。请用 --out 指定网站文件夹以外的文件夹。`;
  // The folder, or the nearest part of its path that exists (README.md of README.md/sub), must be a folder.
  for (let p = real; ; p = dirname(p)) {
    const info = await lstat(p).catch(() => undefined);
    if (info?.isDirectory()) return undefined;
    if (info)
      return p === real
        ? `${opts.what} ${shown} 是一个文件，不是文件夹；未做任何改动。请用 --out 指定一个文件夹。`
        : `${opts.what} ${shown} 的路径中 ${JSON.stringify(basename(p))} 是一个文件，不是文件夹；未做任何改动。请用 --out 指定一个文件夹。`;
    if (dirname(p) === p) return undefined;
  }
}
