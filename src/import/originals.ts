/**
 * The original document and the text jixiao read from it, kept beside the draft (issue 31), so
 * that the clerk can check the draft against them and the published report can offer the
 * original as an attachment: content/2022/x.yaml → content/2022/x.原文/<the original> and
 * content/2022/x.原文/读取的文字.txt. The build reads only .yaml files, so nothing here is
 * published unless the report lists it under `attachments`.
 */
import { copyFile, lstat, mkdir, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { originalsFolder, READ_TEXT, RENAMED_ORIGINAL } from '../load/originals.ts';

/** Copies the original and writes the text read from it; returns the folder. Refuses a folder that is a link. */
export async function keepOriginal(source: string, draft: string, lines: readonly string[]): Promise<string> {
  const dir = originalsFolder(draft);
  const existing = await lstat(dir).catch(() => undefined);
  // Not shown: the CLI says the original was not kept (IMPORT_NOT_KEPT).
  if (existing && !existing.isDirectory()) throw Object.assign(new Error(dir), { code: 'ENOTDIR' });
  await mkdir(dir, { recursive: true });
  const name = basename(source) === READ_TEXT ? RENAMED_ORIGINAL : basename(source);
  await copyFile(source, join(dir, name));
  await writeFile(join(dir, READ_TEXT), `${lines.join('\n')}\n`, 'utf8');
  return dir;
}
