/**
 * Attachments a report lists must be safe to publish: a regular file inside the content folder
 * (no link leading outside, no folder, FIFO or device), of an accepted type — by its name and by
 * its bytes (attachment-kind.ts) — and under the size cap set in site.yaml (`attachments`).
 * Checked on the opened file; only its first KB and a zip's directory are read here.
 */
import { closeSync } from 'node:fs';
import { lstat } from 'node:fs/promises';
import { dirname, extname, join } from 'node:path';
import { finding, findingWith, num, type Finding } from '../findings.ts';
import type { ParamsOf } from '../errors/catalogue.ts';
import { DEFAULT_ATTACHMENT_MAX_MB, DEFAULT_ATTACHMENT_TYPES, type AttachmentRules } from '../schema/site.ts';
import type { Report } from '../schema/index.ts';
import { contentMismatch, readAtFd } from './attachment-kind.ts';
import { openInside, type Refusal } from './safe-read.ts';

export const DEFAULT_ATTACHMENT_RULES: AttachmentRules = { maxMB: DEFAULT_ATTACHMENT_MAX_MB, types: [...DEFAULT_ATTACHMENT_TYPES] };

type RefusalCode = 'E_ATTACHMENT_READ' | 'E_ATTACHMENT_LINK' | 'E_ATTACHMENT_NOT_FILE' | 'E_ATTACHMENT_TOO_LARGE';

/** The catalogued code and parameters of an attachment that was not read (also for the publishing step). */
export function attachmentRefusal(name: string, r: Refusal, maxMB: number): { code: RefusalCode; params: ParamsOf<RefusalCode> } {
  switch (r.kind) {
    case 'read':
      return { code: 'E_ATTACHMENT_READ', params: { name, reason: r.reason } };
    case 'outside':
      return { code: 'E_ATTACHMENT_LINK', params: { name, real: r.real } };
    case 'not-regular':
      return { code: 'E_ATTACHMENT_NOT_FILE', params: { name, kind: r.what } };
    case 'too-large':
      return { code: 'E_ATTACHMENT_TOO_LARGE', params: { name, megabytes: num(r.size / 1048576, 1), maxMB: num(maxMB) } };
  }
}

export async function checkAttachments(o: {
  report: Report;
  path: string;
  file: string;
  root: string | undefined;
  rules: AttachmentRules;
  lineOf: (p: readonly PropertyKey[]) => number | undefined;
}): Promise<Finding[]> {
  const out: Finding[] = [];
  for (const [i, a] of (o.report.attachments ?? []).entries()) {
    const field = `attachments[${i}].file`;
    const where = { file: o.file, line: o.lineOf(['attachments', i, 'file']), field };
    const name = JSON.stringify(a.file);
    const ext = extname(a.file).slice(1).toLowerCase();
    if (!o.rules.types.includes(ext)) {
      out.push(finding('E_ATTACHMENT_TYPE', where, { name, ext, types: o.rules.types }));
      continue;
    }
    const source = join(dirname(o.path), a.file);
    if (
      !(await lstat(source).then(
        () => true,
        () => false,
      ))
    ) {
      out.push(finding('E_ATTACHMENT_MISSING', where, { file: a.file }));
      continue;
    }
    const max = o.rules.maxMB * 1024 * 1024;
    const r = openInside(source, { root: o.root, max });
    if (!r.ok) {
      const refused = attachmentRefusal(name, r.refusal, o.rules.maxMB);
      out.push(findingWith(refused.code, where, refused.params));
      continue;
    }
    // Its type by its bytes, read from the opened file (at most its first KB and its zip directory).
    let mismatch: ReturnType<typeof contentMismatch>;
    try {
      mismatch = contentMismatch(ext, readAtFd(r.fd), r.stat.size);
    } catch (err) {
      out.push(findingWith('E_ATTACHMENT_READ', where, { name, reason: String((err as NodeJS.ErrnoException).code ?? err) }));
      continue;
    } finally {
      closeSync(r.fd);
    }
    if (mismatch) out.push(finding('E_ATTACHMENT_CONTENT', where, { name, ...mismatch }));
  }
  return out;
}
