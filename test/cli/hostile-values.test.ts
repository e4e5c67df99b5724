// No stack trace for any command-line value (issue 28.9): every command run with hostile paths
// (through a file, under /proc, far too long), addresses and ports ends with exit 1 or 2 and
// Chinese lines naming the value, never "at …" frames, exit 70 or an English error code.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { STAGES } from '../../src/errors/progress.ts';
import { ROOT, runCli, writeTree } from '../helpers/build-site.ts';

const seed = readFileSync(join(ROOT, 'content/2022/haizhu-kgsxj.yaml'), 'utf8');
const project = () => writeTree({ 'content/2022/a.yaml': seed, 'README.md': '# 项目\n', 'a.txt': '虚构局2022年度部门整体支出绩效自评报告\n' });
const long = 'a'.repeat(5000);

const CASES: [string[], RegExp][] = [
  [['new', '--out', 'README.md/x.yaml'], /"README\.md" 是一个文件，不是文件夹/],
  [['new', '--out', '/proc/jixiao-x/y.yaml'], /无法创建文件夹 "\/proc\/jixiao-x"/],
  [['new', '--out', `${long}.yaml`], /文件名或路径太长/],
  [['import', 'a.txt', '--out', 'README.md/sub'], /"README\.md" 是一个文件/],
  [['import', 'a.txt', '--out', '/proc/jixiao-x'], /无法创建文件夹/],
  [['import', 'a.txt', '--out', long], /文件名或路径太长/],
  [['package', '--dist', 'README.md'], /"README\.md" 不存在/],
  [['preview', '--port', '99999'], /--port 99999 不是有效的端口号/],
  [['preview', '--port', 'abc'], /--port abc 不是有效的端口号/],
  [['dev', '--port', '-1'], /需要一个值|不是有效的端口号/],
  [['dev', '--port', '1.5'], /--port 1\.5 不是有效的端口号/],
  // The build: refused before or as it starts, the value named.
  [['build', '--site', 'http://[::1'], /--site http:\/\/\[::1 不是有效的网址/],
  [['build', '--site', 'ftp://example.gov.cn/'], /不是有效的网址/],
  [['build', '--site', 'http://'], /不是有效的网址/],
  [['build', '--out', 'README.md/x'], /"README\.md" 是一个文件/],
  [['build', '--out', '/proc/jixiao-x/dist'], /无法创建文件夹/],
  [['build', '--base', '/a b/'], /--base \/a b\/ 不是有效的子目录路径/],
];

describe('hostile command-line values', () => {
  for (const [args, says] of CASES)
    it(`jixiao ${args.join(' ').slice(0, 70)}`, { timeout: 60_000 }, () => {
      const r = runCli(args, project());
      expect([1, 2]).toContain(r.status);
      expect(r.stderr).toMatch(says);
      expect(r.stderr).not.toMatch(/\n\s+at |内部错误|Error\b|\bE[A-Z]{3,}\b(?!_)/);
      // One line says what is wrong; before it, the build may have said where it had got.
      const progress = (l: string) => Object.values(STAGES).some((s) => l.startsWith(s.name));
      if (r.status === 1)
        expect(
          r.stderr
            .trim()
            .split('\n')
            .filter((l) => !progress(l)),
        ).toHaveLength(1);
    });
});
