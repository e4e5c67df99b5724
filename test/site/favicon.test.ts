/**
 * The icon site.yaml names is published on the site's origin (issue 28.9): an SVG holding a
 * <script>, an event handler or a link elsewhere is refused with the file, line and field, as is
 * a .png that is not one or an icon that is missing; a plain SVG passes and is published as is.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, onTestFinished, test } from 'vitest';
import { formatFinding } from '../../src/findings.ts';
import { SiteSettingsSchema } from '../../src/schema/index.ts';
import { provideBuildContext } from '../../src/site/build-context.ts';
import { favicon } from '../../src/site/favicon.ts';
import { loadSettings } from '../../src/site/settings.ts';

const PLAIN =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><defs><linearGradient id="g"/></defs><rect width="32" height="32" fill="url(#g)"/></svg>';

async function settingsWith(icon: string, bytes: string | Buffer | undefined) {
  const dir = await mkdtemp(join(tmpdir(), 'jixiao-favicon-'));
  onTestFinished(() => rm(dir, { recursive: true, force: true }));
  await writeFile(join(dir, 'site.yaml'), `name: 虚构示例网站\nfavicon: ${icon}\n`);
  if (bytes !== undefined) await writeFile(join(dir, icon), bytes);
  return { dir, loaded: await loadSettings(join(dir, 'site.yaml'), dir) };
}

describe('the favicon named in site.yaml', () => {
  test('an SVG with a <script> is refused, naming file, line and field', async () => {
    const { loaded } = await settingsWith('icon.svg', PLAIN.replace('</svg>', '<script>alert(document.cookie)</script></svg>'));
    expect(loaded.settings).toBeUndefined();
    expect(loaded.findings.map(formatFinding)).toEqual([
      'site.yaml:2: 错误: favicon：网站图标 "icon.svg"：SVG 中含有<script> 脚本，图标不需要，发布后可能在本网站上运行。 提示：用一个普通的 .png、.ico 或只含图形的 .svg 文件；SVG 可用绘图软件另存为“纯 SVG”，或改用 PNG。 [E_FAVICON]',
    ]);
  });

  test.each([
    ['<rect onload="alert(1)"/>', '事件属性'],
    ['<a href="javascript:alert(1)"><rect/></a>', 'javascript: 链接'],
    ['<image href="https://evil.example/x.png"/>', '指向其他文件或网站的链接'],
    ['<foreignObject><iframe src="/"/></foreignObject>', '嵌入的网页或对象'],
    ['<set attributeName="href" to="#b"/>', '动画'],
    ['<style>@import "https://evil.example/x.css";</style>', '样式中引用的其他文件'],
  ])('an SVG with %s is refused', async (inner, what) => {
    const { loaded } = await settingsWith('icon.svg', PLAIN.replace('</svg>', `${inner}</svg>`));
    expect(loaded.findings.map((f) => f.message).join()).toContain(what);
  });

  test('a .png that is a web page, and an icon that is not there, are refused', async () => {
    expect((await settingsWith('icon.png', '<html>')).loaded.findings.map((f) => f.message)).toEqual(['网站图标 "icon.png"：内容不是 PNG 图像。']);
    expect((await settingsWith('icon.ico', undefined)).loaded.findings.map((f) => f.message)).toEqual([
      '网站图标 "icon.ico"：文件不存在（或是指向不存在文件的链接）。',
    ]);
  });

  test('a plain SVG passes and is published byte for byte; changed into a script after loading, the build refuses it', async () => {
    const { dir, loaded } = await settingsWith('icon.svg', PLAIN);
    expect(loaded.findings).toEqual([]);
    provideBuildContext({ base: '/', settings: SiteSettingsSchema.parse({ favicon: 'icon.svg' }), reports: [], settingsFile: join(dir, 'site.yaml') });
    const f = await favicon();
    expect(String(await f.body())).toBe(PLAIN);
    await writeFile(join(dir, 'icon.svg'), PLAIN.replace('</svg>', '<script>x()</script></svg>'));
    await expect(f.body()).rejects.toThrow('网站图标 icon.svg：SVG 中含有<script> 脚本');
  });
});
