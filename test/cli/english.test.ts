/**
 * Nothing English on the terminal (issue 31): the commands staff type, run as they type them
 * (`npx jixiao …`, `npm ci` in a fresh copy of the project), on this machine's Node.js and on the
 * project's own Node.js 24. On Node.js 20 `npm ci` printed 7 English EBADENGINE warnings (35 lines)
 * and every `npx jixiao …` two more blocks before the Chinese output.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, onTestFinished, test } from 'vitest';
import { englishLines } from '../helpers/english.ts';
import { ROOT, writeTree } from '../helpers/build-site.ts';

const seed = readFileSync(join(ROOT, 'content/2022/haizhu-kgsxj.yaml'), 'utf8');
const BUNDLED_NODE = join(ROOT, 'node_modules/node/bin/node');
const NPM_CLI = (() => {
  const npm = spawnSync('sh', ['-c', 'command -v npm'], { encoding: 'utf8' }).stdout.trim();
  const cli = npm && join(dirname(realpathSync(npm)), 'npm-cli.js');
  return cli && existsSync(cli) ? cli : undefined;
})();

/** Runs a command as staff do, in `cwd`, without vitest's own variables; stdout and stderr together. */
function run(cmd: string, args: string[], cwd: string): { status: number; output: string } {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(VITEST|TEST$|NODE_ENV$|npm_)/.test(k)));
  const r = spawnSync(cmd, args, { cwd, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { status: r.status ?? -1, output: `${r.stdout}\n${r.stderr}` };
}

describe('npx jixiao says everything in Chinese', () => {
  test.each([
    ['--help', ['--help']],
    ['validate', ['validate']],
    ['validate, a file with slips', ['validate', '--content', 'BROKEN']],
    ['new', ['new', '--out', 'NEW/content/2023/x.yaml']],
    ['build', ['build', '--out', 'NEW/dist']],
    ['import', ['import', join(ROOT, 'test/fixtures/real-reports/14_yongde_minglang_zhongxue_2022_yingyang.txt'), '--out', 'NEW/content/2022']],
  ])('%s', (_name, args) => {
    const dir = writeTree({ 'content/2022/x.yaml': seed.replace('  spent: 27788.84 ', '  spent：27788.84 ').replace('  basic:', '   basic:') });
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    const argv = args.map((a) => a.replace('BROKEN', join(dir, 'content')).replace('NEW', dir));
    const r = run('npx', ['jixiao', ...argv], ROOT);
    expect(r.output.trim()).not.toBe('');
    expect(englishLines(r.output)).toEqual([]);
  });
});

/** A copy of the project's install files, as a fresh clone has them. */
function freshCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-npm-ci-'));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  for (const f of ['package.json', 'package-lock.json', '.npmrc']) copyFileSync(join(ROOT, f), join(dir, f));
  return dir;
}

// npm's own summary of a good install ("added 454 packages in 38s") is printed unless npm is
// silenced altogether, which would hide its errors too: it is the one English line left.
const NPM_SUMMARY = /^added \d+ packages? in [\d.]+m?s$/;

describe('npm ci in a fresh copy of the project', () => {
  test('on this machine’s Node.js: no warnings, only npm’s one-line summary', () => {
    const dir = freshCopy();
    const r = run('npm', ['ci', '--prefer-offline'], dir);
    expect(r.status, r.output).toBe(0);
    expect(r.output).not.toMatch(/EBADENGINE|npm warn/);
    expect(englishLines(r.output).filter((l) => !NPM_SUMMARY.test(l.trim()))).toEqual([]);
  });

  test.skipIf(!NPM_CLI || !existsSync(BUNDLED_NODE))('on Node.js 24: the same', () => {
    const dir = freshCopy();
    const r = run(BUNDLED_NODE, [NPM_CLI!, 'ci', '--prefer-offline'], dir);
    expect(r.status, r.output).toBe(0);
    expect(r.output).not.toMatch(/EBADENGINE|npm warn/);
    expect(englishLines(r.output).filter((l) => !NPM_SUMMARY.test(l.trim()))).toEqual([]);
  });

  test('npm’s errors still show', () => {
    const dir = freshCopy();
    // A lock file that does not match package.json: npm refuses at once.
    writeFileSync(join(dir, 'package-lock.json'), JSON.stringify({ name: 'jixiao', lockfileVersion: 3, packages: {} }));
    const r = run('npm', ['ci', '--prefer-offline', '--ignore-scripts'], dir);
    expect(r.status).not.toBe(0);
    expect(r.output).toMatch(/npm error/);
  });
});
