// Comparing built sites file by file: the byte-identity checks of the build tests.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Every file under dir with its bytes, by path relative to dir. */
export function filesOf(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true }))
    if (e.isFile()) out.set(join(e.parentPath, e.name).slice(dir.length + 1), readFileSync(join(e.parentPath, e.name)));
  return out;
}

/** Paths that differ between two trees: missing on either side, or other bytes. */
export function differences(a: Map<string, Buffer>, b: Map<string, Buffer>): string[] {
  const paths = new Set([...a.keys(), ...b.keys()]);
  return [...paths].filter((p) => !a.get(p) || !b.get(p) || !a.get(p)!.equals(b.get(p)!)).sort();
}
