// A build says where it has got (issue 33): on a file or in CI each stage and its count as lines
// on stderr, and a closing summary of each stage's time; on a terminal one line redrawn in place;
// with --quiet nothing but errors. The real CLI, on 240 generated reports.
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateReports } from '../../bench/generate-reports.ts';
import { BIN, ROOT, runCli, writeTree } from '../helpers/build-site.ts';

const REPORTS = 240;
let dir: string;
beforeAll(() => {
  dir = writeTree(generateReports({ count: REPORTS, seed: 11 }));
});
const build = (...extra: string[]) => runCli(['build', '--content', join(dir, 'content'), '--out', join(dir, 'dist'), ...extra], dir, { CI: '' });

describe('jixiao build of many reports', () => {
  it('prints each stage with its count as lines when stderr is not a terminal, and each stage time at the end', () => {
    const r = build();
    expect(r.status, r.stderr).toBe(0);
    const lines = r.stderr.split('\n');
    for (const line of [`检查报告：共 ${REPORTS} 个文件`, `生成页面：共 ${REPORTS} 个报告页`, '写出数据文件……', `建立搜索索引：共 1 个分片`])
      expect(lines).toContain(line);
    expect(lines.some((l) => new RegExp(`^检查报告完成（${REPORTS} 个文件），\\d+\\.\\d 秒$`).test(l))).toBe(true);
    expect(lines.some((l) => new RegExp(`^生成页面完成（${REPORTS} 个报告页），\\d+\\.\\d 秒$`).test(l))).toBe(true);
    expect(r.stderr).not.toMatch(/\r|\x1b/);
    expect(r.stdout).toMatch(/^各步用时：检查报告 \d+\.\d 秒，生成页面 \d+\.\d 秒，写出数据文件 \d+\.\d 秒，建立搜索索引 \d+\.\d 秒；共 \d+\.\d 秒。$/m);
  });

  it('prints nothing with --quiet when all is well, and only the errors when it is not', () => {
    const ok = build('--quiet');
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stdout + ok.stderr).toBe('');
    writeFileSync(join(dir, 'content/2024/broken.yaml'), 'kind: department\nyear: 二〇二四\n');
    try {
      const bad = build('--quiet');
      expect(bad.status).toBe(1);
      expect(bad.stdout).toBe('');
      const lines = bad.stderr.trim().split('\n');
      expect(lines.length).toBeGreaterThan(1);
      expect(lines.slice(0, -1).every((l) => /^content\/2024\/broken\.yaml(:\d+)?: 错误: /.test(l))).toBe(true);
      expect(lines.at(-1)).toMatch(/个错误，未生成网站；原有输出保持不变。$/);
    } finally {
      rmSync(join(dir, 'content/2024/broken.yaml'));
    }
  });

  // A real pseudo-terminal (util-linux `script`): the line is redrawn in place.
  it.skipIf(!existsSync('/usr/bin/script'))('redraws one line in place on a terminal', () => {
    const command = [process.execPath, BIN, 'build', '--content', join(dir, 'content'), '--out', join(dir, 'dist-tty')].map((a) => `'${a}'`).join(' ');
    const r = spawnSync('/usr/bin/script', ['-qec', command, '/dev/null'], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, CI: '' } });
    expect(r.status, r.stdout).toBe(0);
    expect(r.stdout).toMatch(/\r\x1b\[K检查报告 0\/\d+ 个文件，已用 0\.\d 秒/);
    expect(r.stdout).toMatch(new RegExp(`\\r\\x1b\\[K生成页面 ${REPORTS}/${REPORTS} 个报告页，已用 \\d+\\.\\d 秒`));
    expect(r.stdout).not.toContain('检查报告完成'); // no plain lines on a terminal
    expect(r.stdout).toMatch(/各步用时：检查报告/);
  });
});
