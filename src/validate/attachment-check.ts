/**
 * Attachments a report lists must be safe to publish: a regular file inside the content folder
 * (no link leading outside, no folder, FIFO or device), of an accepted type and under the size
 * cap set in site.yaml (`attachments`). Checked on the opened file, never read here.
 */
import { lstat } from 'node:fs/promises';
import { dirname, extname, join } from 'node:path';
import { num, type Finding } from '../findings.ts';
import { DEFAULT_ATTACHMENT_MAX_MB, DEFAULT_ATTACHMENT_TYPES, type AttachmentRules } from '../schema/site.ts';
import type { Report } from '../schema/index.ts';
import { readBounded } from './safe-read.ts';

export const DEFAULT_ATTACHMENT_RULES: AttachmentRules = { maxMB: DEFAULT_ATTACHMENT_MAX_MB, types: [...DEFAULT_ATTACHMENT_TYPES] };

const CODES: Record<string, string> = { E_LINK_OUTSIDE: 'E_ATTACHMENT_LINK', E_NOT_REGULAR: 'E_ATTACHMENT_NOT_FILE', E_READ: 'E_ATTACHMENT_READ' };

export async function checkAttachments(o: { report: Report; path: string; file: string; root: string | undefined; rules: AttachmentRules; lineOf: (p: readonly PropertyKey[]) => number | undefined }): Promise<Finding[]> {
  const out: Finding[] = [];
  for (const [i, a] of (o.report.attachments ?? []).entries()) {
    const field = `attachments[${i}].file`;
    const at = (code: string, message: string, hint: string): Finding => ({ severity: 'error', code, file: o.file, line: o.lineOf(['attachments', i, 'file']), field, message, hint });
    const name = JSON.stringify(a.file);
    const ext = extname(a.file).slice(1).toLowerCase();
    if (!o.rules.types.includes(ext)) {
      out.push(at('E_ATTACHMENT_TYPE', `附件 ${name} 的类型${ext ? ` .${ext} ` : '（没有扩展名）'}不在可发布的类型之内。`, `可发布的类型：${o.rules.types.join('、')}；其他类型请先转为 PDF，或在 site.yaml 的 attachments.types 中加入。`));
      continue;
    }
    const source = join(dirname(o.path), a.file);
    if (!(await lstat(source).then(() => true, () => false))) {
      out.push(at('E_ATTACHMENT_MISSING', `附件文件 ${a.file} 不存在。`, '把附件放在报告文件所在的文件夹，或改正文件名。'));
      continue;
    }
    const max = o.rules.maxMB * 1024 * 1024;
    const r = await readBounded(source, {
      root: o.root, max, readContent: false,
      sizeRefusal: (size) => ({ code: 'E_ATTACHMENT_TOO_LARGE', message: `有 ${num(size / 1048576, 1)} MB，超过附件大小上限 ${num(o.rules.maxMB)} MB。`, hint: '压缩或拆分附件，或在 site.yaml 的 attachments.maxMB 中调高上限。' }),
    });
    if (!r.ok) out.push(at(CODES[r.refusal.code] ?? r.refusal.code, `附件 ${name} ${r.refusal.message}`, r.refusal.hint));
  }
  return out;
}
