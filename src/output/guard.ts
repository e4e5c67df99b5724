/**
 * Which folder a build may replace. A build deletes its previous output, so a wrong `--out`
 * (`.`, `content`, `README.md`, `/`) would destroy a user's work: the output must not exist, be
 * empty, or hold only what jixiao wrote there (every file on its marker's list and unchanged,
 * manifest.ts), and never be the project, the content, the home folder, the root, or
 * any folder above them.
 */
import { lstat, realpath } from 'node:fs/promises';
import { homedir } from 'node:os';
import { basename, dirname, isAbsolute, join, parse, relative, resolve, sep } from 'node:path';
import { say, type Said } from '../errors/messages.ts';
import type { KeptPlace } from '../errors/output-messages.ts';
import { OUTPUT_MARKER, type OutputVerdict } from './manifest.ts';

export { OUTPUT_MARKER } from './manifest.ts';

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

/** Why `outDir` must not be replaced (a catalogue entry), or undefined when it may. */
export async function outputRefusal(outDir: string, places: OutputPlaces, shown = outDir): Promise<Said | undefined> {
  const out = await realPathOf(outDir);
  if (out === parse(out).root) return say('OUT_IS_ROOT', { shown });
  const guarded: [string, KeptPlace][] = [
    [await realPathOf(places.cwd), 'project'],
    ...(await Promise.all((places.keep ?? []).map(async (k) => [await realPathOf(k), 'jixiao'] as [string, KeptPlace]))),
  ];
  if (places.contentDir) {
    const content = await realPathOf(places.contentDir);
    if (isAtOrAbove(content, out)) return say('OUT_IN_CONTENT', { shown });
    guarded.push([content, 'content']);
  }
  guarded.push([await realPathOf(homedir()), 'home']);
  for (const [place, what] of guarded) if (isAtOrAbove(out, place)) return say('OUT_IS_KEPT', { shown, place: what, above: out !== place });
  const info = await lstat(out).catch(() => undefined);
  if (!info) return undefined;
  if (info.isSymbolicLink()) return say('OUT_IS_LINK', { shown });
  if (!info.isDirectory()) return say('OUT_IS_FILE', { shown });
  return undefined; // what is in it: replaceRefusal, under the build's lock (atomic.ts)
}

/** Why a folder with this verdict must not be replaced (a catalogue entry), or undefined when it may. */
export function replaceRefusal(verdict: OutputVerdict, shown: string): Said | undefined {
  if (verdict.kind === 'empty' || verdict.kind === 'ours') return undefined;
  const file = join(shown, verdict.file);
  if (verdict.kind === 'unlisted') return say(verdict.marker === 'none' ? 'OUT_NOT_OURS' : 'OUT_NO_LIST', { shown, file, marker: OUTPUT_MARKER });
  return say(verdict.changed ? 'OUT_FILE_CHANGED' : 'OUT_FILE_FOREIGN', { shown, file });
}

/**
 * For commands that only add named files to a folder (`import --out`, `package --out`): the
 * folder must be a folder (or not exist yet), not the filesystem root, and not inside `inside`.
 */
export async function filesFolderRefusal(dir: string, opts: { notInside?: string; what: 'package' | 'import'; shownAs?: string }): Promise<Said | undefined> {
  const named = { what: opts.what, shown: opts.shownAs ?? dir };
  const real = await realPathOf(dir);
  if (real === parse(real).root) return say('FOLDER_IS_ROOT', named);
  if (opts.notInside && isAtOrAbove(await realPathOf(opts.notInside), real)) return say('FOLDER_IN_SITE', named);
  // The folder, or the nearest part of its path that exists (README.md of README.md/sub), must be a folder.
  for (let p = real; ; p = dirname(p)) {
    const info = await lstat(p).catch(() => undefined);
    if (info?.isDirectory()) return undefined;
    if (info) return p === real ? say('FOLDER_IS_FILE', named) : say('FOLDER_PATH_HAS_FILE', { ...named, part: basename(p) });
    if (dirname(p) === p) return undefined;
  }
}
