/**
 * What `jixiao dev` answers besides the site's pages (issue 28.6). Vite's dev server serves any
 * file of the project by its path (/package.json, /src/cli/main.ts, /content/…, /README.md) and
 * follows links inside it wherever they point. The pages need only their own scripts and styles
 * and Vite's client: those are let through, every other file of the project is answered 404, and
 * a file whose real path leaves the project (a link) is never served.
 */
import { realpathSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, sep } from 'node:path';
import { ASTRO_CLIENT_DIR } from '../astro/private.ts';

/** Paths the pages' scripts and styles come from, relative to the project root. */
const CLIENT_DIRS = ['src/client/', 'src/styles/', 'node_modules/.vite/', 'node_modules/vite/dist/client/', ASTRO_CLIENT_DIR, 'node_modules/chart.js/'];
/** An .astro component's own script or style, as Astro asks for it: X.astro?astro&type=script&index=0&lang.ts */
const COMPONENT_PART = /^src\/(components|pages|layouts)\/[^?]*\.astro$/;
const PART_QUERY = /^\?astro&type=(script|style)&index=\d+&lang\.(ts|js|css)$/;
/** Vite's own modules and the HMR ping, not files. */
const VIRTUAL = /^\/@(vite|id)\//;

export type Verdict = 'page' | 'asset' | 'refused';

/**
 * `path` is the request path with the base removed and decoded; `search` its query (with `?`).
 * 'page' for anything that is not a file of the project (Astro answers it), 'asset' for a file a
 * page needs, 'refused' for any other file, or one whose real path leaves the project.
 */
export function classify(root: string, path: string, search: string): Verdict {
  if (VIRTUAL.test(path)) return 'asset';
  let rel: string;
  if (path.startsWith('/@fs/')) {
    const abs = path.slice('/@fs'.length);
    rel = relative(root, abs);
    if (!isAbsolute(abs) || rel.startsWith('..') || isAbsolute(rel)) return 'refused';
  } else rel = path.slice(1);
  if (rel.split('/').some((seg) => seg === '..')) return 'refused';
  const real = realPath(join(root, rel));
  // Not a file of the project (a folder is never served as one): a page's address.
  if (real === undefined || !isFile(real)) return path.startsWith('/@fs/') ? 'refused' : 'page';
  const realRel = relative(realPath(root) ?? root, real);
  if (realRel.startsWith('..') || isAbsolute(realRel)) return 'refused';
  const asUrl = realRel.split(sep).join('/');
  if (CLIENT_DIRS.some((d) => asUrl.startsWith(d) && rel.split(sep).join('/').startsWith(d))) return 'asset';
  if (COMPONENT_PART.test(asUrl) && PART_QUERY.test(search)) return 'asset';
  return 'refused';
}

function isFile(p: string): boolean {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}

function realPath(p: string): string | undefined {
  try {
    return realpathSync(p);
  } catch {
    return undefined;
  }
}
