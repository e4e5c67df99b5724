/** `jixiao new [--out FILE] [--force]`: start a report from the commented template. */
import { copyFile, lstat, mkdir } from 'node:fs/promises';
import { dirname, relative, resolve } from 'node:path';
import { PACKAGE_ROOT } from '../build/paths.ts';
import { parseArgs } from './args.ts';
import { optionsOf } from './commands.ts';
import type { Io } from './io.ts';

export async function newCommand(argv: string[], io: Io): Promise<number> {
  const { flags } = parseArgs(argv, optionsOf('new'));
  const target = resolve(io.cwd, String(flags.out ?? `content/${new Date().getFullYear() - 1}/new-report.yaml`));
  const shown = JSON.stringify(relative(io.cwd, target) || target);
  if (!/\.ya?ml$/i.test(target)) {
    io.err(`jixiao new: ${shown} 不是 .yaml 文件名；未做任何改动。报告数据文件以 .yaml 结尾，例如 content/2024/my-dept.yaml。`);
    return 1;
  }
  const info = await lstat(target).catch(() => undefined);
  if (info && !info.isFile()) {
    io.err(`jixiao new: ${shown} 已存在且不是普通文件（文件夹或链接）；未做任何改动。换一个 --out 文件名。`);
    return 1;
  }
  const exists = Boolean(info);
  if (exists && !flags.force) {
    io.err(`${relative(io.cwd, target)} 已存在，未覆盖。换一个 --out 文件名，或加 --force 覆盖。`);
    return 1;
  }
  await mkdir(dirname(target), { recursive: true });
  await copyFile(resolve(PACKAGE_ROOT, 'templates/report.yaml'), target);
  io.out(`已创建 ${relative(io.cwd, target)}（草稿）：按报告原文填写；运行 npx jixiao dev 可边改边看，填完核对后删除 draft 一行，再运行 npx jixiao validate。`);
  return 0;
}
