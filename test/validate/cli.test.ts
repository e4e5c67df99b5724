/**
 * `jixiao validate` as staff run it, through main(argv, io) with an Io that captures output:
 * exit codes, grep-friendly lines, --json, --strict, and never a stack trace.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdir, symlink } from 'node:fs/promises';
import { deserialize, serialize } from 'node:v8';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { captureIo, HEAD, MINIMAL, replace, report, tempDir, writeReport } from './helpers.ts';

async function run(cwd: string, ...args: string[]) {
  const io = captureIo(cwd);
  const code = await main(['validate', ...args], io);
  return { code, ...io };
}

const RATE = report('budget:\n  planned: 28239.16\n  spent: 27788.84\n  executionRate: 98.0\n');
const LINE = /^\S+?(:\d+)?: (错误|提示): .+ \[[EW]_[A-Z_]+\]$/;
const STACK = /at .*\(.*:\d+:\d+\)/;

describe('exit codes', () => {
  test('0 for valid content, with a one-line summary', async () => {
    const dir = await tempDir();
    await writeReport(dir, 'content/2022/shili.yaml', MINIMAL);
    const r = await run(dir, '--content', 'content');
    expect(r.code).toBe(0);
    expect(r.stderr).toEqual([]);
    expect(r.stdout).toEqual(['检查了 1 个文件：0 个错误，0 个未说明的核验提示。']);
  });

  test('1 on an error, printed as one grep-friendly line on stderr', async () => {
    const dir = await tempDir();
    await writeReport(dir, 'content/shili.yaml', report('buget:\n  planned: 1\n'));
    const r = await run(dir, '--content', 'content');
    expect(r.code).toBe(1);
    expect(r.stderr).toEqual([`${join('content', 'shili.yaml')}:7: 错误: 顶层没有字段 buget。 提示：是不是要写 budget？ [E_UNKNOWN_KEY]`]);
    expect(r.stdout.at(-1)).toBe('检查了 1 个文件：1 个错误，0 个未说明的核验提示。');
  });

  test('0 on a warning, printed on stdout', async () => {
    const dir = await tempDir();
    await writeReport(dir, 'content/shili.yaml', RATE);
    const r = await run(dir, '--content', 'content');
    expect(r.code).toBe(0);
    expect(r.stdout[0]).toMatch(/^content.shili\.yaml:10: 提示: .*98\.0%.*98\.41%.*\[W_RATE_MISMATCH\]$/);
  });

  test.each([[['--strcit']], [['--content']], [['--content', '--json']]])('2 on a usage error: %j', async (args) => {
    const dir = await tempDir();
    const r = await run(dir, ...args);
    expect(r.code).toBe(2);
    expect(r.stdout).toEqual([]);
    expect(r.stderr).toHaveLength(1);
    expect(r.stderr[0]).toMatch(/^jixiao validate: /);
    expect(r.stderr[0]).toContain('用法：\n  npx jixiao validate [--content DIR]'); // and how it is used
  });

  test('--help prints how the command is used, and checks nothing', async () => {
    const dir = await tempDir();
    const r = await run(dir, '--content', 'nowhere', '--help');
    expect(r.code).toBe(0);
    expect(r.stdout.join('\n')).toMatch(
      /^用法：\n {2}npx jixiao validate \[--content DIR\] \[--config FILE\] \[--strict\] \[--json\] \[--no-cache\] \[--quiet\]\n +检查报告数据文件\n\n选项：\n(?: {2}--.+\n)+\n全部命令：npx jixiao --help$/,
    );
    expect(r.stderr).toEqual([]);
  });

  test('1 when the content folder is missing or is a file', async () => {
    const dir = await tempDir();
    await writeReport(dir, 'file.yaml', MINIMAL);
    expect(await run(dir, '--content', 'nowhere')).toMatchObject({
      code: 1,
      stderr: ['nowhere: 错误: 内容文件夹不存在。 提示：用 --content 指定报告数据文件所在的文件夹。 [E_CONTENT_DIR]'],
    });
    expect((await run(dir, '--content', 'file.yaml')).stderr[0]).toContain('[E_CONTENT_DIR]');
  });
});

describe('--strict', () => {
  test('fails on an unacknowledged warning and says why', async () => {
    const dir = await tempDir();
    await writeReport(dir, 'content/shili.yaml', RATE);
    const r = await run(dir, '--content', 'content', '--strict');
    expect(r.code).toBe(1);
    expect(r.stderr.join('\n')).toContain('--strict：存在未说明的核验提示');
  });

  test('passes once the warning is acknowledged', async () => {
    const dir = await tempDir();
    await writeReport(dir, 'content/shili.yaml', `${RATE}acknowledgements:\n  - code: W_RATE_MISMATCH\n    reason: 原文如此。\n`);
    const r = await run(dir, '--content', 'content', '--strict');
    expect(r.code).toBe(0);
    expect(r.stdout.at(-1)).toBe('检查了 1 个文件：0 个错误，0 个未说明的核验提示，1 个已说明。');
  });
});

describe('--json', () => {
  test('prints one parseable document with the findings', async () => {
    const dir = await tempDir();
    await writeReport(dir, 'content/a.yaml', RATE);
    await writeReport(dir, 'content/b.yaml', replace(MINIMAL, 'year: 2022', 'year: 22'));
    const r = await run(dir, '--content', 'content', '--json');
    expect(r.code).toBe(1);
    expect(r.stdout).toHaveLength(1);
    expect(r.stderr).toEqual([]);
    const out = JSON.parse(r.stdout[0]!);
    expect(out).toMatchObject({ ok: false, files: 2, reports: 1, errors: 1, warnings: 1 });
    expect(out.findings).toEqual([
      expect.objectContaining({
        severity: 'warning',
        code: 'W_RATE_MISMATCH',
        file: join('content', 'a.yaml'),
        line: 10,
        field: 'budget.executionRate',
        figures: { stated: 98, spent: 27788.84, planned: 28239.16, computed: 98.41 },
      }),
      expect.objectContaining({ severity: 'error', code: 'E_YEAR', file: join('content', 'b.yaml'), line: 2, field: 'year' }),
    ]);
  });

  test('is still JSON when the folder is missing', async () => {
    const r = await run(await tempDir(), '--content', 'nowhere', '--json');
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout.join('\n')).findings[0].code).toBe('E_CONTENT_DIR');
  });
});

test('no bad file ever makes it print a stack trace', async () => {
  const dir = await tempDir();
  const bomb = [
    'a0: &a0 [哈, 哈, 哈, 哈, 哈, 哈, 哈, 哈, 哈, 哈]',
    ...Array.from({ length: 9 }, (_, i) => `a${i + 1}: &a${i + 1} [${Array(10).fill(`*a${i}`).join(', ')}]`),
  ].join('\n');
  const bad: Record<string, string | Uint8Array> = {
    'gbk.yaml': Buffer.concat([Buffer.from('title: '), Buffer.from([0xca, 0xbe, 0xc0, 0xfd])]),
    'utf16.yaml': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(HEAD, 'utf16le')]),
    'utf16-nobom.yaml': Buffer.from(HEAD, 'utf16le'),
    'binary.yaml': Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0, 0xff, 0xfe, 0, 1]),
    'too-large.yaml': `# ${'示'.repeat(800_000)}\n`,
    'empty.yaml': '',
    'comments.yaml': `# 示例\n${'#'.repeat(80)}\n`,
    'syntax.yaml': replace(MINIMAL, 'title: ', 'title: "'),
    'indent.yaml': `${MINIMAL}budget:\n  planned: 1\n   spent: 2\n`,
    'two-docs.yaml': `${MINIMAL}---\n${MINIMAL}`,
    'duplicate-key.yaml': `${MINIMAL}year: 2023\n`,
    'tag.yaml': report('budget:\n  planned: !foo 1\n'),
    'binary-tag.yaml': report('title2: !!binary aGk=\n'),
    'timestamp.yaml': report('disclosure:\n  publishedDate: !!timestamp 2023-01-01\n'),
    'bomb.yaml': bomb,
    'nested.yaml': `x: ${'['.repeat(50_000)}${']'.repeat(50_000)}\n`,
    'nested-map.yaml': `${MINIMAL}score:\n  indicators:\n${Array.from({ length: 400 }, (_, i) => `${'  '.repeat(2 * i + 2)}- name: 示例${i}\n${'  '.repeat(2 * i + 3)}children:`).join('\n')} []\n`,
    'proto.yaml': report('__proto__: { polluted: 1 }\n'),
    'constructor.yaml': report('budget:\n  constructor: 1\n'),
    'unknown.yaml': report('buget: {}\n'),
    'top-list.yaml': '- kind: department\n',
    'top-scalar.yaml': '虚构市示例局\n',
    'top-number.yaml': '2022\n',
    'type.yaml': report('budget:\n  planned: "28,239.16"\n  executionRate: 98.0%\n'),
    'enum.yaml': replace(report('score:\n  grade: 良好\n'), 'kind: department', 'kind: Department'),
    'year.yaml': replace(MINIMAL, 'year: 2022', 'year: 20222'),
    'null-year.yaml': replace(MINIMAL, 'year: 2022', 'year:'),
    'format.yaml': replace(report('disclosure:\n  publishedDate: 2023-13-01\n'), 'xugou-shili', 'Xugou Shili'),
    'kind.yaml': replace(report('project: { id: shili, name: 示例项目 }\n'), 'xugou-shili', 'xugou-kind'),
    'above-max.yaml': replace(report('score:\n  total: 120\n  indicators:\n    - { name: 示例, max: 1, score: 2 }\n'), 'xugou-shili', 'xugou-max'),
    'attachment.yaml': replace(report('attachments:\n  - { title: 原件, file: ../../etc/passwd }\n'), 'xugou-shili', 'xugou-att'),
    'dup-a.yaml': MINIMAL,
    'dup-b.yaml': MINIMAL,
  };
  for (const [name, content] of Object.entries(bad)) await writeReport(dir, join('content', name), content);
  await symlink(join(dir, 'gone.yaml'), join(dir, 'content', 'broken-link.yaml'));
  for (const args of [[], ['--strict'], ['--json']]) {
    const r = await run(dir, '--content', 'content', ...args);
    expect(r.code).toBe(1);
    expect(
      r
        .all()
        .split('\n')
        .filter((l) => STACK.test(l)),
    ).toEqual([]);
    if (args[0] === '--json') continue;
    const lines = r.stderr.filter((l) => !l.startsWith('--strict'));
    expect(lines.filter((l) => !LINE.test(l))).toEqual([]);
    const named = new Set(lines.map((l) => l.split(':')[0]!.replace(/^content./, '')));
    expect([...Object.keys(bad), 'broken-link.yaml'].filter((n) => n !== 'dup-a.yaml' && !named.has(n))).toEqual([]);
  }
});

describe('remembering what unchanged files decided', () => {
  const memos = (dir: string) => readdirSync(join(dir, '.jixiao-cache')).filter((f) => f.endsWith('.v8'));

  test('a second run takes the remembered answer for an unchanged file; --no-cache checks it afresh', async () => {
    const dir = await tempDir();
    await writeReport(dir, 'content/shili.yaml', RATE);
    const first = await run(dir, '--content', 'content');
    expect(first.stdout.at(-1)).toBe('检查了 1 个文件：0 个错误，1 个未说明的核验提示。');
    const [memo] = memos(dir);
    expect(memo).toMatch(/^reports-[0-9a-f]{16}\.v8$/);
    // Forget the warning in the remembered answer: a run that uses the memo no longer prints it.
    const file = join(dir, '.jixiao-cache', memo!);
    const stored = deserialize(readFileSync(file)) as Map<string, Buffer>;
    for (const [key, bytes] of stored) stored.set(key, serialize({ ...deserialize(bytes), findings: [] }));
    writeFileSync(file, serialize(stored));
    expect((await run(dir, '--content', 'content')).stdout).toEqual(['检查了 1 个文件：0 个错误，0 个未说明的核验提示。']);
    expect((await run(dir, '--content', 'content', '--no-cache')).stdout).toEqual(first.stdout);
  });

  test('a changed file is checked again', async () => {
    const dir = await tempDir();
    await writeReport(dir, 'content/shili.yaml', RATE);
    expect((await run(dir, '--content', 'content')).code).toBe(0);
    await writeReport(dir, 'content/shili.yaml', report('buget:\n  planned: 1\n'));
    const r = await run(dir, '--content', 'content');
    expect(r.code).toBe(1);
    expect(r.stderr[0]).toContain('[E_UNKNOWN_KEY]');
  });

  test('the memo of another version of jixiao is deleted, and a missing folder leaves no memo', async () => {
    const dir = await tempDir();
    await writeReport(dir, 'content/shili.yaml', MINIMAL);
    await mkdir(join(dir, '.jixiao-cache'));
    writeFileSync(join(dir, '.jixiao-cache', 'reports-0000000000000000.v8'), 'old');
    writeFileSync(join(dir, '.jixiao-cache', 'validate-0000000000000000.v8'), 'older'); // its name before builds used it too
    await run(dir, '--content', 'content');
    expect(memos(dir)).toHaveLength(1);
    expect(memos(dir)[0]).toMatch(/^reports-(?!0{16})[0-9a-f]{16}\.v8$/);

    const empty = await tempDir();
    expect((await run(empty, '--content', 'nowhere')).code).toBe(1);
    expect(existsSync(join(empty, '.jixiao-cache'))).toBe(false);
  });
});
