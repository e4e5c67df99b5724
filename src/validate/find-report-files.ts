/**
 * The report files of a content folder, apart from the rest of validation: the build counts them
 * before it starts the pages process (its heap is sized to the content), and importing all of
 * validation for that (the schema, YAML, the audit) held back the start of every build.
 */
import { readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

const REPORT_FILE = /\.ya?ml$/i;

export async function findReportFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  for (const e of entries) {
    const full = join(e.parentPath, e.name);
    const rel = relative(dir, full);
    if (rel.split(sep).some((part) => part.startsWith('.') || part.startsWith('_'))) continue;
    // Everything named .yaml but a folder is read, so that a link, FIFO or device is refused by name.
    if (!e.isDirectory() && REPORT_FILE.test(e.name)) out.push(full);
  }
  return out.sort();
}
