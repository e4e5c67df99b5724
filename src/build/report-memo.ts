/**
 * Remembers, between builds, what each report file's text decided (parse, shape, audit): YAML
 * parsing is most of validation (5 of 7 s for 1,000 reports), and a rebuild after one figure
 * changed need not parse the other files again. Keyed by the file's display path and a SHA-256
 * of its exact text; stored in the build cache (build-cache.ts), which is wiped whenever the code,
 * settings or base path change. Only the entries this build used are written back.
 */
import { createHash } from 'node:crypto';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { deserialize, serialize } from 'node:v8';
import type { Analysis, AnalysisMemo } from '../validate/index.ts';

export class ReportMemo implements AnalysisMemo {
  private used = new Map<string, Buffer>();
  private keys = new Map<string, string>();
  hits = 0;

  private readonly file: string;
  private readonly stored: Map<string, Buffer>;

  private constructor(file: string, stored: Map<string, Buffer>) {
    this.file = file;
    this.stored = stored;
  }

  static async open(file: string): Promise<ReportMemo> {
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
    this.hits++;
    return deserialize(bytes) as Analysis;
  }

  set(file: string, text: string, analysis: Analysis): void {
    this.used.set(this.key(file, text), serialize(analysis));
  }

  /** The text hash of a file read in this build: the base of its reports' page cache keys. */
  keyOf(file: string): string | undefined {
    return this.keys.get(file);
  }

  async save(): Promise<void> {
    // A temporary name of this process's own: two `jixiao validate` may save the same memo at once.
    const tmp = `${this.file}.${process.pid}.tmp`;
    await writeFile(tmp, serialize(this.used));
    await rename(tmp, this.file);
  }
}
