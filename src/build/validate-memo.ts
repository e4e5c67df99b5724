/**
 * `jixiao validate` remembers what each report file's text decided, as the build does
 * (report-memo.ts): at 10,000 reports it parsed every file again each time (19 s), though staff
 * mostly run it after changing one. An analysis depends on nothing but the file's path and text
 * and jixiao's code (attachments and the checks across reports are made again every time,
 * load-content.ts), so the memo is one file named by the build cache's key of the code and the
 * Node version (buildKey), `.jixiao-cache/validate-<version>.v8` beside the content folder; memos
 * of other versions are deleted when it is saved. The memo only ever speeds validation up: a memo
 * that cannot be read is ignored, one that cannot be written (a read-only disk) is not written,
 * and validation goes on.
 */
import { mkdir, readdir, rm } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { buildKey } from './build-cache.ts';
import { ReportMemo } from './report-memo.ts';

const PREFIX = 'validate-';

export interface ValidateMemo {
  memo: ReportMemo;
  /** Writes the entries this run used; never fails. */
  save(): Promise<void>;
}

export async function openValidateMemo(contentDir: string): Promise<ValidateMemo> {
  const dir = join(dirname(resolve(contentDir)), '.jixiao-cache');
  const version = (await buildKey({ memo: 'validate' })).slice(0, 16);
  const name = `${PREFIX}${version}.v8`;
  const memo = await ReportMemo.open(join(dir, name));
  return {
    memo,
    async save() {
      try {
        await mkdir(dir, { recursive: true });
        await memo.save();
        for (const other of await readdir(dir))
          if (other.startsWith(PREFIX) && other.endsWith('.v8') && other !== name) await rm(join(dir, other), { force: true });
      } catch {
        /* only a memo: validation has already given its answer */
      }
    },
  };
}
