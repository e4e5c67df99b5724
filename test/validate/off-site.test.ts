/**
 * Content cannot make the site load from elsewhere, nor carry invisible control characters:
 * a Markdown image from another host is a warning and is rendered as a plain link with its
 * address; BEL, ESC and the like are errors naming the field.
 */
import { describe, expect, test } from 'vitest';
import { formatFinding } from '../../src/findings.ts';
import { renderMarkdown } from '../../src/formats/markdown.ts';
import { onlyError, onlyWarning, report } from './helpers.ts';

describe('images from another host', () => {
  test('never become an <img>: a plain link with the address instead', () => {
    const html = renderMarkdown('见图 ![示意图](https://evil.example/x.png) 与 ![](//evil.example/y.png)');
    expect(html).not.toContain('<img');
    expect(html).toContain('<a href="https://evil.example/x.png" rel="nofollow noreferrer">示意图（其他网站的图片，未显示：https://evil.example/x.png）</a>');
    expect(html).toContain('图片（其他网站的图片，未显示：//evil.example/y.png）');
  });

  test('the validator warns, naming the field and the address', async () => {
    const f = await onlyWarning(report('narrative:\n  summary: 见图 ![](https://evil.example/x.png)\n'));
    expect(formatFinding(f)).toBe(
      'r.yaml:8: 提示: narrative.summary：引用了其他网站的图片 "https://evil.example/x.png"；网站不从其他网站加载内容，这里只显示为链接。 提示：需要图片时，把图片作为附件（attachments）发布。 [W_EXTERNAL_IMAGE]',
    );
  });
});

describe('control characters', () => {
  test('BEL and ESC are refused with the field named', async () => {
    const f = await onlyError(report('narrative:\n  summary: "响铃\\a与\\e[31m转义"\n'));
    expect(formatFinding(f)).toBe(
      'r.yaml:8: 错误: narrative.summary：含有不可见的控制字符 U+0007（第 3 个字符处）。 提示：删除它；这类字符多由复制粘贴带入，网页和表格中会显示为乱码。 [E_CONTROL_CHAR]',
    );
  });

  test('newline and tab are fine', async () => {
    const { warningsFor } = await import('./helpers.ts');
    expect(await warningsFor(report('narrative:\n  summary: "第一行\\n第二行\\t制表"\n'))).toEqual([]);
  });
});
