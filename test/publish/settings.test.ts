// site.yaml is checked like a report file: mistakes are named with the line and a hint, and the
// commented example at the repository root is itself valid.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { loadSettings } from '../../src/site/settings.ts';
import { ROOT, writeTree } from '../helpers/build-site.ts';

async function load(yaml: string) {
  const dir = writeTree({ 'site.yaml': yaml });
  return loadSettings(join(dir, 'site.yaml'), dir);
}

describe('site settings', () => {
  it('accepts the commented example shipped as site.example.yaml', async () => {
    const { settings, findings } = await loadSettings(join(ROOT, 'site.example.yaml'), ROOT);
    expect(findings).toEqual([]);
    expect(settings).toMatchObject({
      url: 'https://www.example.gov.cn/xxgk/jxzp/',
      base: '/xxgk/jxzp/',
      footer: { siteCode: '4401050001', icp: '粤ICP备00000000号' },
    });
  });

  it('reads the departments expected each year, by year', async () => {
    const { settings, findings } = await load(
      'expected:\n  - year: 2023\n    departments:\n      - 示例区教育局\n      - 示例区民政局\n  - { year: 2022, departments: [示例区教育局] }\n',
    );
    expect(findings).toEqual([]);
    expect(settings!.expected).toEqual([
      { year: 2023, departments: ['示例区教育局', '示例区民政局'] },
      { year: 2022, departments: ['示例区教育局'] },
    ]);
  });

  it('names a year of the expected departments that is not a year, with its line', async () => {
    const { settings, findings } = await load('expected:\n  - year: 23\n    departments: [示例区教育局]\n');
    expect(settings).toBeUndefined();
    expect(findings[0]).toMatchObject({ severity: 'error', file: 'site.yaml', line: 2, field: 'expected[0].year' });
    expect(findings[0]!.message).toContain('年度');
    expect(findings[0]!.message).toContain('不是合理的年度');
  });

  it('names an unknown key with its line and suggests the one meant', async () => {
    const { settings, findings } = await load('name: 示例\nfooter:\n  sponser: 示例区财政局\n');
    expect(settings).toBeUndefined();
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'error', code: 'E_UNKNOWN_KEY', file: 'site.yaml', line: 3, field: 'footer.sponser' });
    expect(findings[0]!.hint).toContain('sponsor');
  });

  it('refuses a site URL that is not an http(s) address', async () => {
    for (const url of ['www.example.gov.cn/xxgk/', 'ftp://example.gov.cn/', 'javascript:alert(1)']) {
      const { settings, findings } = await load(`url: "${url}"\n`);
      expect(settings, url).toBeUndefined();
      expect(findings[0], url).toMatchObject({ severity: 'error', file: 'site.yaml', line: 1, field: 'url' });
      expect(findings[0]!.message, url).toContain('网站地址');
      expect(findings[0]!.message, url).toContain('https://');
      expect(findings[0]!.hint, url).toContain('https://www.example.gov.cn/');
    }
  });

  it('refuses a base path that is not a folder path', async () => {
    const { findings } = await load('base: xxgk/jxzp\n');
    expect(findings[0]).toMatchObject({ severity: 'error', code: 'E_FORMAT', field: 'base', line: 1 });
    expect(findings[0]!.hint).toContain('/xxgk/jxzp/');
  });

  it('gives defaults when there is no site.yaml', async () => {
    const dir = writeTree({});
    const { settings, findings } = await loadSettings(join(dir, 'site.yaml'), dir);
    expect(findings).toEqual([]);
    expect(settings).toEqual({
      name: '绩效自评报告公开',
      attachments: { maxMB: 50, types: ['pdf', 'ofd', 'doc', 'docx', 'wps', 'xls', 'xlsx', 'et', 'jpg', 'jpeg', 'png', 'gif', 'webp'] },
    });
  });
});
