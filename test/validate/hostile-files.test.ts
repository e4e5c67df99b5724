/**
 * Only regular files inside the content folder are read as reports or published as attachments:
 * a link leading outside (/etc/passwd), a folder, a FIFO (which would hang a read) or a device
 * (/dev/zero, read without end) is refused by name, and every read is bounded before it starts.
 */
import { spawnSync } from 'node:child_process';
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { errorsOf, formatFinding } from '../../src/findings.ts';
import { validateContent } from '../../src/validate/index.ts';
import { readBounded } from '../../src/validate/safe-read.ts';
import { report, tempDir, validate, writeReport } from './helpers.ts';

const withAttachment = (file: string) => report(`attachments:\n  - title: 原件\n    file: ${JSON.stringify(file)}\n`);
const mkfifo = (path: string) => expect(spawnSync('mkfifo', [path]).status).toBe(0);

async function errorsFor(setup: (dir: string) => Promise<void>, rules?: { maxMB: number; types: string[] }) {
  const dir = await tempDir();
  await setup(dir);
  const v = rules ? await validateContent(dir, { cwd: dir, attachments: rules }) : await validate(dir);
  return errorsOf(v.findings).map(formatFinding);
}

describe('attachments', () => {
  test('a link to /etc/passwd is refused, not published', async () => {
    const errors = await errorsFor(async (dir) => {
      await writeReport(dir, 'r.yaml', withAttachment('passwd.pdf'));
      await symlink('/etc/passwd', join(dir, 'passwd.pdf'));
    });
    expect(errors).toEqual([
      'r.yaml:9: 错误: attachments[0].file：附件 "passwd.pdf" 是指向内容文件夹以外（"/etc/passwd"）的链接，不会读取或发布。 提示：把文件本身复制到报告文件所在的文件夹，不要用链接。 [E_ATTACHMENT_LINK]',
    ]);
  });

  test('a link to /dev/zero is refused at once', async () => {
    const errors = await errorsFor(async (dir) => {
      await writeReport(dir, 'r.yaml', withAttachment('zero.pdf'));
      await symlink('/dev/zero', join(dir, 'zero.pdf'));
    });
    expect(errors.join()).toContain('[E_ATTACHMENT_LINK]');
  });

  test('a folder named like a PDF is refused by name, without a stack trace', async () => {
    const errors = await errorsFor(async (dir) => {
      await writeReport(dir, 'r.yaml', withAttachment('原件.pdf'));
      await mkdir(join(dir, '原件.pdf'));
    });
    expect(errors).toEqual([
      'r.yaml:9: 错误: attachments[0].file：附件 "原件.pdf" 不是普通文件，而是文件夹，不会读取或发布。 提示：只引用放在内容文件夹中的普通文件。 [E_ATTACHMENT_NOT_FILE]',
    ]);
  });

  test('a FIFO is refused and does not hang the build', async () => {
    const errors = await errorsFor(async (dir) => {
      await writeReport(dir, 'r.yaml', withAttachment('pipe.pdf'));
      mkfifo(join(dir, 'pipe.pdf'));
    });
    expect(errors.join()).toMatch(/附件 "pipe.pdf" 不是普通文件，而是命名管道（FIFO）.*\[E_ATTACHMENT_NOT_FILE\]/);
  });

  test('a type outside the accepted list, and a file over the size cap from site.yaml', async () => {
    const errors = await errorsFor(
      async (dir) => {
        await writeReport(dir, 'r.yaml', report('attachments:\n  - { title: 程序, file: run.exe }\n  - { title: 原件, file: big.pdf }\n'));
        await writeFile(join(dir, 'run.exe'), 'MZ');
        await writeFile(join(dir, 'big.pdf'), Buffer.alloc(300_000));
      },
      { maxMB: 0.25, types: ['pdf'] },
    );
    expect(errors).toEqual([
      'r.yaml:8: 错误: attachments[0].file：附件 "run.exe" 的类型 .exe 不在可发布的类型之内。 提示：可发布的类型：pdf；其他类型请先转为 PDF，或在 site.yaml 的 attachments.types 中加入。 [E_ATTACHMENT_TYPE]',
      'r.yaml:9: 错误: attachments[1].file：附件 "big.pdf" 有 0.3 MB，超过附件大小上限 0.25 MB。 提示：压缩或拆分附件，或在 site.yaml 的 attachments.maxMB 中调高上限。 [E_ATTACHMENT_TOO_LARGE]',
    ]);
  });

  test('a regular PDF beside the report passes', async () => {
    expect(
      await errorsFor(async (dir) => {
        await writeReport(dir, 'r.yaml', withAttachment('原件.pdf'));
        await writeFile(join(dir, '原件.pdf'), '%PDF-1.4\n');
      }),
    ).toEqual([]);
  });
});

describe('report files', () => {
  test('a report linked to /dev/zero is refused, not read without end', async () => {
    const errors = await errorsFor(async (dir) => {
      await symlink('/dev/zero', join(dir, 'r.yaml'));
    });
    expect(errors.join()).toMatch(/^r\.yaml: 错误: 是指向内容文件夹以外（"\/dev\/zero"）的链接.*\[E_LINK_OUTSIDE\]$/);
  });

  test('a FIFO named .yaml is refused by name, not skipped and not waited on', async () => {
    const errors = await errorsFor(async (dir) => {
      mkfifo(join(dir, 'r.yaml'));
    });
    expect(errors).toEqual(['r.yaml: 错误: 不是普通文件，而是命名管道（FIFO），不会读取或发布。 提示：只引用放在内容文件夹中的普通文件。 [E_NOT_REGULAR]']);
  });

  test('a link to a report elsewhere in the content folder is read', async () => {
    const errors = await errorsFor(async (dir) => {
      await writeReport(dir, 'a/r.yaml', report());
      await symlink(join(dir, 'a/r.yaml'), join(dir, 'b.yaml'));
    });
    expect(errors.join()).toContain('E_DUPLICATE_REPORT'); // read twice: the same report
  });
});

describe('readBounded', () => {
  test('a device is refused on the opened file, before any byte is read', async () => {
    const r = await readBounded('/dev/zero', { max: 1024 });
    expect(r.ok ? 'read' : r.refusal).toEqual({ kind: 'not-regular', what: '设备文件' });
  });

  test('never reads past the cap', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'x'), Buffer.alloc(5000));
    const r = await readBounded(join(dir, 'x'), { max: 4096 });
    expect(r.ok ? 'read' : r.refusal.kind).toBe('too-large');
  });
});
