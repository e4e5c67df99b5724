/**
 * Builds a site the way staff do — `node bin/jixiao.mjs build` in a child process — from a
 * content folder into a temporary output folder. Builds are cached per (content, base) within
 * one test run, since several test files look at the same site.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const BIN = join(ROOT, 'bin/jixiao.mjs');

export interface CliRun {
  status: number;
  stdout: string;
  stderr: string;
}

/** Runs the jixiao CLI in a child process, as a user would. */
export function runCli(args: string[], cwd = ROOT, env: Record<string, string> = {}): CliRun {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024 });
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

const cache = new Map<string, string>();

/** Builds `contentDir` (default: the shipped content/) and returns the output folder. */
export function buildSite(opts: { contentDir?: string; base?: string; site?: string; extra?: string[]; env?: Record<string, string> } = {}): string {
  const contentDir = opts.contentDir ?? join(ROOT, 'content');
  const key = JSON.stringify(opts);
  const hit = cache.get(key);
  if (hit) return hit;
  const out = join(mkdtempSync(join(tmpdir(), 'jixiao-site-')), 'dist');
  const args = [
    'build',
    '--content',
    contentDir,
    '--out',
    out,
    ...(opts.base ? ['--base', opts.base] : []),
    ...(opts.site ? ['--site', opts.site] : []),
    ...(opts.extra ?? []),
  ];
  const r = runCli(args, ROOT, opts.env);
  if (r.status !== 0) throw new Error(`build failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
  cache.set(key, out);
  return out;
}

/** Writes files into a fresh temporary folder: { 'content/2022/a.yaml': '…' }. */
export function writeTree(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-fixture-'));
  for (const [rel, body] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), body);
  }
  return dir;
}
