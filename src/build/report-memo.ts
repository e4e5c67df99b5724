/**
 * What each report file's text decided (parse, shape, audit), remembered for the next run of
 * `jixiao validate` and `jixiao build` alike: YAML parsing is most of validation, though staff mostly run them after changing one file, and a build right after
 * `validate`, or after a changed setting, reads the same files. Keyed by the file's display path
 * and a SHA-256 of its exact text. An analysis depends on nothing else but jixiao's code
 * (attachments and the checks across reports are made again every time, load-content.ts;
 * settings and the base path play no part), so the memo is one file named by the build cache's
 * key of the code and the Node version (buildKey), `.jixiao-cache/reports-<version>.v8` beside
 * the content folder, holding only the entries the last run used; memos of other versions are
 * deleted when it is saved. It only ever speeds a run up: a memo that cannot be read is ignored,
 * one that cannot be written (a read-only disk) is not written, and the run goes on.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { Analysis, AnalysisMemo } from '../validate/index.ts';
import { buildKey } from './build-cache.ts';

const PREFIX = 'reports-';
/** The memo's name while only `jixiao validate` kept one: deleted like another version's. */
const OLD_PREFIX = 'validate-';

export class ReportMemo implements AnalysisMemo {
  private used = new Map<string, Buffer>();
  private keys = new Map<string, string>();

  private readonly file: string;
  private readonly stored: Map<string, Buffer>;

  private constructor(file: string, stored: Map<string, Buffer>) {
    this.file = file;
    this.stored = stored;
  }

  /** The memo of the reports in `contentDir`, for this version of jixiao's code and Node. */
  static async forContent(contentDir: string): Promise<ReportMemo> {
    const dir = join(dirname(resolve(contentDir)), '.jixiao-cache');
    return ReportMemo.open(join(dir, `${PREFIX}${(await buildKey({ memo: 'analyses' })).slice(0, 16)}.v8`));
  }

  private static async open(file: string): Promise<ReportMemo> {
    let stored = new Map<string, Buffer>();
    try {
      const value = deserialize(await readFile(file));
      if (value instanceof Map) stored = value as Map<string, Buffer>;
    } catch {
      /* no memo yet, or unreadable: analyse everything */
    }
    return new ReportMemo(file, stored);
  }

  private key(file: string, text: string): string {
    const key = createHash('sha256').update(file).update('\0').update(text).digest('hex');
    this.keys.set(file, key);
    return key;
  }

  get(file: string, text: string): Analysis | undefined {
    const key = this.key(file, text);
    const bytes = this.stored.get(key);
    if (!bytes) return undefined;
    this.used.set(key, bytes);
    return deserialize(bytes) as Analysis;
  }

  set(file: string, text: string, analysis: Analysis): void {
    this.used.set(this.key(file, text), serialize(analysis));
  }

  /** The hashes of path and text of every file read in this run. */
  textKeys(): IterableIterator<string> {
    return this.keys.values();
  }

  /** The text hash of a file read in this build: the base of its reports' page cache keys. */
  keyOf(file: string): string | undefined {
    return this.keys.get(file);
  }

  /** Writes the entries this run used and deletes the memos of other versions; never fails. */
  async save(): Promise<void> {
    const dir = dirname(this.file);
    // A temporary name of this process's own: `validate` and `build` may save the same memo at once.
    const tmp = `${this.file}.${process.pid}.tmp`;
    try {
      await mkdir(dir, { recursive: true });
      await writeFile(tmp, serialize(this.used));
      await rename(tmp, this.file);
      for (const other of await readdir(dir))
        if (other !== basename(this.file) && other.endsWith('.v8') && (other.startsWith(PREFIX) || other.startsWith(OLD_PREFIX)))
          await rm(join(dir, other), { force: true });
    } catch {
      await rm(tmp, { force: true }).catch(() => undefined); // only a memo: the run has its answer
    }
  }
}
