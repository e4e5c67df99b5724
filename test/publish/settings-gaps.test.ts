// A site without its footer's 主办单位, 网站标识码 and contact is not ready to publish: `build` warns
// (W_SITE_SETTINGS), `build --strict` refuses before rendering anything.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildPages } from '../../src/build/pages.ts';
import { formatFinding } from '../../src/findings.ts';
import { loadSettings, settingsGaps } from '../../src/site/settings.ts';
import { ROOT, writeTree } from '../helpers/build-site.ts';

const seed = readFileSync(join(ROOT, 'content/2022/haizhu-kgsxj.yaml'), 'utf8');

async function gapsOf(files: Record<string, string>) {
  const dir = writeTree(files);
  const path = join(dir, 'site.yaml');
  const { settings } = await loadSettings(path, dir);
  return settingsGaps(settings!, path, dir);
}

describe('W_SITE_SETTINGS', () => {
  it('no site.yaml at all: names the three footer items and the file to copy', async () => {
    const gaps = await gapsOf({ 'x.txt': '' });
    expect(gaps.map(formatFinding)).toEqual([
      'site.yaml: 提示: 没有网站设置文件，网站页脚将缺少主办单位、网站标识码、联系方式。 提示：把 site.example.yaml 复制为 site.yaml，填写本单位的主办单位（footer.sponsor）、网站标识码（footer.siteCode）和联系方式（footer.contact）。 [W_SITE_SETTINGS]',
    ]);
  });

  it('a site.yaml that lacks one item names only that one', async () => {
    const gaps = await gapsOf({ 'site.yaml': 'footer:\n  sponsor: 虚构市财政局\n  siteCode: "0000000000"\n' });
    expect(gaps).toHaveLength(1);
    expect(gaps[0]).toMatchObject({ severity: 'warning', code: 'W_SITE_SETTINGS', field: 'footer', message: '网站页脚将缺少联系方式。' });
  });

  it('passes with all three, as in site.example.yaml', async () => {
    const { settings } = await loadSettings(join(ROOT, 'site.example.yaml'), ROOT);
    expect(settingsGaps(settings!, join(ROOT, 'site.example.yaml'), ROOT)).toEqual([]);
  });

  it('build --strict refuses a site without them, before rendering a page', async () => {
    const dir = writeTree({ 'content/2022/haizhu-kgsxj.yaml': seed });
    const job = { contentDir: join(dir, 'content'), outDir: join(dir, 'dist'), settingsPath: join(dir, 'site.yaml'), cwd: dir, strict: true };
    const r = await buildPages(job);
    expect(r).toMatchObject({ ok: false, errors: 0, strict: 1 });
    expect('findings' in r && r.findings.map((f) => f.code)).toContain('W_SITE_SETTINGS');
  });
});
