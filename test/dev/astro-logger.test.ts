// Under `jixiao dev`, Astro's and Vite's English messages reach staff as one Chinese line from
// the catalogue (handed to the logger in its config), the English kept in a log file.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it, vi } from 'vitest';
import devLogger from '../../src/dev/astro-logger.mjs';
import { say, sentence } from '../../src/errors/messages.ts';

const line = (error: boolean, logFile?: string) => sentence(say('DEV_ASTRO_SAID', { error, logFile }));
const lines = (shown: string) => ({
  error: { kept: line(true, shown), lost: line(true) },
  warn: { kept: line(false, shown), lost: line(false) },
});

function written(run: () => void): string {
  let out = '';
  const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((out += String(chunk)), true));
  try {
    run();
  } finally {
    spy.mockRestore();
  }
  return out;
}

afterEach(() => vi.restoreAllMocks());

it('says an error in Chinese, naming the log file where the English original was kept', () => {
  const logFile = join(mkdtempSync(join(tmpdir(), 'jx-log-')), 'logs', 'dev.log');
  const out = written(() =>
    devLogger({ logFile, lines: lines('.jixiao/dev.log') }).write({ level: 'error', label: 'vite', message: 'Internal server error: boom' }),
  );
  expect(out).toMatch(
    /^\[\d\d:\d\d:\d\d\] 预览服务器出错，英文原文记在 \.jixiao\/dev\.log。页面如有异常，保存一次文件或刷新浏览器；问题持续时把这份记录交给网站维护人员。\n$/,
  );
  expect(readFileSync(logFile, 'utf8')).toContain('[error] [vite] Internal server error: boom');
});

it('says a warning without naming a log file it could not write', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jx-log-'));
  writeFileSync(join(dir, 'file'), '');
  const out = written(() =>
    devLogger({ logFile: join(dir, 'file', 'dev.log'), lines: lines('x') }).write({ level: 'warn', label: 'vite', message: 'something' }),
  );
  expect(out).toMatch(/\] 预览服务器发出一条提示。页面如有异常/);
  expect(out).not.toContain('英文原文');
});

it('drops information and a route warning (the browser shows the 404 page)', () => {
  const logger = devLogger({ lines: lines('x') });
  expect(written(() => logger.write({ level: 'info', message: 'ready' }))).toBe('');
  expect(written(() => logger.write({ level: 'warn', label: 'router', message: 'No route' }))).toBe('');
});
