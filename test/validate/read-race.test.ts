/**
 * A content file is checked where it leads when it is read, not only when it was validated
 * (issue 28.2): an attachment swapped for a link to /etc/passwd after validation, or a folder on
 * its path swapped for a link to a folder outside, is refused where the build copies it. The
 * swaps happen at fixed points (after validation; between the check of a path and its open,
 * through the helper's test hook), so each case is deterministic.
 */
import { renameSync, symlinkSync } from 'node:fs';
import { mkdir, rename, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { archiveEntries } from '../../src/publish/archive-entries.ts';
import { publishedAttachments, readAttachment } from '../../src/publish/attachments.ts';
import { openInside, readBounded } from '../../src/validate/safe-read.ts';
import { provideTestContext } from '../helpers/build-context.ts';
import { report, tempDir, validate, writeReport } from './helpers.ts';

const PDF = '%PDF-1.4\n% 虚构示例\n';
const swapForLink = async (path: string, target: string) => {
  // As in the issue: a link made beside it, then renamed over it in one step.
  await symlink(target, `${path}.l`);
  await rename(`${path}.l`, path);
};

describe('an attachment swapped for a link after validation', () => {
  test('is refused where the build copies it, naming the report file and the attachment', async () => {
    const dir = await tempDir();
    await writeReport(dir, '2022/r.yaml', report('attachments:\n  - title: 原件\n    file: a.pdf\n'));
    await writeFile(join(dir, '2022/a.pdf'), PDF);
    const v = await validate(dir);
    expect(v.errors).toEqual([]);
    const [loaded] = v.reports;
    provideTestContext(v.reports);
    await swapForLink(join(dir, '2022/a.pdf'), '/etc/passwd');
    await expect(publishedAttachments(loaded!)).rejects.toThrow(
      /^2022\/r\.yaml：附件 "a\.pdf" 是指向内容文件夹以外（"\/etc\/passwd"）的链接，不会读取或发布。（生成网站时读取附件发现；原有输出保持不变。）$/,
    );
    await expect(readAttachment(join(dir, '2022/a.pdf'), loaded!.root)).rejects.toThrow(/"\/etc\/passwd"/);
  });

  test('the same file, left alone, is copied byte for byte', async () => {
    const dir = await tempDir();
    await writeReport(dir, 'r.yaml', report('attachments:\n  - title: 原件\n    file: a.pdf\n'));
    await writeFile(join(dir, 'a.pdf'), PDF);
    const v = await validate(dir);
    expect((await readAttachment(join(dir, 'a.pdf'), v.reports[0]!.root)).toString()).toBe(PDF);
  });
});

describe('a swap between the check of the path and the open', () => {
  test('the file itself swapped for a link: not followed (O_NOFOLLOW), looked at again and refused', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'a.pdf'), PDF);
    const opened = openInside(join(dir, 'a.pdf'), { root: dir, beforeOpen: (real) => swapSync(real, '/etc/passwd') });
    expect(opened.ok ? 'opened' : opened.refusal).toEqual({ kind: 'outside', real: '/etc/passwd' });
  });

  test('a folder on the path swapped for a link to a folder outside: the opened file is outside, refused', async () => {
    const dir = await tempDir();
    const outside = await tempDir();
    await mkdir(join(dir, 'content/2022'), { recursive: true });
    await writeFile(join(dir, 'content/2022/a.pdf'), PDF);
    await writeFile(join(outside, 'a.pdf'), 'root:x:0:0:root:/root:/bin/bash\n');
    const root = join(dir, 'content');
    const r = await readBounded(join(root, '2022/a.pdf'), {
      root,
      max: 1 << 20,
      beforeOpen: () => {
        renameSync(join(root, '2022'), join(root, '2022.old'));
        symlinkSync(outside, join(root, '2022'));
      },
    });
    expect(r.ok ? r.bytes.toString() : r.refusal).toEqual({ kind: 'outside', real: join(outside, 'a.pdf') });
  });
});

function swapSync(path: string, target: string) {
  symlinkSync(target, `${path}.l`);
  renameSync(`${path}.l`, path);
}

describe('package', () => {
  test('a file of the built site swapped for a link after the listing is refused when it is packed, not packed', async () => {
    const site = await tempDir();
    await writeFile(join(site, 'index.html'), '<!doctype html>');
    const entries = archiveEntries(site, 'jixiao-site-2022');
    const index = entries.find((e) => e.path === 'jixiao-site-2022/index.html')!;
    await swapForLink(join(site, 'index.html'), '/etc/passwd');
    expect(() => index.read()).toThrow('网站文件夹中的 index.html 在打包时已不是网站文件夹中的普通文件（可能被换成了链接），未打包。');
  });
});
