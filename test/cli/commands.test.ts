/**
 * The command line is data (src/cli/commands.ts): the help, each command's parser and the
 * manual's command list are made from it. Here they are held against each other: each command's
 * real parser knows every listed option as listed (a value or a switch) and no other, the
 * manual's list is the generated one, and --port means what its help says.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { COMMANDS, commandHelp, HELP, manualCommandList, usageLine } from '../../src/cli/commands.ts';
import { LOADERS, main } from '../../src/cli/main.ts';
import { ROOT } from '../helpers/build-site.ts';
import { captureIo, tempDir } from '../validate/helpers.ts';

async function run(...argv: string[]) {
  const io = captureIo(await tempDir());
  const code = await main(argv, io);
  return { code, err: io.stderr.join('\n') };
}

test('every listed command has a loader, and every loader a listing', () => {
  expect(Object.keys(LOADERS).sort()).toEqual(COMMANDS.map((c) => c.name).sort());
});

describe.each(COMMANDS.map((c) => [c.name, c] as const))('jixiao %s', (name, c) => {
  test.each(c.options.map((o) => [o.name, o] as const))('--%s: its parser knows it as listed', async (option, o) => {
    // Parsing comes first in every command: these stop there, with exit code 2, doing nothing.
    const r = o.value ? await run(name, `--${option}`) : await run(name, `--${option}=x`);
    expect(r.code).toBe(2);
    expect(r.err).toContain(o.value ? `选项 --${option} 需要一个值。` : `选项 --${option} 不带值。`);
    expect(r.err).toContain(usageLine(c));
  });

  test('an option it does not list is refused', async () => {
    const r = await run(name, '--no-such-option');
    expect(r.code).toBe(2);
    expect(r.err).toContain('不认识的选项 --no-such-option。');
  });

  test('its help shows the usage line and each option', () => {
    const help = commandHelp(name);
    expect(help).toContain(usageLine(c));
    for (const o of c.options) expect(help).toContain(`--${o.name}`);
    expect(HELP).toContain(usageLine(c));
  });
});

test('the command list in docs/使用手册.md is the generated one', () => {
  const manual = readFileSync(join(ROOT, 'docs/使用手册.md'), 'utf8');
  const block = /<!-- 命令一览[^>]*-->\n\n([\s\S]*?)\n\n<!-- \/命令一览 -->/.exec(manual);
  expect(block?.[1]).toBe(manualCommandList());
});

test.each([['dev'], ['preview']])('jixiao %s refuses port 0 and 65536, as its help says (1–65535)', async (name) => {
  expect(commandHelp(name)).toContain('端口，1–65535');
  for (const port of ['0', '65536', '12.5']) {
    const r = await run(name, '--port', port);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`--port ${port} 不是有效的端口号，应是 1–65535 之间的整数`);
  }
});
