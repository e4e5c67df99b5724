/**
 * The original document and the text jixiao read from it, kept beside the draft (issue 31), so
 * that the clerk can check the draft against them and the published report can offer the
 * original as an attachment: content/2022/x.yaml → content/2022/x.原文/<the original> and
 * content/2022/x.原文/读取的文字.txt. The build reads only .yaml files, so nothing here is
 * published unless the report lists it under `attachments`.
 */
import { copyFile, lstat, mkdir, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { originalsFolder, READ_TEXT } from '../load/originals.ts';

// The folder's names live below the importer, where jixiao dev's 核对 page reads them too.
export { ORIGINALS_SUFFIX, READ_TEXT, originalsFolder } from '../load/originals.ts';

/** Copies the original and writes the text read from it; returns the folder. Refuses a folder that is a link. */
export async function keepOriginal(source: string, draft: string, lines: readonly string[]): Promise<string> {
  const dir = originalsFolder(draft);
  const existing = await lstat(dir).catch(() => undefined);
  if (existing && !existing.isDirectory()) throw new Error(`${dir} 已存在且不是文件夹`);
  await mkdir(dir, { recursive: true });
  const name = basename(source) === READ_TEXT ? `原件-${READ_TEXT}` : basename(source);
  await copyFile(source, join(dir, name));
  await writeFile(join(dir, READ_TEXT), `${lines.join('\n')}\n`, 'utf8');
  return dir;
}
