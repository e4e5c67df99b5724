/** `jixiao new [--out FILE] [--force]`: start a report from the commented template. */
import { copyFile, mkdir, stat } from 'node:fs/promises';
import { dirname, relative, resolve } from 'node:path';
import { PACKAGE_ROOT } from '../build/paths.ts';
import { parseArgs } from './args.ts';
import type { Io } from './io.ts';

export async function newCommand(argv: string[], io: Io): Promise<number> {
  const { flags } = parseArgs(argv, { booleans: ['force'], strings: ['out'] });
  const target = resolve(io.cwd, String(flags.out ?? `content/${new Date().getFullYear() - 1}/new-report.yaml`));
  const exists = await stat(target).then(() => true, () => false);
  if (exists && !flags.force) {
    io.err(`${relative(io.cwd, target)} 已存在，未覆盖。换一个 --out 文件名，或加 --force 覆盖。`);
    return 1;
  }
  await mkdir(dirname(target), { recursive: true });
  await copyFile(resolve(PACKAGE_ROOT, 'templates/report.yaml'), target);
  io.out(`已创建 ${relative(io.cwd, target)}（草稿）：按报告原文填写；运行 npx jixiao dev 可边改边看，填完核对后删除 draft 一行，再运行 npx jixiao validate。`);
  return 0;
}
