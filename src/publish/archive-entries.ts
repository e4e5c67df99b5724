/**
 * What goes into a site package: every folder and regular file under the built site, under one
 * top folder named like the package, in byte order of their paths — the same list for the
 * .tar.gz and the .zip, so both unpack to the same tree.
 */
import { lstatSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { OUTPUT_MARKER } from '../output/guard.ts';
import { say, UserError } from '../errors/user-error.ts';
import { readBoundedSync } from '../validate/safe-read.ts';

export interface ArchiveEntry {
  /** Path inside the archive, with / separators, no trailing slash. */
  path: string;
  type: 'file' | 'dir';
  read(): Buffer;
}

/** A package refused: the site folder is not what `jixiao build` left. */
export class PackageError extends UserError {}

export function archiveEntries(siteDir: string, top: string): ArchiveEntry[] {
  const out: ArchiveEntry[] = [{ path: top, type: 'dir', read: () => Buffer.alloc(0) }];
  const walk = (dir: string, rel: string) => {
    const names = readdirSync(dir).sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
    for (const name of names) {
      if (rel === top && name === OUTPUT_MARKER) continue; // jixiao's own note, not part of the site
      const full = join(dir, name);
      const path = `${rel}/${name}`;
      const st = lstatSync(full);
      if (st.isDirectory()) {
        out.push({ path, type: 'dir', read: () => Buffer.alloc(0) });
        walk(full, path);
      } else if (st.isFile()) out.push({ path, type: 'file', read: () => readChecked(full, siteDir, path.slice(top.length + 1)) });
      else throw new PackageError(say('PACKAGE_NOT_REGULAR', { path: path.slice(top.length + 1) }));
    }
  };
  walk(siteDir, top);
  return out.sort((a, b) => Buffer.compare(Buffer.from(a.path), Buffer.from(b.path)));
}

/** Read when it is packed, through the same checks as content files: still a regular file inside the site, not a link swapped in since. */
function readChecked(full: string, siteDir: string, shown: string): Buffer {
  const r = readBoundedSync(full, { root: siteDir, max: 2 ** 31 - 1 });
  if (r.ok) return r.bytes;
  throw new PackageError(say('PACKAGE_FILE_CHANGED', { path: shown, reason: r.refusal.kind === 'read' ? r.refusal.reason : undefined }));
}
