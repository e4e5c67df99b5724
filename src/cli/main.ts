/**
 * The `jixiao` command: a thin layer over the library. Commands load lazily; a user error
 * prints a sentence and exits non-zero, never a stack trace.
 */
import { UserError } from '../errors/user-error.ts';
import { UsageError } from './args.ts';
import { processIo, type Io } from './io.ts';

const HELP = `jixiao — 绩效自评报告公开网站生成器

用法：
  npx jixiao dev [--content DIR] [--config FILE] [--base PATH] [--port N]
                                                            边改边看：本机预览（含草稿），保存即刷新并显示检查结果
  npx jixiao validate [--content DIR] [--strict] [--json] [--no-cache]
                                                            检查报告数据文件
  npx jixiao build [--content DIR] [--out DIR] [--base PATH] [--site URL] [--config FILE] [--strict] [--no-cache]
                                                            生成静态网站（默认 content → dist，设置见 site.yaml）
  npx jixiao preview [--dist DIR] [--base PATH] [--port N]  上传前在本机查看生成的网站（按子目录，如同服务器）
  npx jixiao import FILE... [--out DIR] [--json] [--force]  从 Word、PDF、Excel、网页或文本起草报告数据文件（FILE 可为文件夹）
  npx jixiao new [--out FILE] [--force]                     从模板新建一份报告数据文件
  npx jixiao schema                                         输出报告数据文件的 JSON Schema
  npx jixiao package [--dist DIR] [--out DIR] [--force]     把网站打成 .tar.gz 和 .zip 包并生成 SHA256SUMS

说明：
  validate 的错误（错误）会使 build 停止；核验提示（提示）是原文自身的不一致，
  不会阻止生成，--strict 时未说明的提示也算失败。`;

/** `jixiao build --help`, and the usage under a mistyped option: the command's lines of HELP. */
function commandHelp(name: string): string {
  const lines = HELP.split('\n');
  const at = lines.findIndex((l) => l.startsWith(`  npx jixiao ${name} `) || l === `  npx jixiao ${name}`);
  const own = [lines[at]!, ...(lines[at + 1]?.startsWith('      ') ? [lines[at + 1]!] : [])];
  return `用法：\n${own.join('\n')}\n\n全部命令：npx jixiao --help`;
}

type Command = (argv: string[], io: Io) => Promise<number>;

const COMMANDS: Record<string, () => Promise<Command>> = {
  validate: async () => (await import('./validate.ts')).validateCommand,
  build: async () => (await import('./build.ts')).buildCommand,
  new: async () => (await import('./new.ts')).newCommand,
  schema: async () => (await import('./schema.ts')).schemaCommand,
  import: async () => (await import('./import.ts')).importCommand,
  package: async () => (await import('./package.ts')).packageCommand,
  dev: async () => (await import('./dev.ts')).devCommand,
  preview: async () => (await import('./preview.ts')).previewCommand,
};

export async function main(argv: string[], io: Io = processIo()): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    io.out(HELP);
    return 0;
  }
  const load = COMMANDS[name];
  if (!load) {
    io.err(`jixiao: 没有命令 ${name}。\n\n${HELP}`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(commandHelp(name));
    return 0;
  }
  try {
    return await (
      await load()
    )(rest, io);
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(`jixiao ${name}: ${err.message}\n\n${commandHelp(name)}`);
      return 2;
    }
    if (err instanceof UserError) {
      io.err(`jixiao ${name}: ${(err as Error).message}`);
      return 1;
    }
    io.err(`jixiao ${name}: 内部错误，这是 jixiao 的缺陷，请连同以下信息报告：\n${(err as Error).stack ?? String(err)}`);
    return 70;
  }
}
