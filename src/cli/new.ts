/**
 * `jixiao new [--out FILE] [--force]`: start a report from the commented template, its year
 * taken from the year folder it goes into (`content/2023/…` → 2023), else last year, and said so.
 */
import { readFile } from 'node:fs/promises';
import { dirname, resolve, sep } from 'node:path';
import { displayPath } from '../output/folders.ts';
import { PACKAGE_ROOT } from '../package-root.ts';
import { say, sentence, UserError } from '../errors/user-error.ts';
import { parseArgs } from './args.ts';
import { optionsOf } from './commands.ts';
import type { Io } from './io.ts';
import { writeOwnFile } from './safe-write.ts';

/** The template's own year (and, in its commented examples, the year after, when reports are published). */
const TEMPLATE_YEAR = 2024;

/** The nearest folder above `file` named as a fiscal year (1990–2100), as the schema allows. */
export function folderYear(file: string): number | undefined {
  const parts = dirname(file).split(sep).reverse();
  const year = parts.find((p) => /^\d{4}$/.test(p) && Number(p) >= 1990 && Number(p) <= 2100);
  return year === undefined ? undefined : Number(year);
}

/** The template with its years replaced: the fiscal year, and the year after it in the publication examples. */
export function templateFor(template: string, year: number): string {
  return template.replace(new RegExp(`\\b(${TEMPLATE_YEAR}|${TEMPLATE_YEAR + 1})\\b`, 'g'), (y) => String(y === String(TEMPLATE_YEAR) ? year : year + 1));
}

export async function newCommand(argv: string[], io: Io): Promise<number> {
  const { flags } = parseArgs(argv, optionsOf('new'));
  const lastYear = new Date().getFullYear() - 1;
  const target = resolve(io.cwd, String(flags.out ?? `content/${lastYear}/new-report.yaml`));
  const name = displayPath(io.cwd, target);
  if (!/\.ya?ml$/i.test(target)) {
    io.err(`jixiao new: ${sentence(say('NEW_NOT_YAML', { name }))}`);
    return 1;
  }
  const fromFolder = folderYear(target);
  const year = fromFolder ?? lastYear;
  const template = await readFile(resolve(PACKAGE_ROOT, 'templates/report.yaml'), 'utf8');
  try {
    await writeOwnFile(target, templateFor(template, year), { force: Boolean(flags.force), shown: name });
  } catch (err) {
    if (!(err instanceof UserError)) throw err;
    io.err(`jixiao new: ${err.message}`);
    return 1;
  }
  io.out(sentence(say('NEW_CREATED', { name, year, fromFolder: fromFolder !== undefined })));
  return 0;
}
