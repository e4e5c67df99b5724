/**
 * Where the original of a draft is kept and what jixiao wrote beside it (issue 31), below both
 * the importer that writes them and `jixiao dev`'s 核对 page that reads them:
 * content/2022/x.yaml → content/2022/x.原文/<the original>, 读取的文字.txt (the text read, one
 * extracted line a line) and 读取位置.json (where each value was read, and what was left empty
 * and why, as the import found them). The build reads only .yaml files: none of this is published
 * unless a report lists it under `attachments`.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** The folder beside a draft that holds its original. */
export const ORIGINALS_SUFFIX = '.原文';
/** The text read from the original. */
export const READ_TEXT = '读取的文字.txt';
/** The import's record of positions and of the fields it left empty. */
export const POSITIONS = '读取位置.json';
/** The original's name in the folder when it is itself called 读取的文字.txt. */
export const RENAMED_ORIGINAL = `原件-${READ_TEXT}`;

export const originalsFolder = (draft: string) => draft.replace(/\.ya?ml$/i, '') + ORIGINALS_SUFFIX;

/** A value's place in the text read: 1-based line, 0-based [start, end) on it. */
export interface TextSpan {
  line: number;
  start: number;
  end: number;
}

export interface ImportRecord {
  /** The original's file name inside the folder. */
  original: string;
  /** Dotted path → where the importer read the value (`第 9 行第 2 段`). */
  sources: Record<string, string>;
  /** Dotted path → the value's place in the text, where the importer could pin it. */
  spans: Record<string, TextSpan>;
  /** What the importer could not fill in, and why (its 待核对 list). */
  review: { field?: string | undefined; message: string; line?: number | undefined }[];
}

export const recordJson = (r: ImportRecord) => `${JSON.stringify(r, null, 1)}\n`;

export interface KeptOriginal {
  dir: string;
  /** The text read, a line each; undefined when the folder has none. */
  lines?: string[] | undefined;
  record?: ImportRecord | undefined;
  /** Files in the folder besides jixiao's own (the original). */
  originals: string[];
}

/** What is kept beside a data file, or undefined when there is no folder (a report typed by hand). */
export async function readKept(dataFile: string): Promise<KeptOriginal | undefined> {
  const dir = originalsFolder(dataFile);
  const names = await readdir(dir).catch(() => undefined);
  if (!names) return undefined;
  const text = await readFile(join(dir, READ_TEXT), 'utf8').catch(() => undefined);
  const record = await readFile(join(dir, POSITIONS), 'utf8').then(
    (t) => JSON.parse(t) as ImportRecord,
    () => undefined,
  );
  return {
    dir,
    lines: text === undefined ? undefined : text.replace(/\n$/, '').split('\n'),
    record,
    originals: names.filter((n) => n !== READ_TEXT && n !== POSITIONS).sort(),
  };
}
