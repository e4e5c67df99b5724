/**
 * The command line as data: each command, its arguments and options, and what each does. The
 * help (`npx jixiao --help`, `npx jixiao build --help`), the parser of each command (parseArgs
 * takes `optionsOf(name)`) and the command list in docs/使用手册.md are all made from this list,
 * so they cannot drift apart (test/cli/commands.test.ts). A new option is one line here.
 */
import { say } from '../errors/messages.ts';
import { UsageError } from './args.ts';

export interface OptionSpec {
  name: string;
  /** The value's placeholder, e.g. DIR; none for a switch (--strict). */
  value?: string;
  /** What it does, in Chinese, for `--help`. */
  help: string;
}

export interface CommandSpec {
  name: string;
  /** Positional arguments as written in the usage line, e.g. `FILE...`. */
  args?: string;
  options: OptionSpec[];
  /** One line, in Chinese. */
  summary: string;
}

const CONTENT: OptionSpec = { name: 'content', value: 'DIR', help: '报告数据文件所在的文件夹（默认 content）' };
const CONFIG: OptionSpec = { name: 'config', value: 'FILE', help: '网站设置文件（默认 site.yaml）' };
const BASE: OptionSpec = { name: 'base', value: 'PATH', help: '网站所在的子目录，如 /xxgk/jxzp/（默认取 site.yaml 的 base）' };
const STRICT: OptionSpec = { name: 'strict', help: '有未说明的提示也算失败（正式发布前用）' };
const NO_CACHE: OptionSpec = { name: 'no-cache', help: '不用上次的检查结果和缓存，全部重做' };
const FORCE: OptionSpec = { name: 'force', help: '已有同名文件时覆盖' };
const JSON_OUT: OptionSpec = { name: 'json', help: '输出机器可读的 JSON' };
const QUIET: OptionSpec = { name: 'quiet', help: '只显示错误（不显示进度和小结）' };
const PORTS = { min: 1, max: 65535 };
const port = (fallback: number): OptionSpec => ({ name: 'port', value: 'N', help: `端口，${PORTS.min}–${PORTS.max}（默认 ${fallback}）` });
const DIST: OptionSpec = { name: 'dist', value: 'DIR', help: '已生成的网站所在的文件夹（默认 dist）' };

export const COMMANDS: readonly CommandSpec[] = [
  { name: 'dev', options: [CONTENT, CONFIG, BASE, port(4321)], summary: '边改边看：本机预览（含草稿），保存即刷新并显示检查结果' },
  { name: 'validate', options: [CONTENT, CONFIG, STRICT, JSON_OUT, NO_CACHE, QUIET], summary: '检查报告数据文件' },
  {
    name: 'build',
    options: [
      CONTENT,
      { name: 'out', value: 'DIR', help: '输出文件夹（默认 dist）' },
      BASE,
      { name: 'site', value: 'URL', help: '网站的完整网址（默认取 site.yaml 的 url）' },
      CONFIG,
      STRICT,
      NO_CACHE,
      JSON_OUT,
      QUIET,
      { name: 'search-part-size', value: 'N', help: '站内搜索索引每个分片收录的报告页数（默认 250）' },
    ],
    summary: '生成静态网站（默认 content → dist，设置见 site.yaml）',
  },
  {
    name: 'preview',
    options: [DIST, { name: 'base', value: 'PATH', help: '网站所在的子目录（默认从生成的网页中识别）' }, port(4322)],
    summary: '上传前在本机查看生成的网站（按子目录，如同服务器）',
  },
  {
    name: 'import',
    args: 'FILE...',
    options: [{ name: 'out', value: 'DIR', help: '草稿存放的文件夹（默认 content）' }, JSON_OUT, FORCE, QUIET],
    summary: '从 Word、PDF、Excel、网页或文本起草报告数据文件（FILE 可为文件夹）',
  },
  { name: 'new', options: [{ name: 'out', value: 'FILE', help: '新报告数据文件的文件名' }, FORCE], summary: '从模板新建一份报告数据文件' },
  { name: 'schema', options: [], summary: '输出报告数据文件的 JSON Schema' },
  {
    name: 'package',
    options: [DIST, { name: 'out', value: 'DIR', help: '包存放的文件夹（默认 packages/）' }, FORCE, QUIET],
    summary: '把网站打成 .tar.gz 和 .zip 包并生成 SHA256SUMS',
  },
];

export function commandSpec(name: string): CommandSpec | undefined {
  return COMMANDS.find((c) => c.name === name);
}

/** What parseArgs accepts for a command: its switches and its options that take a value. */
export function optionsOf(name: string): { booleans: string[]; strings: string[] } {
  const options = commandSpec(name)?.options ?? [];
  return { booleans: options.filter((o) => !o.value).map((o) => o.name), strings: options.filter((o) => o.value).map((o) => o.name) };
}

/** The --port of dev and preview, checked against the range its help gives; throws UsageError. */
export function portFrom(value: string | boolean | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const port = Number(value);
  if (typeof value !== 'string' || !/^\d+$/.test(value) || port < PORTS.min || port > PORTS.max)
    throw new UsageError(say('PORT_INVALID', { value: String(value), min: PORTS.min, max: PORTS.max, example: fallback }));
  return port;
}

/** A whole number of at least 1 given to `--name` (e.g. --search-part-size), or undefined when not given; throws UsageError. */
export function countFrom(name: string, value: string | boolean | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !/^[1-9]\d{0,8}$/.test(value)) throw new UsageError(say('COUNT_INVALID', { name, value: String(value) }));
  return Number(value);
}

/** `npx jixiao build [--content DIR] … [--strict]` */
export function usageLine(c: CommandSpec): string {
  return ['npx jixiao', c.name, ...(c.args ? [c.args] : []), ...c.options.map((o) => `[--${o.name}${o.value ? ` ${o.value}` : ''}]`)].join(' ');
}

const SUMMARY_COLUMN = 60;

/** A usage line with its summary beside it, or below it where the line is long. */
function listed(c: CommandSpec): string {
  const line = `  ${usageLine(c)}`;
  return line.length < SUMMARY_COLUMN - 1 ? `${line.padEnd(SUMMARY_COLUMN)}${c.summary}` : `${line}\n${' '.repeat(SUMMARY_COLUMN)}${c.summary}`;
}

export const HELP = `jixiao — 绩效自评报告公开网站生成器

用法：
${COMMANDS.map(listed).join('\n')}

说明：
  validate 的错误（错误）会使 build 停止；核验提示（提示）是原文自身的不一致，
  不会阻止生成，--strict 时未说明的提示也算失败。`;

/** `jixiao build --help`, and the usage under a mistyped option. */
export function commandHelp(name: string): string {
  const c = commandSpec(name);
  if (!c) return HELP;
  const width = Math.max(0, ...c.options.map((o) => `--${o.name}${o.value ? ` ${o.value}` : ''}`.length));
  const options = c.options.map((o) => `  ${`--${o.name}${o.value ? ` ${o.value}` : ''}`.padEnd(width)}  ${o.help}`);
  return [`用法：`, `  ${usageLine(c)}`, `      ${c.summary}`, ...(options.length ? ['', '选项：', ...options] : []), '', '全部命令：npx jixiao --help'].join(
    '\n',
  );
}

/** The command list of docs/使用手册.md, between its two markers (tested against the manual). */
export function manualCommandList(): string {
  return COMMANDS.map((c) => `    ${usageLine(c)}`).join('\n');
}
