/**
 * The 核对 pages' three addresses inside jixiao dev: __jixiao/check/ (every draft and its
 * progress), __jixiao/check/?file=content/2023/x.yaml (one file, any report the content holds, or
 * a file with errors) and __jixiao/check.js (the page's script). Only files of the current
 * snapshot are shown: the query names one of them, never a path read as given.
 */
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { ServerResponse } from 'node:http';
import type { ContentSnapshot } from './content-state.ts';
import { checkView, listEntry } from './check-model.ts';
import { checkPage } from './check-page.ts';
import { listPage } from './check-list.ts';
import { CHECK_PATH, CLIENT_PATH } from './check-shell.ts';

const CLIENT_FILE = join(import.meta.dirname, 'check-client.js');

/** Answers a 核对 address and returns true, or returns false for any other path. */
export async function answerCheck(
  path: string,
  search: URLSearchParams,
  snap: ContentSnapshot,
  base: string,
  cwd: string,
  res: ServerResponse,
): Promise<boolean> {
  if (path === `/${CLIENT_PATH}`) {
    res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-store' });
    res.end(await readFile(CLIENT_FILE, 'utf8'));
    return true;
  }
  if (path !== `/${CHECK_PATH}`) return false;
  const files = [...new Set([...snap.reports.map((r) => r.file), ...snap.findings.filter((f) => f.severity === 'error').map((f) => f.file)])].sort();
  const about = (file: string) => snap.findings.filter((f) => f.file === file);
  const loaded = (file: string) => snap.reports.find((r) => r.file === file);
  const file = search.get('file');
  let html: string;
  if (file === null)
    html = listPage(
      files.map((f) => listEntry(f, loaded(f), about(f))),
      base,
    );
  else {
    const known = files.includes(file) && /\.ya?ml$/i.test(file);
    const view = known
      ? await checkView(file, loaded(file)?.path ?? resolve(cwd, file), loaded(file), about(file))
      : { file, figures: [], empties: [], general: [], originals: [], unchecked: 0 };
    html = checkPage(view, base, known ? about(file).filter((f) => f.severity === 'error') : []);
  }
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  res.end(html);
  return true;
}
