/**
 * The original document and the text jixiao read from it, kept beside the draft (issue 31), so
 * that the clerk can check the draft against them and the published report can offer the
 * original as an attachment: content/2022/x.yaml → content/2022/x.原文/<the original> and
 * content/2022/x.原文/读取的文字.txt. The build reads only .yaml files, so nothing here is
 * published unless the report lists it under `attachments`.
 */
import { copyFile, lstat, mkdir, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';

/** The folder beside a draft that holds its original. */
export const ORIGINALS_SUFFIX = '.原文';
/** The text read from the original, one extracted line a line. */
export const READ_TEXT = '读取的文字.txt';

export const originalsFolder = (draft: string) => draft.replace(/\.ya?ml$/i, '') + ORIGINALS_SUFFIX;

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
