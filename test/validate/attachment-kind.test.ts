/**
 * Attachments are checked by their bytes, not only their name (issue 28.9): an executable named
 * setup.pdf and a web page named pic.jpg are refused with the field named; real files of every
 * accepted type pass (made here by the same writers as the other tests: a WordprocessingML zip,
 * jixiao's own workbook, a PDF written by hand, an OFD package, and known small images).
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { zipSync, strToU8 } from 'fflate';
import { describe, expect, test } from 'vitest';
import { errorsOf, formatFinding } from '../../src/findings.ts';
import { readAttachment } from '../../src/publish/attachments.ts';
import { writeXlsx } from '../../src/publish/xlsx.ts';
import { buildDocx, buildPdf } from '../import/build-fixtures.ts';
import { report, tempDir, validate, writeReport } from './helpers.ts';

const withAttachments = (files: string[]) => report(`attachments:\n${files.map((f) => `  - title: 原件\n    file: ${JSON.stringify(f)}\n`).join('')}`);

async function errorsFor(files: Record<string, Buffer | string>) {
  const dir = await tempDir();
  await writeReport(dir, 'r.yaml', withAttachments(Object.keys(files)));
  for (const [name, bytes] of Object.entries(files)) await writeFile(join(dir, name), bytes);
  return errorsOf((await validate(dir)).findings).map(formatFinding);
}

const b64 = (s: string) => Buffer.from(s, 'base64');
const OLE = Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(504)]);
const realFiles = async (): Promise<Record<string, Buffer>> => ({
  'a.pdf': buildPdf([[{ text: '虚构示例', x: 72, y: 720 }]]),
  'b.docx': buildDocx([{ p: '虚构示例' }]),
  'c.xlsx': Buffer.from(await writeXlsx([{ name: '表', widths: [10], rows: [[{ text: '虚构' }]] }], { title: 't', subject: 's', date: new Date(0) })),
  'd.ofd': Buffer.from(zipSync({ 'OFD.xml': strToU8('<ofd:OFD xmlns:ofd="http://www.ofdspec.org/2016"/>'), 'Doc_0/Document.xml': strToU8('<x/>') })),
  'e.doc': OLE,
  'f.xls': OLE,
  'g.png': b64('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=='),
  'h.gif': b64('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7'),
  'i.webp': b64('UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA=='),
  'j.jpg': Buffer.concat([Buffer.from('ffd8ffe000104a46494600010100000100010000', 'hex'), Buffer.from('ffd9', 'hex')]),
});

describe('attachment types by content', () => {
  test('an executable named setup.pdf and a web page named pic.jpg are refused, naming the field', async () => {
    expect(
      await errorsFor({
        'setup.pdf': Buffer.concat([Buffer.from('MZ\x90\x00', 'latin1'), Buffer.alloc(200)]),
        'pic.jpg': '<!DOCTYPE html><html><script>alert(1)</script></html>',
      }),
    ).toEqual([
      'r.yaml:9: 错误: attachments[0].file：附件 "setup.pdf" 按文件名应是PDF 文件，但内容是Windows 可执行程序，不会发布。 提示：只发布真正的原件；如果文件被改过扩展名，请找回原来的文件，或用正确的软件另存为对应格式。 [E_ATTACHMENT_CONTENT]',
      'r.yaml:11: 错误: attachments[1].file：附件 "pic.jpg" 按文件名应是JPEG 图像，但内容是网页（HTML），不会发布。 提示：只发布真正的原件；如果文件被改过扩展名，请找回原来的文件，或用正确的软件另存为对应格式。 [E_ATTACHMENT_CONTENT]',
    ]);
  });

  test('a .docx that is a PDF, an .ofd that is any zip, a .png that is text: each named for what it is', async () => {
    const errors = await errorsFor({
      'x.docx': buildPdf([[{ text: '虚构', x: 72, y: 720 }]]),
      'y.ofd': Buffer.from(zipSync({ 'readme.txt': strToU8('x') })),
      'z.png': '虚构',
    });
    expect(errors.map((e) => /应是(.*?)，但内容是(.*?)，/.exec(e)!.slice(1).join(' ← '))).toEqual([
      'Word 文件（.docx） ← PDF 文件',
      'OFD 文件 ← zip 压缩包',
      'PNG 图像 ← 无法识别的内容',
    ]);
  });

  test('real files of every accepted type pass', async () => {
    expect(await errorsFor(await realFiles())).toEqual([]);
  });

  test('the build checks the bytes it copies too', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'setup.pdf'), 'MZ\x90\x00');
    await expect(readAttachment(join(dir, 'setup.pdf'), dir, { file: 'r.yaml', name: 'setup.pdf' })).rejects.toThrow(
      'r.yaml：附件 "setup.pdf" 按文件名应是PDF 文件，但内容是Windows 可执行程序，不会发布。',
    );
  });

  test('a type site.yaml adds is refused only when it is plainly a program or a web page', async () => {
    const dir = await tempDir();
    await writeReport(dir, 'r.yaml', withAttachments(['a.txt', 'b.txt']));
    await writeFile(join(dir, 'a.txt'), '虚构示例说明');
    await writeFile(join(dir, 'b.txt'), '#!/bin/sh\nrm -rf /\n');
    const { validateContent } = await import('../../src/validate/index.ts');
    const v = await validateContent(dir, { cwd: dir, attachments: { maxMB: 1, types: ['txt'] } });
    expect(errorsOf(v.findings).map((f) => `${f.field} ${f.code}`)).toEqual(['attachments[1].file E_ATTACHMENT_CONTENT']);
  });
});
