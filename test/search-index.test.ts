// Search indexing is part of the build: when pagefind fails, the build stops with a Chinese
// message and the previously published site stays exactly as it was.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeOutputManifest } from '../src/output/manifest.ts';
import { runCli, writeTree } from './helpers/build-site.ts';

describe('search indexing in jixiao build', () => {
  it('fails cleanly, leaving the previous output untouched, when pagefind cannot run', async () => {
    // A previous output jixiao made (its marker lists its files), so the build may replace it.
    const dir = writeTree({ 'dist/index.html': '<!doctype html><title>上一次发布的网站</title>' });
    mkdirSync(join(dir, 'dist/pagefind'));
    writeFileSync(join(dir, 'dist/pagefind/pagefind.js'), '// old bundle');
    await writeOutputManifest(join(dir, 'dist'));
    const r = runCli(['build', '--out', join(dir, 'dist')], undefined, { PAGEFIND_EXTENDED_BINARY_PATH: '/bin/false', PAGEFIND_BINARY_PATH: '/bin/false' });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('生成站内搜索索引失败，未更新网站；原有输出保持不变。');
    expect(readFileSync(join(dir, 'dist/index.html'), 'utf8')).toContain('上一次发布的网站');
    expect(readFileSync(join(dir, 'dist/pagefind/pagefind.js'), 'utf8')).toBe('// old bundle');
    expect(readdirSync(dir).filter((f) => f !== '.jixiao-cache')).toEqual(['dist']); // no temporary folder left
  });
});
