/**
 * Settings travel as values: a settings file named with --config must exist (no silent
 * defaults), no module reads settings or content from the environment, and site/ never
 * imports publish/ (publish builds on site's routes, not the other way round).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli, writeTree } from '../helpers/build-site.ts';

const seed = readFileSync(join(ROOT, 'content/2022/haizhu-kgsxj.yaml'), 'utf8');
const sources = (dir: string) =>
  (readdirSync(join(ROOT, dir), { recursive: true }) as string[]).filter((f) => /\.(ts|astro|mjs)$/.test(f)).map((f) => join(ROOT, dir, f));

describe('settings passed as values', () => {
  it('validate: a --config file that does not exist is an error naming it', () => {
    const dir = writeTree({ 'content/2022/a.yaml': seed });
    const r = runCli(['validate', '--content', 'content', '--config', 'missing-site.yaml'], dir);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/missing-site\.yaml: 错误: 无法读取文件：文件不存在.*\[E_READ\]/);
  });

  it('build: a --config file that does not exist stops the build before anything is written', () => {
    const dir = writeTree({ 'content/2022/a.yaml': seed });
    const r = runCli(['build', '--content', 'content', '--out', 'dist', '--config', 'missing-site.yaml'], dir);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/missing-site\.yaml: 错误: 无法读取文件/);
    expect(readdirSync(dir)).not.toContain('dist');
  });

  it('no module hands settings or content over through process.env or globalThis', () => {
    for (const file of sources('src')) {
      const text = readFileSync(file, 'utf8');
      expect(text, file).not.toMatch(/process\.env\.JIXIAO_(SETTINGS|CONTENT|BASE|SITE)\b|globalThis/);
    }
  });

  it('site/ never imports publish/', () => {
    for (const file of sources('src/site')) expect(readFileSync(file, 'utf8'), file).not.toMatch(/from '\.\.\/publish\//);
  });
});
